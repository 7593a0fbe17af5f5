import { DateTime } from 'luxon';
import type { RosterHorizon } from './roster-model';
import { shiftStartMillis } from './shift-start';

const MINUTE = 60_000;

/**
 * Breaks are placed in real minutes after a shift's start (a meal 3–5 h in is 3–5 hours lived, also
 * on the night the clocks change); products write them on the local clock. These convert between
 * the two for one shift, so a night shift across a clock change keeps its breaks where they belong.
 */

/** UTC ms of local wall-clock `minutes` after the midnight of `day` (minutes may run into later days). */
export function wallClockMillis(horizon: RosterHorizon, day: number, minutes: number): number {
  const extra = Math.floor(minutes / 1440);
  return shiftStartMillis(horizon, day + extra, minutes - extra * 1440);
}

/** The local clock of an instant as minutes after the midnight of `day` (past 1440 on the days after). */
export function clockMinutesOf(horizon: RosterHorizon, day: number, at: number): number {
  const local = DateTime.fromMillis(at, { zone: horizon.timeZone });
  const midnight = DateTime.fromISO(horizon.startDate, { zone: horizon.timeZone }).startOf('day').plus({ days: day });
  const days = Math.round(local.startOf('day').diff(midnight, 'days').days);
  return days * 1440 + local.hour * 60 + local.minute;
}

/** Local clock minutes of a break `offsetMinutes` real minutes after a shift starting at `startMinutes` on `day`. */
export function breakClockMinutes(
  horizon: RosterHorizon,
  day: number,
  startMinutes: number,
  offsetMinutes: number,
): number {
  return clockMinutesOf(horizon, day, shiftStartMillis(horizon, day, startMinutes) + offsetMinutes * MINUTE);
}

/**
 * Real minutes from a shift's start to one of its breaks: the break's own offset when it carries one
 * (needed in the hour a clock change repeats), else from its clock time.
 */
export function breakOffsetMinutes(
  horizon: RosterHorizon,
  day: number,
  startMinutes: number,
  b: { startMinutes: number; offsetMinutes?: number },
): number {
  if (b.offsetMinutes !== undefined) return b.offsetMinutes;
  return Math.round(
    (wallClockMillis(horizon, day, b.startMinutes) - shiftStartMillis(horizon, day, startMinutes)) / MINUTE,
  );
}
