import { isoWeekday } from 'src/platform/time/calendar-date';
import { slotsPerDayFor, ZoneClock } from 'src/platform/time/slot-grid';
import { ClosedPeriod, VolumeObservation } from './forecast-types';

const DAY_MS = 86_400_000;

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
