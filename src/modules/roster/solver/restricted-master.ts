import type { Highs, Model } from 'highs';
import { dayChoice, OFF, type CompiledRoster } from './compiled-roster';
import { LinePool } from './line-master';
import { requestPenalty } from './roster-objective';

export interface MasterSolution {
  objective: number;
  /** Column values; a line's column is in `columnOf`. */
  values: Float64Array;
  /** One dual per agent ("exactly one line"), then one per cover row. */
  duals: Float64Array;
}

/**
 * The LP relaxation of the set-partitioning master, kept alive between rounds: new lines are
 * appended as columns and HiGHS re-optimises from the last basis, where rebuilding the model
 * every round made each solve start from nothing (seconds per round on a few thousand lines).
 * Fixing an agent, or ruling out its lines that make some choice on a day (for a dive), is a bound
 * change, so the basis survives that as well.
 */
export class RestrictedMaster {
  private readonly lp: Model;
  /** Column of each of the agent's lines, in the order the lines were added. */
  readonly columnOf: number[][];
  /** Every line added, fixed agents' others included: the columns of the integer master after. */
  readonly pool: LinePool;
  private columns: number;
  private readonly fixed = new Map<number, Int32Array>();
  /** Per agent and day, the choices (`dayChoice`) its lines may still make: 1 allowed, 0 not. */
  private readonly dayRules = new Map<number, Map<number, Uint8Array>>();

  constructor(
    private readonly highs: Highs,
    private readonly model: CompiledRoster,
  ) {
    const agents = model.agents.length;
    const rows = agents + model.coverRows.length;
    const rowLower = new Float64Array(rows);
    const rowUpper = new Float64Array(rows);
    rowLower.fill(1, 0, agents);
    rowUpper.fill(1, 0, agents);
    // Under- and over-cover slacks of each cover row are the first columns.
    const cost: number[] = [];
    const starts: number[] = [0];
    const indices: number[] = [];
    const values: number[] = [];
    model.coverRows.forEach((row, r) => {
      rowLower[agents + r] = row.required;
      rowUpper[agents + r] = row.required;
      cost.push(row.underWeight, row.overWeight);
      indices.push(agents + r, agents + r);
      values.push(1, -1);
      starts.push(indices.length - 1, indices.length);
    });
    this.columns = cost.length;
    this.lp = highs.createModel({
      numCols: cost.length,
      numRows: rows,
      colCost: cost,
      colLower: new Float64Array(cost.length),
      colUpper: new Float64Array(cost.length).fill(Number.POSITIVE_INFINITY),
      rowLower,
      rowUpper,
      matrix: { format: 'csc', numRows: rows, numCols: cost.length, starts, indices, values },
    });
    this.lp.options.set({ output_flag: false, random_seed: 0, simplex_strategy: 4 });
    this.columnOf = model.agents.map(() => []);
    this.pool = new LinePool(model);
  }

  get coverRowOffset(): number {
    return this.model.agents.length;
  }

  get size(): number {
    return this.columns;
  }

  /** Adds the line as a column unless the agent has it already (or is fixed, or the line breaks its day rules); true when added. */
  add(agent: number, line: Int32Array): boolean {
    if (this.fixed.has(agent) || !this.keeps(agent, line) || !this.pool.add(agent, line)) return false;
    const counts = new Map<number, number>([[agent, 1]]);
    const nDuties = this.model.duties.length;
    line.forEach((duty, d) => {
      if (duty === OFF) return;
      for (const r of this.model.cellRows[d * nDuties + duty]) {
        const row = this.model.agents.length + r;
        counts.set(row, (counts.get(row) ?? 0) + 1);
      }
    });
    const rows = [...counts.keys()].sort((x, y) => x - y);
    this.lp.addCol(requestPenalty(this.model, this.model.agents[agent], line), 0, 1, {
      indices: rows,
      values: rows.map((r) => counts.get(r)!),
    });
    this.columnOf[agent].push(this.columns++);
    return true;
  }

  /** The lines of each agent, in the order of `columnOf`. */
  get lines(): Int32Array[][] {
    return this.pool.lines;
  }

  isFixed(agent: number): boolean {
    return this.fixed.has(agent);
  }

  fixedLine(agent: number): Int32Array | undefined {
    return this.fixed.get(agent);
  }

  /** The agent keeps this one of its lines (its others are bounded at zero). */
  fix(agent: number, line: number): void {
    this.fixed.set(agent, this.lines[agent][line]);
    this.columnOf[agent].forEach((column, k) =>
      this.lp.changeColBounds(column, k === line ? 1 : 0, k === line ? 1 : 0),
    );
  }

  /** Frees every fixed or day-ruled agent again (a new dive starts from the same columns). */
  unfixAll(): void {
    for (const agent of new Set([...this.fixed.keys(), ...this.dayRules.keys()]))
      for (const column of this.columnOf[agent]) this.lp.changeColBounds(column, 0, 1);
    this.fixed.clear();
    this.dayRules.clear();
  }

  /** From now on the agent's lines make one of `allowed` (indexed by `dayChoice`) on the day; its lines that do not are bounded at zero. */
  restrictDay(agent: number, day: number, allowed: Uint8Array): void {
    let rules = this.dayRules.get(agent);
    if (!rules) this.dayRules.set(agent, (rules = new Map()));
    const known = rules.get(day);
    const now = known ? known.map((k, i) => k & allowed[i]) : Uint8Array.from(allowed);
    rules.set(day, now);
    // Lines an earlier rule ruled out are at zero already: only this day needs checking.
    this.columnOf[agent].forEach((column, k) => {
      if (!now[dayChoice(this.model, this.lines[agent][k][day])]) this.lp.changeColBounds(column, 0, 0);
    });
  }

  /** The agent's day rules, by day (undefined when it has none). */
  dayRulesOf(agent: number): ReadonlyMap<number, Uint8Array> | undefined {
    return this.dayRules.get(agent);
  }

  /** Some agent has day rules (so the LP no longer bounds the whole roster). */
  get restricted(): boolean {
    return this.dayRules.size > 0;
  }

  /** The line keeps the agent's day rules. */
  keeps(agent: number, line: Int32Array): boolean {
    const rules = this.dayRules.get(agent);
    if (rules) for (const [day, allowed] of rules) if (!allowed[dayChoice(this.model, line[day])]) return false;
    return true;
  }

  /** Re-optimises from the previous basis; null when the LP was not solved to optimality. */
  solve(timeLimitSeconds: number): MasterSolution | null {
    this.lp.options.set({ time_limit: Math.max(0.05, timeLimitSeconds) });
    this.lp.zeroAllClocks();
    const result = this.lp.run();
    if (result.modelStatus !== this.highs.constants.modelStatus.optimal) return null;
    const solution = this.lp.getSolution();
    return { objective: this.lp.getObjectiveValue(), values: solution.colValue, duals: solution.rowDual };
  }

  /** Each agent's line with the largest LP value. */
  strongestLines(values: ArrayLike<number>): { agent: number; line: number; value: number }[] {
    return this.columnOf.map((columns, agent) => {
      let line = 0;
      columns.forEach((column, k) => {
        if (values[column] > values[columns[line]]) line = k;
      });
      return { agent, line, value: columns.length ? values[columns[line]] : 0 };
    });
  }

  dispose(): void {
    this.lp.dispose();
  }
}
