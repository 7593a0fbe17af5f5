import type { Highs } from 'highs';
import type { CompiledRoster } from './compiled-roster';
import { LinearProgram, solveLinearProgram } from './linear-program';

/**
 * A quick lower bound on the cover terms: agents are replaced by how many of them work each duty
 * on each day (a continuous count), limited by how many may work that day, with that skill, that
 * shift type, and by the contracts' total minutes. Every roster is a point of this LP with the
 * same under- and over-cover, and the other objective terms are never negative, so its optimum
 * bounds the roster's objective from below. It is what the column generation converges to when
 * agents' own rules do not bind, and it is solved in a second where that takes minutes.
 */
export interface AggregateCoverBound {
  bound: number;
  /** Duals of the cover rows (in `model.coverRows` order): a good first guess for column generation. */
  coverDuals: Float64Array;
}

/** Null without demand, or when `shouldStop` (the solve's clock, read while building and by the LP) said stop. */
export function aggregateCoverBound(
  highs: Highs,
  model: CompiledRoster,
  timeLimitSeconds: number,
  shouldStop: () => boolean = () => false,
): AggregateCoverBound | null {
  const lp = aggregateCoverModel(model, false, shouldStop);
  if (!lp) return null;
  const outcome = solveLinearProgram(highs, lp, { timeLimitSeconds, relax: true, shouldStop });
  if (outcome.status !== 'optimal' || outcome.bound === null || !outcome.duals) return null;
  return { bound: outcome.bound, coverDuals: outcome.duals.slice(0, model.coverRows.length) };
}

/**
 * The aggregate cover model: one count column per (day, duty) someone may work (integer when
 * `integer`: agents come whole), the cover rows first, then the capacity rows. Null without demand,
 * or when stopped (`shouldStop` is read once a day of the horizon: a year of 150 agents and 32
 * shift types is millions of steps).
 */
export function aggregateCoverModel(
  model: CompiledRoster,
  integer: boolean,
  shouldStop: () => boolean = () => false,
): LinearProgram | null {
  if (model.coverRows.length === 0 || model.agents.length === 0) return null;
  const duties = model.duties.length;
  const lp = new LinearProgram();
  // The count columns come first, so column c counts cell cellOf[c].
  const column = new Int32Array(model.days * duties).fill(-1);
  const cellOf: number[] = [];
  for (let cell = 0; cell < column.length; cell++) {
    if (cell % duties === 0 && shouldStop()) return null;
    if (!model.agents.some((agent) => agent.allowed[cell])) continue;
    column[cell] = lp.addColumn(0, 0, Number.POSITIVE_INFINITY, integer);
    cellOf.push(cell);
  }
  // Cover rows are the LP's first rows, so their duals are the first duals.
  for (const row of model.coverRows) {
    const cells = row.cells.map((c) => column[c]).filter((c) => c >= 0);
    const under = lp.addColumn(row.underWeight, 0, Number.POSITIVE_INFINITY, false);
    const over = lp.addColumn(row.overWeight, 0, Number.POSITIVE_INFINITY, false);
    lp.addRow(row.required, row.required, [...cells, under, over], [...cells.map(() => 1), 1, -1]);
  }
  return addCapacityRows(lp, model, column, cellOf, shouldStop) ? lp : null;
}

/** At most one duty per agent and day, counted by day, by day and skill, by shift type, and in minutes. */
function addCapacityRows(
  lp: LinearProgram,
  model: CompiledRoster,
  column: Int32Array,
  cellOf: number[],
  shouldStop: () => boolean,
): boolean {
  const duties = model.duties.length;
  const mayWork = (a: number, day: number, pick: (u: number) => boolean) => {
    for (let u = 0; u < duties; u++) if (pick(u) && model.agents[a].allowed[day * duties + u]) return true;
    return false;
  };
  const daysAvailable = model.agents.map(() => 0);
  for (let day = 0; day < model.days; day++) {
    if (shouldStop()) return false;
    model.agents.forEach((_, a) => (daysAvailable[a] += mayWork(a, day, () => true) ? 1 : 0));
  }
  const skills = [...new Set(model.duties.map((d) => d.skill))];
  for (let day = 0; day < model.days; day++) {
    if (shouldStop()) return false;
    const cells = (pick: (u: number) => boolean) =>
      Array.from({ length: duties }, (_, u) => u)
        .filter(pick)
        .map((u) => column[day * duties + u])
        .filter((c) => c >= 0);
    const agentsAble = (pick: (u: number) => boolean) => model.agents.filter((_, a) => mayWork(a, day, pick)).length;
    lp.addRow(
      Number.NEGATIVE_INFINITY,
      agentsAble(() => true),
      cells(() => true),
    );
    for (const skill of skills) {
      const ofSkill = (u: number) => model.duties[u].skill === skill;
      lp.addRow(Number.NEGATIVE_INFINITY, agentsAble(ofSkill), cells(ofSkill));
    }
  }
  const all = cellOf.map((_, c) => c);
  const byCell = (pick: (u: number) => boolean) => all.filter((c) => pick(cellOf[c] % duties));
  model.typeIds.forEach((_, type) => {
    const cap = model.agents.reduce(
      (sum, agent, a) => sum + Math.min(agent.maxShiftsByType[type], daysAvailable[a]),
      0,
    );
    if (Number.isFinite(cap))
      lp.addRow(
        Number.NEGATIVE_INFINITY,
        cap,
        byCell((u) => model.duties[u].type === type),
      );
  });
  const workDays = model.agents.reduce((sum, agent, a) => sum + Math.min(agent.maxWorkDays, daysAvailable[a]), 0);
  lp.addRow(Number.NEGATIVE_INFINITY, workDays, all);
  const minutes = all.map((c) => model.duties[cellOf[c] % duties].minutes);
  const maxMinutes = model.agents.reduce((sum, agent) => sum + agent.maxMinutes, 0);
  if (Number.isFinite(maxMinutes)) lp.addRow(Number.NEGATIVE_INFINITY, maxMinutes, all, minutes);
  lp.addRow(
    model.agents.reduce((sum, agent) => sum + agent.minMinutes, 0),
    Number.POSITIVE_INFINITY,
    all,
    minutes,
  );
  return true;
}
