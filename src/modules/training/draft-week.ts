import { DateTime } from 'luxon';

export const plusDays = (date: string, days: number) => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;

/** The night of `date` runs on the morning of the next day; that day being a Monday is what counts. */
export const runsOnMonday = (date: string) => DateTime.fromISO(plusDays(date, 1), { zone: 'UTC' }).weekday === 1;

/** Next week as seen from the run day: the Monday after it (a Monday run drafts the week after). */
export function draftWeekOf(date: string): string {
  const runDay = DateTime.fromISO(plusDays(date, 1), { zone: 'UTC' });
  return runDay.plus({ days: 8 - runDay.weekday }).toISODate()!;
}
