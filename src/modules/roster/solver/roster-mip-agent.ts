import { OFF, forbiddenAfter, type CompiledAgent, type CompiledRoster } from './compiled-roster';
import type { LinearProgram } from './linear-program';

const INF = 1e30;

/** One agent's decision columns in a sub-model, per day. */
export interface AgentCells {
  agent: CompiledAgent;
  byDay: { column: number; duty: number }[][];
}

/** The days a sub-model frees: [fromDay, toDay) and, if given, a second span apart from it. */
export interface FreeDays {
  fromDay: number;
  toDay: number;
  alsoFree?: { fromDay: number; toDay: number };
}

export function isFreeDay(window: FreeDays, day: number): boolean {
  return touches(window, day, day + 1);
}

/** Linear form of a sum of "works on day d" terms: columns, coefficients and a constant. */
class Expression {
  readonly columns: number[] = [];
  readonly coefficients: number[] = [];
  constant = 0;

  addDay(cells: AgentCells, day: number, sign: number): void {
    if (day < 0 || day >= cells.byDay.length) {
      this.constant += sign * (workedOutside(cells.agent, cells.byDay.length, day) ? 1 : 0);
      return;
    }
    for (const c of cells.byDay[day]) {
      this.columns.push(c.column);
      this.coefficients.push(sign);
    }
  }
}

/**
 * Days outside the horizon the neighbouring weeks tell: the run next to each edge and, past it,
 * one day of the other state (the run is whole). [first, last] of the days known.
 */
function knownDays(agent: CompiledAgent, days: number): { first: number; last: number } {
  return {
    first: agent.runBefore === 0 ? 0 : -Math.abs(agent.runBefore) - 1,
    last: agent.runAfter === 0 ? days - 1 : days + Math.abs(agent.runAfter),
  };
}

function workedOutside(agent: CompiledAgent, days: number, day: number): boolean {
  const run = day < 0 ? agent.runBefore : agent.runAfter;
  const distance = day < 0 ? -day : day - days + 1;
  return distance <= Math.abs(run) ? run > 0 : run < 0;
}

/** Days [from, to) hold a free day (a rule over them has a column to constrain). */
function touches(window: FreeDays, from: number, to: number): boolean {
  const overlaps = (span: { fromDay: number; toDay: number }) => from < span.toDay && span.fromDay < to;
  return overlaps(window) || (window.alsoFree !== undefined && overlaps(window.alsoFree));
}

/** The agent's hard rules as linear rows (the same rules `agentLineViolations` checks). */
export function addAgentRules(
  model: CompiledRoster,
  lp: LinearProgram,
  start: number[],
  cells: AgentCells,
  window: FreeDays,
  line: Int32Array,
): void {
  const { agent, byDay } = cells;
  const days = model.days;
  const nShifts = model.shifts.length;
  for (let d = 0; d < days; d++) {
    const columns = byDay[d].map((c) => c.column);
    if (agent.lockedType[d] >= 0 && columns.length > 0) lp.addRow(1, 1, columns);
    else if (columns.length > 1) lp.addRow(-INF, 1, columns);
  }

  // No forbidden succession: shifts with the same set of banned successors share one row.
  for (let d = 0; d + 1 < days; d++) {
    if (!touches(window, d, d + 2) || byDay[d + 1].length === 0) continue;
    const groups = new Map<string, { today: number[]; tomorrow: number[] }>();
    for (const c of byDay[d]) {
      const shift = model.duties[c.duty].shift;
      const banned = byDay[d + 1]
        .filter((n) => forbiddenAfter(model, d)[shift * nShifts + model.duties[n.duty].shift])
        .map((n) => n.column);
      if (banned.length === 0) continue;
      const key = banned.join(',');
      const group = groups.get(key) ?? { today: [], tomorrow: banned };
      group.today.push(c.column);
      groups.set(key, group);
    }
    for (const g of groups.values()) lp.addRow(-INF, 1, [...g.today, ...g.tomorrow]);
  }

  // Shifts per type and contract minutes.
  const all = byDay.flat();
  agent.maxShiftsByType.forEach((max, t) => {
    const ofType = all.filter((c) => model.duties[c.duty].type === t).map((c) => c.column);
    if (ofType.length > max) lp.addRow(-INF, max, ofType);
  });
  if (all.length > agent.maxWorkDays)
    lp.addRow(
      -INF,
      agent.maxWorkDays,
      all.map((c) => c.column),
    );
  lp.addRow(
    agent.minMinutes,
    Number.isFinite(agent.maxMinutes) ? agent.maxMinutes : INF,
    all.map((c) => c.column),
    all.map((c) => model.duties[c.duty].minutes),
  );

  // Consecutive working days: every window of max+1 days (the known days of the weeks around included) has a day off.
  const maxRun = agent.maxConsecutiveWork;
  const known = knownDays(agent, days);
  if (Number.isFinite(maxRun)) {
    for (let d = Math.max(known.first, -maxRun); d + maxRun <= Math.min(known.last, days - 1 + maxRun); d++) {
      if (!touches(window, d, d + maxRun + 1)) continue;
      const e = new Expression();
      for (let i = d; i <= d + maxRun; i++) e.addDay(cells, i, 1);
      if (e.columns.length > 0 && e.columns.length + e.constant > maxRun)
        lp.addRow(-INF, maxRun - e.constant, e.columns, e.coefficients);
    }
  }
  // Minimum runs (of work, or of days off) bounded on both sides by known days.
  addMinimumRuns(lp, cells, window, known, agent.minConsecutiveWork, true);
  addMinimumRuns(lp, cells, window, known, agent.minConsecutiveOff, false);

  // Weekends: a weekend counts once if any of its days is worked.
  if (agent.maxWeekends < model.weekends.length) {
    const flags: number[] = [];
    for (const weekend of model.weekends) {
      const flag = lp.addColumn(0, 0, 1, false);
      start.push(weekend.some((d) => line[d] !== OFF) ? 1 : 0);
      flags.push(flag);
      for (const d of weekend) for (const c of byDay[d]) lp.addRow(0, INF, [flag, c.column], [1, -1]);
    }
    lp.addRow(-INF, agent.maxWeekends, flags);
  }
}

/**
 * Forbids a run of length l < min between two days of the other state:
 * work runs: Σ w[d..d+l-1] − w[d-1] − w[d+l] ≤ l − 1; off runs: w[d-1] + w[d+l] − Σ w[d..d+l-1] ≤ 1.
 * Days of the neighbouring weeks enter as constants.
 */
function addMinimumRuns(
  lp: LinearProgram,
  cells: AgentCells,
  window: FreeDays,
  known: { first: number; last: number },
  min: number,
  working: boolean,
): void {
  for (let l = 1; l < min; l++) {
    for (let d = known.first + 1; d + l <= known.last; d++) {
      if (!touches(window, d - 1, d + l + 1)) continue;
      const e = new Expression();
      const inner = working ? 1 : -1;
      for (let i = d; i < d + l; i++) e.addDay(cells, i, inner);
      e.addDay(cells, d - 1, -inner);
      e.addDay(cells, d + l, -inner);
      if (e.columns.length > 0) lp.addRow(-INF, (working ? l - 1 : 1) - e.constant, e.columns, e.coefficients);
    }
  }
}
