import { DateTime } from 'luxon';
import { OFF, type CompiledRoster, type CompiledShift, type RosterLines } from './compiled-roster';
import { compileRoster } from './compile-roster';
import { breakClockMinutes, breakOffsetMinutes } from './break-clock';
import type { RosterHorizon, RosterProblem, ShiftType } from './roster-model';
import type { RosterAssignment, RosterRuleViolation } from './roster-result';

/** The solver's lines as the product's assignments (breaks on the local clock, and in real minutes after the start). */
export function linesToAssignments(
  model: CompiledRoster,
  lines: RosterLines,
  horizon: RosterHorizon,
): RosterAssignment[] {
  const out: RosterAssignment[] = [];
  const steady = steadyDays(horizon, model.days);
  // Days without a clock change within two midnights: the break's clock is its offset after the start
  // (luxon for each of a 200-agent week's breaks took 3.7 s under load, past the time limit's reserve).
  const clockOf = (day: number, start: number, offset: number) =>
    steady[day] ? start + offset : breakClockMinutes(horizon, day, start, offset);
  lines.forEach((line, a) => {
    line.forEach((duty, day) => {
      if (duty === OFF) return;
      const { shift: s, type, skill } = model.duties[duty];
      const shift = model.shifts[s];
      out.push({
        agentId: model.agents[a].id,
        day,
        shiftTypeId: model.typeIds[type],
        startMinutes: shift.startMinutes,
        lengthMinutes: shift.lengthMinutes,
        ...(skill >= 0 ? { skill: model.skills[skill] } : {}),
        breaks: shift.breaks.map((b) => ({
          name: b.name,
          startMinutes: clockOf(day, shift.startMinutes, b.offsetMinutes),
          minutes: b.minutes,
          offsetMinutes: b.offsetMinutes,
        })),
      });
    });
  });
  return out;
}

/** Per day: the zone's offset is the same at its midnight and the two after (no clock change in 48 h). */
function steadyDays(horizon: RosterHorizon, days: number): boolean[] {
  const midnight = DateTime.fromISO(horizon.startDate, { zone: horizon.timeZone }).startOf('day');
  const offsets = Array.from({ length: days + 2 }, (_, d) => midnight.plus({ days: d }).offset);
  return Array.from({ length: days }, (_, d) => offsets[d] === offsets[d + 1] && offsets[d + 1] === offsets[d + 2]);
}

/** An assignment's breaks in real minutes after its start, in order. */
function placedBreaks(horizon: RosterHorizon, a: RosterAssignment) {
  return a.breaks
    .map((b) => ({
      name: b.name,
      minutes: b.minutes,
      offsetMinutes: breakOffsetMinutes(horizon, a.day, a.startMinutes, b),
    }))
    .sort((x, y) => x.offsetMinutes - y.offsetMinutes);
}

function sameShift(
  shift: CompiledShift,
  type: number,
  a: RosterAssignment,
  wanted: { name: string; minutes: number; offsetMinutes: number }[],
): boolean {
  if (shift.type !== type || shift.startMinutes !== a.startMinutes || shift.lengthMinutes !== a.lengthMinutes)
    return false;
  if (shift.breaks.length !== wanted.length) return false;
  const have = [...shift.breaks].sort((x, y) => x.offsetMinutes - y.offsetMinutes);
  return have.every(
    (b, k) =>
      b.name === wanted[k].name && b.minutes === wanted[k].minutes && b.offsetMinutes === wanted[k].offsetMinutes,
  );
}

/** Why an assignment does not fit its shift type's start, length or break rules; null when it fits. */
function templateMismatch(
  type: ShiftType,
  a: RosterAssignment,
  slotMinutes: number,
  placed: { name: string; minutes: number; offsetMinutes: number }[],
): Pick<RosterRuleViolation, 'detail' | 'facts'> | null {
  const onGrid = (value: number, from: number) => (value - from) % slotMinutes === 0;
  // A shift may start after the midnight of its own date (the rest of a night cut by time off): the
  // template's clock then is its start less a day. It never starts later than the day after.
  const clock = a.startMinutes >= 1440 && a.startMinutes < 2880 ? a.startMinutes - 1440 : a.startMinutes;
  const start = type.startWindow
    ? clock >= type.startWindow.earliest && clock <= type.startWindow.latest && onGrid(clock, type.startWindow.earliest)
    : clock === (type.startMinutes ?? 0);
  if (!start) return { detail: `start ${a.startMinutes} outside ${type.id}'s start` };
  const length = type.lengthWindow
    ? a.lengthMinutes >= type.lengthWindow.min &&
      a.lengthMinutes <= type.lengthWindow.max &&
      onGrid(a.lengthMinutes, type.lengthWindow.min)
    : a.lengthMinutes === (type.lengthMinutes ?? 0);
  if (!length) return { detail: `length ${a.lengthMinutes} outside ${type.id}'s length` };
  for (const rule of (type.breaks ?? []).filter((r) => a.lengthMinutes >= r.minShiftMinutes)) {
    // Real minutes after the start, also on the night the clocks change.
    const found = placed.find((b) => b.name === rule.name);
    const offset = found ? found.offsetMinutes : -1;
    if (
      !found ||
      found.minutes !== rule.minutes ||
      offset < rule.earliestStartAfterMinutes ||
      offset > rule.latestStartAfterMinutes
    ) {
      return {
        detail: `${rule.name} break must start ${rule.earliestStartAfterMinutes}–${rule.latestStartAfterMinutes} min after the start and last ${rule.minutes} min`,
        // The break as placed: its real offset and clock time, so a reader sees why (a clock-change night).
        facts: found
          ? {
              breakName: rule.name,
              offsetMinutes: found.offsetMinutes,
              clockMinutes: a.breaks.find((b) => b.name === rule.name)?.startMinutes ?? null,
              earliest: rule.earliestStartAfterMinutes,
              latest: rule.latestStartAfterMinutes,
              minutes: found.minutes,
              ruleMinutes: rule.minutes,
            }
          : { breakName: rule.name },
      };
    }
  }
  return null;
}

