import { DateTime, IANAZone } from 'luxon';
import { ClosedPeriod, VolumeObservation } from './forecast-types';

/**
 * The slot grid: history and forecasts are keyed by (local date, slot of the local day), where the
 * slot is the local minute of day / slot minutes. A 23-hour day simply has no values in the skipped
 * slots; on a 25-hour day the repeated hour is a second slot with its own UTC start that shares the
 * first one's grid position (and so its forecast).
 */
export interface DayRow {
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** One value per slot of the nominal day; NaN means missing (not zero). */
  values: Float64Array;
  /** Data was there but is kept out of the baseline (event, outlier day): not a closure. */
  masked?: boolean;
}

export interface DayMatrix {
  slotMinutes: number;
  slotsPerDay: number;
  /** Consecutive local dates, including days without any data. */
  days: DayRow[];
}

export interface LocalSlot {
  startMs: number;
  slot: number;
  localTime: string;
}

const DAY_MS = 86_400_000;
const QUARTER_MS = 900_000;

/**
 * Offsets of a zone, cached per UTC day: when a day starts and ends on the same offset the whole
 * day has it (zones change at most once a day); otherwise per quarter hour, since every real zone
 * changes offset on a quarter hour.
 */
export class ZoneClock {
  private static readonly clocks = new Map<string, ZoneClock>();
  private readonly zone: IANAZone;
  private readonly days = new Map<number, number | null>();
  private readonly quarters = new Map<number, number>();

  private constructor(zoneName: string) {
    this.zone = IANAZone.create(zoneName);
  }

  static of(zoneName: string): ZoneClock {
    let clock = ZoneClock.clocks.get(zoneName);
    if (!clock) {
      if (!IANAZone.isValidZone(zoneName)) throw new Error(`unknown time zone ${zoneName}`);
      clock = new ZoneClock(zoneName);
      ZoneClock.clocks.set(zoneName, clock);
    }
    return clock;
  }

  offsetMs(utcMs: number): number {
    const day = Math.floor(utcMs / DAY_MS);
    let whole = this.days.get(day);
    if (whole === undefined) {
      const start = this.zone.offset(day * DAY_MS);
      whole = start === this.zone.offset((day + 1) * DAY_MS - 1) ? start * 60_000 : null;
      this.days.set(day, whole);
    }
    if (whole !== null) return whole;
    const quarter = Math.floor(utcMs / QUARTER_MS);
    let offset = this.quarters.get(quarter);
    if (offset === undefined) {
      offset = this.zone.offset(quarter * QUARTER_MS) * 60_000;
      this.quarters.set(quarter, offset);
    }
    return offset;
  }

  /** Local wall-clock milliseconds (as if the local clock were UTC). */
  localMs(utcMs: number): number {
    return utcMs + this.offsetMs(utcMs);
  }
}

export function slotsPerDayFor(slotMinutes: number): number {
  if (!Number.isInteger(slotMinutes) || slotMinutes <= 0 || 1440 % slotMinutes !== 0) {
    throw new Error(`slot minutes must divide a day, got ${slotMinutes}`);
  }
  return 1440 / slotMinutes;
}

export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Every slot of one local day in UTC order: 46, 48 or 50 half-hour slots depending on DST. */
export function localSlotsOfDay(date: string, zone: string, slotMinutes: number): LocalSlot[] {
  const start = DateTime.fromISO(date, { zone }).startOf('day');
  if (!start.isValid) throw new Error(`invalid local date ${date} in ${zone}`);
  const endMs = start.plus({ days: 1 }).startOf('day').toMillis();
  const clock = ZoneClock.of(zone);
  const slots: LocalSlot[] = [];
  for (let ms = start.toMillis(); ms < endMs; ms += slotMinutes * 60_000) {
    const minuteOfDay = Math.floor(((clock.localMs(ms) % DAY_MS) + DAY_MS) % DAY_MS / 60_000);
    const slot = Math.floor(minuteOfDay / slotMinutes);
    const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
    const mm = String(minuteOfDay % 60).padStart(2, '0');
    slots.push({ startMs: ms, slot, localTime: `${hh}:${mm}` });
  }
  return slots;
}

function closedMask(periods: ClosedPeriod[]): (ms: number) => boolean {
  const ranges = periods.map((p) => [Date.parse(p.start), Date.parse(p.end)] as const);
  return (ms) => ranges.some(([from, to]) => ms >= from && ms < to);
}

/**
 * Lays observations on the local grid. Slots inside closed periods are dropped (missing, not zero);
 * several records in one slot are summed; the second pass through a repeated DST hour is kept out
 * of the grid (it is forecast, but not fitted).
 */
export function buildDayMatrix(
  observations: VolumeObservation[],
  zone: string,
  slotMinutes: number,
  closedPeriods: ClosedPeriod[] = [],
): DayMatrix {
  const slotsPerDay = slotsPerDayFor(slotMinutes);
  const clock = ZoneClock.of(zone);
  const isClosed = closedMask(closedPeriods);
  const slotMs = slotMinutes * 60_000;
  const bySlotStart = new Map<number, number>();
  for (const o of observations) {
    const ms = Date.parse(o.start);
    if (!Number.isFinite(ms) || !Number.isFinite(o.volume) || isClosed(ms)) continue;
    const local = clock.localMs(ms);
    const slotStart = ms - (((local % slotMs) + slotMs) % slotMs);
    bySlotStart.set(slotStart, (bySlotStart.get(slotStart) ?? 0) + o.volume);
  }
  const starts = [...bySlotStart.keys()].sort((a, b) => a - b);
  if (starts.length === 0) return { slotMinutes, slotsPerDay, days: [] };
  // Local day numbers (days since 1970-01-01 on the local clock) keep the per-slot work arithmetic.
  const dayNumber = (ms: number) => Math.floor(clock.localMs(ms) / DAY_MS);
  const first = dayNumber(starts[0]);
  const days: DayRow[] = [];
  for (let n = first; n <= dayNumber(starts[starts.length - 1]); n++) {
    const date = new Date(n * DAY_MS).toISOString().slice(0, 10);
    days.push({ date, weekday: isoWeekday(date), values: new Float64Array(slotsPerDay).fill(NaN) });
  }
  for (const ms of starts) {
    const local = clock.localMs(ms);
    const n = Math.floor(local / DAY_MS);
    const row = days[n - first];
    const slot = Math.floor((local - n * DAY_MS) / slotMs);
    if (Number.isNaN(row.values[slot])) row.values[slot] = bySlotStart.get(ms) as number;
  }
  return { slotMinutes, slotsPerDay, days };
}

/** The matrix restricted to days before `date` (what a forecast made on the eve of `date` may see). */
export function historyBefore(matrix: DayMatrix, date: string): DayMatrix {
  return { ...matrix, days: matrix.days.filter((d) => d.date < date) };
}
