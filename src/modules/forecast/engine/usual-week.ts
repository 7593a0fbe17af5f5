import { DayMatrix } from './slot-grid';
import { TargetDay } from './forecast-method';
import { addDays, daysBetween, isoWeekday } from 'src/platform/time/calendar-date';

/** Weekdays the queue usually works (data on at least half of them), indexed 1…7. */
export function usualWorkingWeekdays(history: DayMatrix): boolean[] {
  const open = new Array<number>(8).fill(0);
  const all = new Array<number>(8).fill(0);
  for (const d of history.days.slice(-56)) {
    all[d.weekday]++;
    if (d.values.some((v) => !Number.isNaN(v))) open[d.weekday]++;
  }
  return open.map((n, w) => w > 0 && all[w] > 0 && n >= all[w] / 2);
}

/** True when the calendar day before `date` is inside the history, a usual working weekday, and had no data at all. */
export function followsClosure(history: DayMatrix, date: string, working: boolean[]): boolean {
  if (history.days.length === 0) return false;
  const i = daysBetween(history.days[0].date, date) - 1;
  if (i < 0 || i >= history.days.length) return false;
  const before = history.days[i];
  return working[before.weekday] && !before.masked && before.values.every((v) => Number.isNaN(v));
}

/**
 * True when a target day reopens: after a planned closed day of a usual working weekday, or after
 * a closure seen in the history. A day merely missing after the history's end is not a closure.
 */
export function targetFollowsClosure(history: DayMatrix, target: TargetDay, working: boolean[]): boolean {
  if (target.afterPlannedClosure) return working[isoWeekday(addDays(target.date, -1))];
  return followsClosure(history, target.date, working);
}

/**
 * Weekdays that open the usual week: working weekdays whose calendar day before is not a working
 * one (Monday for a Monday–Friday queue; none for a queue open every day).
 */
export function weekStartWeekdays(working: boolean[]): number[] {
  const starts: number[] = [];
  for (let w = 1; w <= 7; w++) if (working[w] && !working[w === 1 ? 7 : w - 1]) starts.push(w);
  return starts;
}