function extraShift(
  type: ShiftType,
  typeIndex: number,
  a: RosterAssignment,
  placed: { name: string; minutes: number; offsetMinutes: number }[],
): CompiledShift {
  const unpaid = a.breaks.reduce(
    (sum, b) => sum + (type.breaks?.find((r) => r.name === b.name)?.paid ? 0 : b.minutes),
    0,
  );
  return {
    type: typeIndex,
    startMinutes: a.startMinutes,
    lengthMinutes: a.lengthMinutes,
    countedMinutes: a.lengthMinutes - unpaid,
    breaks: placed,
    label: `${type.id}@${a.startMinutes}+${a.lengthMinutes}(edited)`,
  };
}

export interface ReadAssignments {
  model: CompiledRoster;
  lines: RosterLines;
  /** Problems the lines cannot express: unknown ids, two shifts a day, a shift off its template. */
  violations: RosterRuleViolation[];
}

/** Assignments (e.g. edited by hand) in the solver's form, compiled with any shifts they add. */
export function assignmentsToLines(
  problem: RosterProblem,
  assignments: RosterAssignment[],
  compiled?: CompiledRoster,
): ReadAssignments {
  const base = compiled ?? compileRoster(problem);
  const violations: RosterRuleViolation[] = [];
  const slotMinutes = problem.horizon.slotMinutes ?? 30;
  const extras: CompiledShift[] = [];
  const shiftOf: number[] = [];
  const usable: boolean[] = assignments.map((a) => {
    const type = base.typeIds.indexOf(a.shiftTypeId);
    const agent = base.agents.findIndex((x) => x.id === a.agentId);
    const problems = [
      type < 0 ? `unknown shift type ${a.shiftTypeId}` : null,
      agent < 0 ? `unknown agent ${a.agentId}` : null,
      a.day < 0 || a.day >= base.days || !Number.isInteger(a.day) ? `day ${a.day} outside the horizon` : null,
    ].filter((p): p is string => p !== null);
    if (problems.length > 0) {
      violations.push({
        rule: 'unknown-assignment',
        agentIds: [a.agentId],
        days: [a.day],
        detail: problems.join('; '),
      });
      shiftOf.push(-1);
      return false;
    }
    const placed = placedBreaks(problem.horizon, a);
    const mismatch = templateMismatch(problem.shiftTypes[type], a, slotMinutes, placed);
    if (mismatch) violations.push({ rule: 'shift-template', agentIds: [a.agentId], days: [a.day], ...mismatch });
    let s = base.shifts.findIndex((shift) => sameShift(shift, type, a, placed));
    if (s < 0) {
      const known = extras.findIndex((shift) => sameShift(shift, type, a, placed));
      s =
        base.shifts.length +
        (known >= 0 ? known : extras.push(extraShift(problem.shiftTypes[type], type, a, placed)) - 1);
    }
    shiftOf.push(s);
    return true;
  });
  const model = extras.length > 0 ? compileRoster(problem, extras) : base;
  const lines = model.agents.map(() => new Int32Array(model.days).fill(OFF));
  const nDuties = model.duties.length;
  assignments.forEach((a, k) => {
    if (!usable[k]) return;
    const agent = model.agents.findIndex((x) => x.id === a.agentId);
    if (lines[agent][a.day] !== OFF) {
      violations.push({
        rule: 'one-shift-per-day',
        agentIds: [a.agentId],
        days: [a.day],
        detail: 'more than one shift on the day',
      });
      return;
    }
    const skill = a.skill === undefined ? -1 : model.skills.indexOf(a.skill);
    const candidates = model.duties.map((d, u) => ({ d, u })).filter(({ d }) => d.shift === shiftOf[k]);
    // Prefer the named skill, then an allowed duty (an agent's own skill), then any.
    const named = candidates.filter(({ d }) => (a.skill === undefined ? true : d.skill === skill));
    const pool = named.length > 0 ? named : candidates;
    const pick = pool.find(({ u }) => model.agents[agent].allowed[a.day * nDuties + u] === 1) ?? pool[0];
    if (a.skill !== undefined && skill < 0 && !problem.agents[agent].skills.includes(a.skill)) {
      violations.push({
        rule: 'skill',
        agentIds: [a.agentId],
        days: [a.day],
        detail: `${a.agentId} lacks skill ${a.skill}`,
      });
    }
    lines[agent][a.day] = pick.u;
  });
  return { model, lines, violations };
}
