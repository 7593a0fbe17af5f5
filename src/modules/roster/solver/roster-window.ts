import { FREE, OFF, type CompiledAgent, type CompiledRoster, type CoverRow, type RosterLines } from './compiled-roster';
import { shareWorkBounds, workBounds } from './line-bounds';
import { proratedTotals, usage } from './prorated-totals';

/**
 * A block of agents over a window of days as a roster model of its own, so that every phase of
 * the search (pricing, the masters, the compact MIP) runs on it unchanged and at its size: agents
 * outside the block and days outside the span are fixed, and enter only as what they already
 * cover and what they already used of each agent's totals (minutes, shifts per type, days,
 * weekends).
 *
 * The span reaches `CONTEXT` days beyond the free days on each side (locked to the current
 * duties) and never splits a weekend. Runs touching the span's ends are not held to the minimum
 * runs (as at the horizon's ends); with that much context such a run either lies wholly in the
 * locked days, where it is already valid, or is longer than any minimum, so a valid line of the
 * window is valid in the whole roster. Two modes:
 * - `exact`: the days after the window are kept as they are; each agent's totals are its own
 *   minus what it works outside the span, so the window's rules are exactly the roster's.
 * - `rolling`: the days after the span are not planned yet (rolling construction); the window
 *   also plans `lookahead` days past `to` (kept only until `to`, so runs at the seam can be
 *   completed), and each total is prorated by the agent's workable days left.
 */
export interface WindowSpec {
  agents: readonly number[];
  from: number;
  to: number;
  mode: 'exact' | 'rolling';
  lookahead?: number;
  /** Rolling mode: the share of the contract's pace the window must at least work (default 1). */
  pace?: number;
  /**
   * Rolling mode: a minimum is lowered to what the window can hold only when `reach` asks (a
   * guessing construction takes most guesses against the prorated minimum, which is never lower).
   */
  reachOnDemand?: boolean;
}

export interface RosterWindow {
  model: CompiledRoster;
  /** First day of the span in the whole roster. */
  start: number;
  /** The block's current lines over the span (a valid start when the roster is valid). */
  lines: RosterLines;
  /** Writes the window's lines of the block back into (a copy of) the roster's lines, days [from, to) only. */
  embed(windowLines: RosterLines, into: RosterLines): RosterLines;
  /** Block agent k with its minimum within what the window can hold, settled into `model.agents` (see `reachOnDemand`). */
  reach(k: number): CompiledAgent;
}

/** Rolling mode: a window's minimum is at most this share of the most it could hold by the run and weekend rules. */
const WITHIN_REACH = 0.97;

/** Days of context on each side of the free days: at least a week, and more than any agent's longest run (up to two weeks). */
const CONTEXT = 7;
const MOST_CONTEXT = 14;

function contextDays(model: CompiledRoster): number {
  let days = CONTEXT;
  for (const a of model.agents) {
    const longest = Number.isFinite(a.maxConsecutiveWork) ? a.maxConsecutiveWork + 1 : 0;
    days = Math.max(days, longest, a.minConsecutiveWork, a.minConsecutiveOff);
  }
  return Math.min(MOST_CONTEXT, days);
}

function alignedSpan(model: CompiledRoster, from: number, to: number): [number, number] {
  let start = Math.max(0, from);
  let end = Math.min(model.days, to);
  for (const weekend of model.weekends) {
    const first = weekend[0];
    const last = weekend[weekend.length - 1];
    if (first < start && start <= last) start = first;
    if (first < end && end <= last) end = last + 1;
  }
  return [start, end];
}

export function buildWindow(model: CompiledRoster, lines: RosterLines, spec: WindowSpec): RosterWindow {
  const rolling = spec.mode === 'rolling';
  const context = contextDays(model);
  const [start, end] = alignedSpan(
    model,
    spec.from - context,
    rolling ? spec.to + (spec.lookahead ?? 0) : spec.to + context,
  );
  const span = end - start;
  const nDuties = model.duties.length;
  const freeUntil = rolling ? end : spec.to;
  const isFree = (day: number) => day >= spec.from && day < freeUntil;
  const block = [...spec.agents];
  const inBlock = new Set(block);
  const agents = block.map((a) => windowAgent(model, model.agents[a], lines[a], start, end, isFree, spec));
  const coverRows = windowCoverRows(model, lines, inBlock, start, end);
  const cellRows: number[][] = Array.from({ length: span * nDuties }, () => []);
  coverRows.forEach((row, r) => row.cells.forEach((cell) => cellRows[cell].push(r)));
  const window: CompiledRoster = {
    ...model,
    days: span,
    forbiddenNextAfter: model.forbiddenNextAfter.slice(start, end),
    weekends: model.weekends.filter((w) => w[0] >= start && w[w.length - 1] < end).map((w) => w.map((d) => d - start)),
    agents,
    coverRows,
    cellRows,
  };
  // A prorated minimum above what the window can hold (its weekends, runs, days off) is lowered to that.
  const lowers = rolling && end < model.days;
  const reached = new Uint8Array(block.length).fill(lowers ? 0 : 1);
  const reach = (k: number) => {
    if (!reached[k]) window.agents[k] = withinReach(window, window.agents[k]);
    reached[k] = 1;
    return window.agents[k];
  };
  if (!spec.reachOnDemand) block.forEach((_, k) => reach(k));
  return {
    model: window,
    start,
    lines: block.map((a) => lines[a].slice(start, end)),
    embed(windowLines, into) {
      const out = into.map((line) => Int32Array.from(line));
      block.forEach((a, k) => {
        for (let d = spec.from; d < Math.min(spec.to, end); d++) out[a][d] = windowLines[k][d - start];
      });
      return out;
    },
    reach,
  };
}

