import { DateTime } from 'luxon';
import { addDays } from './calendar-date';

/**
 * A shop's calendar: its local days as UTC instants, in its IANA zone. A local day is 23, 24 or
 * 25 hours long across daylight-saving changes, so day windows are always computed here, never as
 * "start + 24 h".
 */
export interface LocalWindow {
  /** The first instant of the first day. */
  start: Date;
  /** The first instant after the last day (half-open). */
  end: Date;
}

function startOfLocalDay(date: string, zone: string): DateTime {
  const local = DateTime.fromISO(date, { zone }).startOf('day');
  if (!local.isValid) throw new RangeError(`${date} is not a date in ${zone}`);
  return local;
}

/** The UTC instant a local date starts in the zone. */
export const localDayStart = (date: string, zone: string): Date => startOfLocalDay(date, zone).toJSDate();

/** The local days from `from` to `to` (both included) as one UTC half-open window. */
export function localDaysWindow(from: string, to: string, zone: string): LocalWindow {
  return { start: localDayStart(from, zone), end: localDayStart(addDays(to, 1), zone) };
}

/** The local date an instant falls on in the zone. */
export function localDateOf(at: Date, zone: string): string {
  const date = DateTime.fromJSDate(at, { zone }).toISODate();
  if (date === null) throw new RangeError(`${at.toISOString()} has no date in ${zone}`);
  return date;
}

/** Today's local date in the zone. */
export const todayIn = (zone: string, now: Date = new Date()): string => localDateOf(now, zone);

/** The next Monday after today in the zone (a week ahead when today is Monday). */
export function nextMonday(now: Date, zone: string): string {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  return today.plus({ days: 8 - today.weekday }).toISODate()!;
}

/** The instant as the shop reads it: UTC and local ISO times side by side. */
export const utcAndLocal = (at: Date, zone: string): { utc: string; local: string } => ({
  utc: at.toISOString(),
  local: DateTime.fromJSDate(at, { zone }).toISO({ suppressMilliseconds: true })!,
});

/** The instant of a wall-clock time on a local date: minutes after its midnight (1440 and more run into the next days). */
export function wallClockAt(date: string, minutes: number, zone: string): Date {
  const days = Math.floor(minutes / 1440);
  const rest = minutes - days * 1440;
  return startOfLocalDay(addDays(date, days), zone)
    .set({ hour: Math.floor(rest / 60), minute: rest % 60 })
    .toJSDate();
}

/**
 * Every instant a local date's wall clock shows `minutes` after its midnight (1440 and more run into
 * the next days): one, or two in the hour the autumn change repeats (earlier first). A time the
 * spring change skips gives the one reading `wallClockAt` gives.
 */
export function wallClockPasses(date: string, minutes: number, zone: string): Date[] {
  const at = wallClockAt(date, minutes, zone).getTime();
  const midnight = startOfLocalDay(date, zone);
  const shows = (ms: number) => {
    const local = DateTime.fromMillis(ms, { zone });
    const days = Math.round(local.startOf('day').diff(midnight, 'days').days);
    return days * 1440 + local.hour * 60 + local.minute === minutes;
  };
  const passes = [-60, -30, 30, 60].map((m) => at + m * 60_000).filter(shows);
  return [...passes, at].sort((a, b) => a - b).map((ms) => new Date(ms));
}

/** An instant's local clock time, `HH:mm`. */
export const clockAt = (at: Date, zone: string): string => DateTime.fromJSDate(at, { zone }).toFormat('HH:mm');
