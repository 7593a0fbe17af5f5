import { addDays, isoWeekday, weekStartOf } from 'src/platform/time/calendar-date';

/** The night of `date` runs on the morning of the next day; that day being a Monday is what counts. */
export const runsOnMonday = (date: string): boolean => isoWeekday(addDays(date, 1)) === 1;

/** Next week as seen from the run day: the Monday after it (a Monday run drafts the week after). */
export const draftWeekOf = (date: string): string => addDays(weekStartOf(addDays(date, 1)), 7);
