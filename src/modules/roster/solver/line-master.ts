import { OFF, type CompiledRoster, type RosterLines } from './compiled-roster';
import { LinearProgram } from './linear-program';
import { requestPenalty } from './roster-objective';

const INF = 1e30;

/** Lines found so far for each agent (the columns of the master problem), without duplicates. */
export class LinePool {
  readonly lines: Int32Array[][];
  private readonly keys: Set<string>[];

  constructor(private readonly model: CompiledRoster) {
    this.lines = model.agents.map(() => []);
    this.keys = model.agents.map(() => new Set());
  }

  add(agent: number, line: Int32Array): boolean {
    const key = line.join(',');
    if (this.keys[agent].has(key)) return false;
    this.keys[agent].add(key);
    this.lines[agent].push(Int32Array.from(line));
    return true;
  }

  addRoster(lines: RosterLines): void {
    lines.forEach((line, a) => this.add(a, line));
  }

  get size(): number {
    return this.lines.reduce((sum, l) => sum + l.length, 0);
  }
}

export interface LineMaster {
  lp: LinearProgram;
  /** Column of each pooled line, per agent. */
  columnOf: number[][];
  /** Row of each agent's "exactly one line" constraint; cover rows follow at `coverRowOffset`. */
  coverRowOffset: number;
  /** Values of a roster as a start of the master. */
  startFor(lines: RosterLines): Float64Array;
  decode(values: ArrayLike<number>): RosterLines;
}

/**
 * Set-partitioning master: each agent takes exactly one of its pooled lines; cover rows count
 * them against demand with under/over slacks. Fairness and the supervisor rule are left out, so
 * its LP value is a lower bound of the full objective (those terms are never negative).
 */
export function buildLineMaster(model: CompiledRoster, pool: LinePool, integer: boolean): LineMaster {
  const lp = new LinearProgram();
  const nDuties = model.duties.length;
  const columnOf: number[][] = [];
  const coverColumns: number[][] = model.coverRows.map(() => []);
  pool.lines.forEach((lines, a) => {
    const columns: number[] = [];
    for (const line of lines) {
      const column = lp.addColumn(requestPenalty(model, model.agents[a], line), 0, 1, integer);
      columns.push(column);
      line.forEach((duty, d) => {
        if (duty !== OFF) for (const r of model.cellRows[d * nDuties + duty]) coverColumns[r].push(column);
      });
    }
    columnOf.push(columns);
  });
  for (const columns of columnOf) lp.addRow(1, 1, columns);
  const slackStart = lp.columnCount;
  model.coverRows.forEach((row, r) => {
    const under = lp.addColumn(row.underWeight, 0, INF, false);
    const over = lp.addColumn(row.overWeight, 0, INF, false);
    lp.addRow(row.required, row.required, [...coverColumns[r], under, over], [...coverColumns[r].map(() => 1), 1, -1]);
  });
  const keyIndex = pool.lines.map((lines) => new Map(lines.map((line, p) => [line.join(','), p])));
  return {
    lp,
    columnOf,
    coverRowOffset: model.agents.length,
    startFor(lines) {
      const values = new Float64Array(lp.columnCount);
      const counts = new Float64Array(model.coverRows.length);
      lines.forEach((line, a) => {
        const p = keyIndex[a].get(line.join(','));
        if (p !== undefined) values[columnOf[a][p]] = 1;
        line.forEach((duty, d) => {
          if (duty !== OFF) for (const r of model.cellRows[d * nDuties + duty]) counts[r]++;
        });
      });
      model.coverRows.forEach((row, r) => {
        values[slackStart + 2 * r] = Math.max(0, row.required - counts[r]);
        values[slackStart + 2 * r + 1] = Math.max(0, counts[r] - row.required);
      });
      return values;
    },
    decode(values) {
      return columnOf.map((columns, a) => {
        let best = 0;
        columns.forEach((c, p) => {
          if (values[c] > values[columns[best]]) best = p;
        });
        return Int32Array.from(pool.lines[a][best]);
      });
    },
  };
}
