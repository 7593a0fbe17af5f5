import { OFF as OFF_DUTY, type CompiledAgent, type CompiledRoster } from './compiled-roster';

/** A day off, read once: under some loaders (tsx) an imported constant is a getter call on every read, in the hottest loop. */
const OFF = OFF_DUTY;

/**
 * How far one agent's line is from keeping its hard rules, as one number: 0 exactly when
 * `agentLineViolations` finds nothing, else the sum of what each rule is short or over by (days,
 * shifts and weekends at BREACH_PER_DAY or BREACH_PER_WEEKEND each, minutes in hours). It reads the line once and builds
 * nothing: a construction far behind its pace checks thousands of guessed lines, and the checker's
 * reports (arrays of days per run) were a tenth of its time. A repair of a guess steers by it.
 */

/**
 * A day, shift or succession too many or too few outweighs a long shift's hours, and a weekend too
 * many two such days: mending a run by a day off, or freeing a weekend, is worth the hours it
 * costs (other days make them up), so a repair that steers by the breach takes such steps.
 */
export const BREACH_PER_DAY = 16;
export const BREACH_PER_WEEKEND = 40;
/** A cell the agent may not work, or a broken lock: repairs never make these. */
const BREACH_PER_CELL = 100;
/** Neighbour runs longer than this change nothing a rule could ask (as `runsOf` caps them). */
const RUN_CAP = 64;

/** Per shift type, shifts counted: kept between calls (one roster is checked at a time). */
let perType = new Int32Array(64);

export function lineBreach(model: CompiledRoster, agent: CompiledAgent, line: Int32Array): number {
  const nTypes = model.typeIds.length;
  if (perType.length < nTypes) perType = new Int32Array(nTypes);
  perType.fill(0, 0, nTypes);
  const nDuties = model.duties.length;
  const nShifts = model.shifts.length;
  let breach = 0;
  let minutes = 0;
  let workDays = 0;
  for (let d = 0; d < line.length; d++) {
    const duty = line[d];
    const locked = agent.lockedType[d];
    if (locked >= 0 && (duty === OFF || model.duties[duty].type !== locked)) breach += BREACH_PER_CELL;
    if (duty === OFF) continue;
    if (!agent.allowed[d * nDuties + duty]) breach += BREACH_PER_CELL;
    const { type, shift } = model.duties[duty];
    perType[type]++;
    minutes += model.duties[duty].minutes;
    workDays++;
    const next = d + 1 < line.length ? line[d + 1] : OFF;
    // The night's banned successions (`forbiddenAfter`, read inline: an imported function is a getter call too).
    const banned = model.forbiddenNextAfter[d] ?? model.forbiddenNext;
    if (next !== OFF && banned[shift * nShifts + model.duties[next].shift]) breach += BREACH_PER_DAY;
  }
  for (let t = 0; t < nTypes; t++) breach += over(perType[t], agent.maxShiftsByType[t]) * BREACH_PER_DAY;
  breach += (over(agent.minMinutes, minutes) + over(minutes, agent.maxMinutes)) / 60;
  breach += over(workDays, agent.maxWorkDays) * BREACH_PER_DAY;
  breach += runBreach(agent, line);
  let weekends = 0;
  for (const days of model.weekends) {
    for (const d of days) {
      if (line[d] === OFF) continue;
      weekends++;
      break;
    }
  }
  return breach + over(weekends, agent.maxWeekends) * BREACH_PER_WEEKEND;
}

/** The line keeps every hard rule of the agent (the same answer as an empty `agentLineViolations`). */
export function keepsEveryRule(model: CompiledRoster, agent: CompiledAgent, line: Int32Array): boolean {
  return lineBreach(model, agent, line) === 0;
}

function over(value: number, limit: number): number {
  return value > limit ? value - limit : 0;
}

/**
 * The run rules over the line joined with the neighbouring weeks' runs, read as `runsOf` reads
 * them: a known run before day 0 is `runBefore` days long behind one day of the other state (and
 * likewise after the end), a run is held to the minimums only when both its ends are known, and
 * to the longest run when some of its days are in the line.
 */
export function runBreach(agent: CompiledAgent, line: Int32Array): number {
  const before = Math.min(RUN_CAP, Math.abs(agent.runBefore));
  const after = Math.min(RUN_CAP, Math.abs(agent.runAfter));
  const lead = before > 0 ? before + 1 : 0;
  const total = lead + line.length + (after > 0 ? after + 1 : 0);
  let breach = 0;
  // The open run: its state, first position in the joined sequence, and whether it reaches into the line.
  let working = before > 0 ? agent.runBefore < 0 : line.length > 0 ? line[0] !== OFF : agent.runAfter > 0;
  let start = 0;
  let inside = false;
  // Positions of the joined sequence, block by block: one day of the other state, the run before, the line, the run after, one day.
  for (let p = 0; p < total;) {
    let state: boolean;
    let length = 1;
    let inLine = false;
    if (p < lead) {
      state = p === 0 ? agent.runBefore < 0 : agent.runBefore > 0;
      if (p > 0) length = before;
    } else if (p < lead + line.length) {
      state = line[p - lead] !== OFF;
      inLine = true;
    } else if (p < total - 1) {
      state = agent.runAfter > 0;
      length = after;
    } else {
      state = agent.runAfter < 0;
    }
    if (state !== working) {
      breach += closedRun(agent, working, p - start, inside, start > 0);
      working = state;
      start = p;
      inside = false;
    }
    inside ||= inLine;
    p += length;
  }
  // The last run ends the joined sequence: held to the longest run only.
  return breach + closedRun(agent, working, total - start, inside, false);
}

function closedRun(agent: CompiledAgent, working: boolean, length: number, inside: boolean, inner: boolean): number {
  let breach = 0;
  if (working && inside) breach += over(length, agent.maxConsecutiveWork);
  if (working && inner) breach += over(agent.minConsecutiveWork, length);
  if (!working && inner) breach += over(agent.minConsecutiveOff, length);
  return breach * BREACH_PER_DAY;
}
