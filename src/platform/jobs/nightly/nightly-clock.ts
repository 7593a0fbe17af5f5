import { addDays } from 'src/platform/time/calendar-date';
import { todayIn, wallClockAt } from 'src/platform/time/shop-calendar';

/**
 * The local day a shop's nightly run is for, once its local clock has reached the run hour:
 * yesterday in the shop's zone. Comparing the local wall clock (not adding 24 h to a UTC
 * instant) keeps it right on 23- and 25-hour days; on a spring-forward night where 02:00 does
 * not exist, 03:00 is already past it.
 */
export function nightlyDueDate(now: Date, timeZone: string, runHour = 2): string | null {
  const today = todayIn(timeZone, now);
  return now < localRunInstant(today, timeZone, runHour) ? null : addDays(today, -1);
}

/** The UTC instant at which a shop's local clock reads `hour`:00 on a date (the next valid time in a gap). */
export function localRunInstant(date: string, timeZone: string, runHour = 2): Date {
  return wallClockAt(date, runHour * 60, timeZone);
}

/**
 * The night to enqueue now: the oldest one missed since the last scheduled night, no further back
 * than `limit` nights before the due one; none while a scheduled night of the shop is unfinished.
 * A shop never scheduled starts with the due night.
 */
export function nextNight(
  due: string,
  state: { lastDate: string; unfinished: boolean } | undefined,
  limit: number,
): string | null {
  if (!state) return due;
  if (state.unfinished || state.lastDate >= due) return null;
  const afterLast = addDays(state.lastDate, 1);
  const oldestAllowed = addDays(due, 1 - limit);
  return afterLast > oldestAllowed ? afterLast : oldestAllowed;
}
