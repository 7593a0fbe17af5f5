import { DateTime } from 'luxon';
import type { RosterHorizon } from './roster-model';

/**
 * Wall-clock starts already worked out, by week, zone, day and minute: the same few hundred are asked
 * for by every compile of a week (each rule check of an edit compiles it twice), and luxon's zone
 * arithmetic is most of a compile's time. Bounded: cleared when it grows past a few weeks' worth.
 */
const knownStarts = new Map<string, number>();
const KNOWN_STARTS_MAX = 50_000;

/** UTC milliseconds at which a shift starting at local `startMinutes` on `day` begins (wall clock). */
export function shiftStartMillis(horizon: RosterHorizon, day: number, startMinutes: number): number {
  const key = `${horizon.startDate}|${horizon.timeZone}|${day}|${startMinutes}`;
  const known = knownStarts.get(key);
  if (known !== undefined) return known;
  // A start past 1440 (after the midnight of its date) is the clock time on the next day, read on that day's offset.
  const extraDays = Math.floor(startMinutes / 1440);
  const clock = startMinutes - extraDays * 1440;
  const date = DateTime.fromISO(horizon.startDate, { zone: horizon.timeZone })
    .startOf('day')
    .plus({ days: day + extraDays });
  const millis = date.set({ hour: Math.floor(clock / 60), minute: clock % 60 }).toMillis();
  if (knownStarts.size >= KNOWN_STARTS_MAX) knownStarts.clear();
  knownStarts.set(key, millis);
  return millis;
}
