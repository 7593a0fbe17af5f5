import { DateTime } from 'luxon';

/**
 * The local days of a roster week in the shop's zone. Shift starts and breaks are local wall-clock
 * minutes after a day's midnight (what the solver speaks); slots are elapsed minutes after it, so
 * a DST day has 23 or 25 hours of slots. Everything stored or answered is turned into UTC here.
 */
export class RosterWeek {
  readonly dates: string[];

  constructor(
    readonly weekStart: string,
    readonly timeZone: string,
    readonly days = 7,
  ) {
    this.dates = Array.from({ length: days }, (_, d) => addDays(weekStart, d));
  }

  /** Index of a local date in the week, or -1. */
  dayOf(date: string): number {
    return this.dates.indexOf(date);
  }

  /** Days from the week's first day to a local date (negative before it, `days` or more after it). */
  offsetOf(date: string): number {
    return Math.round(DateTime.fromISO(date, { zone: 'UTC' }).diff(DateTime.fromISO(this.weekStart, { zone: 'UTC' }), 'days').days);
  }

  /** The local date and wall-clock minutes after its midnight of a UTC instant. */
  localParts(at: Date): { date: string; minutes: number } {
    const local = DateTime.fromJSDate(at, { zone: this.timeZone });
    return { date: local.toISODate()!, minutes: local.hour * 60 + local.minute };
  }

  midnight(day: number): DateTime {
    return DateTime.fromISO(addDays(this.weekStart, day), { zone: this.timeZone }).startOf('day');
  }

  /** Elapsed minutes of a local day: 1380, 1440 or 1500. */
  dayMinutes(day: number): number {
    return this.midnight(day + 1).diff(this.midnight(day), 'minutes').minutes;
  }

  /** The UTC instant of a local wall-clock time (minutes may run past midnight into later days). */
  wallClock(day: number, minutes: number): Date {
    const extraDays = Math.floor(minutes / 1440);
    const m = minutes - extraDays * 1440;
    return DateTime.fromISO(addDays(this.weekStart, day + extraDays), { zone: this.timeZone })
      .set({ hour: Math.floor(m / 60), minute: m % 60, second: 0, millisecond: 0 })
      .toJSDate();
  }

  /** The UTC start of slot `k` of a day (elapsed time after the local midnight). */
  slotStart(day: number, slot: number, slotMinutes: number): Date {
    return this.midnight(day).plus({ minutes: slot * slotMinutes }).toJSDate();
  }

  /** Local ISO date-time (with offset) of a UTC instant. */
  local(at: Date): string {
    return DateTime.fromJSDate(at, { zone: this.timeZone }).toISO({ suppressMilliseconds: true })!;
  }

  /** A shift's UTC span: the start on the wall clock, the end after its length of elapsed time. */
  span(day: number, startMinutes: number, lengthMinutes: number): { startsAt: Date; endsAt: Date } {
    const startsAt = this.wallClock(day, startMinutes);
    return { startsAt, endsAt: new Date(startsAt.getTime() + lengthMinutes * 60_000) };
  }
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

export function isMonday(date: string): boolean {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday === 1;
}

/** `HH:MM` ↔ minutes after midnight (24:00 = 1440). */
export const clockMinutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
export const clockText = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
