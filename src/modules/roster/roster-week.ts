import { DateTime, Info } from 'luxon';
import { addDays, isoWeekday } from 'src/platform/time/calendar-date';

/** A date that starts a roster week. */
export const isMonday = (date: string): boolean => isoWeekday(date) === 1;

/**
 * The local days of a roster week in the shop's zone. Shift starts and breaks are local wall-clock
 * minutes after a day's midnight (what the solver speaks); slots are elapsed minutes after it, so
 * a DST day has 23 or 25 hours of slots. Everything stored or answered is turned into UTC here.
 */
export class RosterWeek {
  readonly dates: string[];
  /**
   * Zone arithmetic is the cost of reading a roster (thousands of slots and shift times per view),
   * so each local midnight, its day's UTC offset and each wall-clock time are worked out once.
   */
  private readonly midnights = new Map<number, DateTime>();
  private readonly wallClocks = new Map<number, number>();
  /** Per day: the UTC offset in minutes when it is the same all day, null on a day the clocks change. */
  private readonly steadyOffsets = new Map<number, number | null>();
  private readonly fixedZone: boolean;

  constructor(
    readonly weekStart: string,
    readonly timeZone: string,
    readonly days = 7,
  ) {
    this.dates = Array.from({ length: days }, (_, d) => addDays(weekStart, d));
    this.fixedZone = Info.normalizeZone(timeZone).isUniversal;
  }

  /** Index of a local date in the week, or -1. */
  dayOf(date: string): number {
    return this.dates.indexOf(date);
  }

  /** Days from the week's first day to a local date (negative before it, `days` or more after it). */
  offsetOf(date: string): number {
    return Math.round(
      DateTime.fromISO(date, { zone: 'UTC' }).diff(DateTime.fromISO(this.weekStart, { zone: 'UTC' }), 'days').days,
    );
  }

  /** The local date and wall-clock minutes after its midnight of a UTC instant. */
  localParts(at: Date): { date: string; minutes: number } {
    const local = DateTime.fromJSDate(at, { zone: this.timeZone });
    return { date: local.toISODate()!, minutes: local.hour * 60 + local.minute };
  }

  midnight(day: number): DateTime {
    let midnight = this.midnights.get(day);
    if (!midnight) {
      midnight = DateTime.fromISO(addDays(this.weekStart, day), { zone: this.timeZone }).startOf('day');
      this.midnights.set(day, midnight);
    }
    return midnight;
  }

  /** Elapsed minutes of a local day: 1380, 1440 or 1500. */
  dayMinutes(day: number): number {
    return this.midnight(day + 1).diff(this.midnight(day), 'minutes').minutes;
  }

  /** The UTC instant of a local wall-clock time (minutes may run past midnight into later days). */
  wallClock(day: number, minutes: number): Date {
    const extraDays = Math.floor(minutes / 1440);
    const m = minutes - extraDays * 1440;
    const key = (day + extraDays) * 1440 + m;
    let ms = this.wallClocks.get(key);
    if (ms === undefined) {
      ms = this.midnight(day + extraDays)
        .set({ hour: Math.floor(m / 60), minute: m % 60, second: 0, millisecond: 0 })
        .toMillis();
      this.wallClocks.set(key, ms);
    }
    return new Date(ms);
  }

  /** The UTC start of slot `k` of a day (elapsed time after the local midnight). */
  slotStart(day: number, slot: number, slotMinutes: number): Date {
    return new Date(this.midnight(day).toMillis() + slot * slotMinutes * 60_000);
  }

  /** Local ISO date-time (with offset) of a UTC instant. */
  local(at: Date): string {
    const offset = this.fixedZone ? null : this.steadyOffsetAt(at.getTime());
    if (offset === null) return DateTime.fromJSDate(at, { zone: this.timeZone }).toISO({ suppressMilliseconds: true })!;
    return isoWithOffset(at.getTime(), offset);
  }

  /** The offset of the week's day holding this instant if the clocks do not change that day. */
  private steadyOffsetAt(ms: number): number | null {
    const day = Math.floor((ms - this.midnight(0).toMillis()) / 86_400_000);
    for (const d of [day, day - 1, day + 1]) {
      if (d < -1 || d > this.days || ms < this.midnight(d).toMillis() || ms >= this.midnight(d + 1).toMillis())
        continue;
      if (!this.steadyOffsets.has(d)) {
        const from = this.midnight(d).offset;
        this.steadyOffsets.set(d, from === this.midnight(d + 1).offset ? from : null);
      }
      return this.steadyOffsets.get(d)!;
    }
    return null;
  }

  /** Local clock minutes after the midnight of `day` of an instant (past 1440 on the days after). */
  clockAfter(day: number, at: Date): number {
    const { date, minutes } = this.localParts(at);
    return this.offsetOf(date) * 1440 - day * 1440 + minutes;
  }

  /**
   * Every instant a local wall-clock time happens (minutes may run into later days): one, or two in
   * the hour the clocks repeat in autumn (earlier first); a time the clocks skip gives its luxon reading.
   */
  wallClockPasses(day: number, minutes: number): Date[] {
    const at = this.wallClock(day, minutes).getTime();
    const passes = [-60, -30, 30, 60]
      .map((m) => at + m * 60_000)
      .filter((ms) => this.clockAfter(day, new Date(ms)) === minutes);
    return [...passes, at].sort((a, b) => a - b).map((ms) => new Date(ms));
  }

  /**
   * The UTC start of a shift's break: real minutes after the shift's start when stored (the clock
   * cannot tell the two passes of the hour a clock change repeats), else its wall-clock time.
   */
  breakStart(s: { day: number; startsAt: Date }, b: { startMinutes: number; offsetMinutes?: number }): Date {
    return b.offsetMinutes !== undefined
      ? new Date(s.startsAt.getTime() + b.offsetMinutes * 60_000)
      : this.wallClock(s.day, b.startMinutes);
  }

  /** A shift's UTC span: the start on the wall clock, the end after its length of elapsed time. */
  span(day: number, startMinutes: number, lengthMinutes: number): { startsAt: Date; endsAt: Date } {
    const startsAt = this.wallClock(day, startMinutes);
    return { startsAt, endsAt: new Date(startsAt.getTime() + lengthMinutes * 60_000) };
  }
}

const two = (n: number) => String(n).padStart(2, '0');

/** What luxon's `toISO({ suppressMilliseconds: true })` writes, for a known offset in minutes. */
function isoWithOffset(ms: number, offsetMinutes: number): string {
  const t = new Date(ms + offsetMinutes * 60_000);
  const millis = t.getUTCMilliseconds();
  const abs = Math.abs(offsetMinutes);
  return (
    `${String(t.getUTCFullYear()).padStart(4, '0')}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())}` +
    `T${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}${millis ? `.${String(millis).padStart(3, '0')}` : ''}` +
    `${offsetMinutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
  );
}

/** `HH:MM` ↔ minutes after midnight (24:00 = 1440). */
export const clockMinutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
export const clockText = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The start of a change that puts a shift back as it was: its clock time, and whether it starts
 * after the midnight of its date (minutes past 1440: the rest of a night cut by time off).
 */
export const changeStart = (startMinutes: number): { start: string; startsNextDay?: true } =>
  startMinutes >= 1440
    ? { start: clockText(startMinutes - 1440), startsNextDay: true }
    : { start: clockText(startMinutes) };
