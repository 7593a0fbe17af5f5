import { clockMinutes } from './roster-week';
import type { RosterWeek } from './roster-week';
import { RosterProblems } from './roster.problems';
import type { AgentActivity, ShiftType } from './solver';

const BREAK_GRID = 15;

/**
 * A hand-set shift's breaks: as near the middle of each window as booked training allows (the
 * solver places them by demand). Windows are real minutes after the start, also on the night the
 * clocks change; each break keeps that offset beside its clock time. A break never falls in
 * training; if no time does, the middle is kept and the rule checker refuses the edit.
 */
export function placeBreaks(
  week: RosterWeek,
  type: ShiftType,
  start: number,
  length: number,
  day: number,
  activities: AgentActivity[],
) {
  const startsAt = week.wallClock(day, start).getTime();
  const inTraining = (offset: number, minutes: number) =>
    activities.some((a) => {
      const from = startsAt + offset * 60_000;
      return (
        from < week.wallClock(a.day, a.toMinutes).getTime() &&
        week.wallClock(a.day, a.fromMinutes).getTime() < from + minutes * 60_000
      );
    });
  return (type.breaks ?? [])
    .filter((r) => length >= r.minShiftMinutes)
    .map((r) => {
      const middle =
        r.earliestStartAfterMinutes +
        Math.floor((r.latestStartAfterMinutes - r.earliestStartAfterMinutes) / 2 / BREAK_GRID) * BREAK_GRID;
      const offsets: number[] = [];
      for (let o = r.earliestStartAfterMinutes; o <= r.latestStartAfterMinutes; o += BREAK_GRID) offsets.push(o);
      const offset =
        offsets.sort((x, y) => Math.abs(x - middle) - Math.abs(y - middle)).find((o) => !inTraining(o, r.minutes)) ??
        middle;
      const placed: { name: string; minutes: number; startMinutes: number; offsetMinutes?: number } = {
        name: r.name,
        minutes: r.minutes,
        startMinutes: week.clockAfter(day, new Date(startsAt + offset * 60_000)),
        offsetMinutes: offset,
      };
      return placed;
    });
}

/** Breaks placed as the change says (one start per break of the template); the rule checker judges their windows. */
export function givenBreaks(
  week: RosterWeek,
  type: ShiftType,
  name: string,
  day: number,
  start: number,
  length: number,
  given: { start: string }[],
  i: number,
) {
  const rules = (type.breaks ?? []).filter((r) => length >= r.minShiftMinutes);
  if (given.length !== rules.length)
    throw RosterProblems.breakStartsCount.at(`changes.${i}.breaks`, { template: name, count: rules.length });
  const startsAt = week.wallClock(day, start).getTime();
  return rules.map((r, n) => {
    // A clock time before the shift's start is on the next day (night shifts).
    const startMinutes = clockMinutes(given[n].start) + (clockMinutes(given[n].start) < start ? 1440 : 0);
    const offsetMinutes = offsetOfPasses(week.wallClockPasses(day, startMinutes), startsAt, r);
    return { name: r.name, minutes: r.minutes, startMinutes, offsetMinutes };
  });
}

/**
 * Real minutes after a shift's start that a break's clock time stands for, given the instants the
 * clock shows it: a time the autumn night shows twice is the pass inside the break's window (the
 * earlier if both are; the later if neither is, for the rule checker to judge).
 */
export function offsetOfPasses(
  passes: Date[],
  startsAt: number,
  window: { earliestStartAfterMinutes: number; latestStartAfterMinutes: number },
): number {
  const offsets = passes.map((at) => Math.round((at.getTime() - startsAt) / 60_000));
  const inWindow = offsets.find((o) => o >= window.earliestStartAfterMinutes && o <= window.latestStartAfterMinutes);
  return inWindow ?? offsets[offsets.length - 1];
}