/** The agent with its minimum lowered to WITHIN_REACH of the most the window can hold (the bounds shared with its pricing). */
function withinReach(window: CompiledRoster, agent: CompiledAgent): CompiledAgent {
  const most = workBounds(window, agent).most(0, false, 0, true, 0);
  const within = { ...agent, minMinutes: Math.max(0, Math.min(agent.minMinutes, Math.floor(most * WITHIN_REACH))) };
  // The pricing of the window reads the same bounds: computed once.
  shareWorkBounds(window, agent, within);
  return within;
}

/**
 * The run next to the span as the rules read it (worked > 0, off < 0, 0 unknown): the roster's
 * days from `day` on in direction `step`, joined with the neighbouring weeks' run where it reaches
 * the horizon's edge; unknown when it reaches an edge with nothing known beyond.
 */
function neighbourRun(line: Int32Array, day: number, step: 1 | -1, beyond: number): number {
  if (day < 0 || day >= line.length) return beyond;
  const working = line[day] !== OFF;
  let length = 0;
  for (let d = day; d >= 0 && d < line.length && (line[d] !== OFF) === working; d += step) length++;
  const reachesEdge = step < 0 ? day - length < 0 : day + length >= line.length;
  if (reachesEdge && beyond === 0) return 0;
  if (reachesEdge && beyond > 0 === working) length += Math.abs(beyond);
  return working ? length : -length;
}

/** Rows touching the span, with what fixed agents and days outside the span already cover taken off `required`. */
function windowCoverRows(
  model: CompiledRoster,
  lines: RosterLines,
  inBlock: Set<number>,
  start: number,
  end: number,
): CoverRow[] {
  const nDuties = model.duties.length;
  const inSpan = (cell: number) => cell >= start * nDuties && cell < end * nDuties;
  const touching: number[] = [];
  // Days whose cells count towards a touching row: only those are counted below (a year's roster is
  // otherwise counted whole for every window of a rolling pass).
  let first = model.days;
  let last = -1;
  model.coverRows.forEach((row, r) => {
    if (!row.cells.some(inSpan)) return;
    touching.push(r);
    for (const cell of row.cells) {
      first = Math.min(first, Math.floor(cell / nDuties));
      last = Math.max(last, Math.floor(cell / nDuties));
    }
  });
  const fixed = new Float64Array(model.coverRows.length);
  lines.forEach((line, a) => {
    const block = inBlock.has(a);
    for (let d = first; d <= last; d++) {
      const duty = line[d];
      if (duty === OFF || (block && d >= start && d < end)) continue;
      for (const r of model.cellRows[d * nDuties + duty]) fixed[r]++;
    }
  });
  return touching.map((r) => {
    const row = model.coverRows[r];
    const cells = row.cells.filter(inSpan).map((c) => c - start * nDuties);
    return {
      ...row,
      day: Math.min(end - start - 1, Math.max(0, row.day - start)),
      required: row.required - fixed[r],
      cells,
    };
  });
}

function windowAgent(
  model: CompiledRoster,
  agent: CompiledAgent,
  line: Int32Array,
  start: number,
  end: number,
  isFree: (day: number) => boolean,
  spec: WindowSpec,
): CompiledAgent {
  const nDuties = model.duties.length;
  const span = end - start;
  const allowed = new Uint8Array(span * nDuties);
  const lockedType = new Int32Array(span).fill(FREE);
  for (let k = 0; k < span; k++) {
    const d = start + k;
    if (isFree(d)) {
      allowed.set(agent.allowed.subarray(d * nDuties, (d + 1) * nDuties), k * nDuties);
      lockedType[k] = agent.lockedType[d];
    } else if (line[d] === OFF) {
      lockedType[k] = OFF;
    } else {
      allowed[k * nDuties + line[d]] = 1;
      lockedType[k] = model.duties[line[d]].type;
    }
  }
  const outside = usage(model, line, (d) => d < start || (spec.mode === 'exact' && d >= end));
  const requests = agent.requests
    .filter((r) => r.day >= start && r.day < end)
    .map((r) => ({ ...r, day: r.day - start }));
  // The runs next to the span: the roster's own (the days after are unknown while rolling).
  const runBefore = neighbourRun(line, start - 1, -1, agent.runBefore);
  const runAfter =
    end === model.days ? agent.runAfter : spec.mode === 'exact' ? neighbourRun(line, end, 1, agent.runAfter) : 0;
  const base = { ...agent, allowed, lockedType, requests, runBefore, runAfter };
  if (spec.mode === 'exact' || end === model.days) {
    return {
      ...base,
      minMinutes: Math.max(0, agent.minMinutes - outside.minutes),
      maxMinutes: agent.maxMinutes - outside.minutes,
      maxShiftsByType: agent.maxShiftsByType.map((cap, t) => cap - outside.byType[t]),
      maxWorkDays: agent.maxWorkDays - outside.days,
      maxWeekends: agent.maxWeekends - outside.weekends,
    };
  }
  return { ...base, ...proratedTotals(model, agent, start, end, outside, spec.pace ?? 1) };
}
