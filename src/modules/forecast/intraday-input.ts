import { localSlotsOfDay } from 'src/platform/time/slot-grid';

/** One local day on its real slots (46/48/50 half-hours across DST), in UTC order. */
export interface IntradayDay {
  starts: number[];
  /** Day-ahead value per slot (planner adjustments applied); NaN where closed or not forecast. */
  dayAhead: Float64Array;
  /** What arrived per slot; NaN for a slot without facts or not over yet. */
  actual: Float64Array;
  /** First slot after the last finished slot with facts: where the update starts (0 when none). */
  fromSlot: number;
}

/**
 * Lays stored day-ahead slots and volume records onto the day's slots. A slot counts once it is
 * over at `nowMs` (a half-filled slot would read as a quiet one); volume records inside a slot add
 * up, as they do for the day-ahead history.
 */
export function intradayDayOf(
  date: string,
  zone: string,
  slotMinutes: number,
  dayAhead: { startMs: number; value: number; closed: boolean }[],
  volume: { startMs: number; volume: number }[],
  nowMs: number,
): IntradayDay {
  const slots = localSlotsOfDay(date, zone, slotMinutes);
  const starts = slots.map((s) => s.startMs);
  const index = new Map(starts.map((ms, i) => [ms, i]));
  const slotMs = slotMinutes * 60_000;
  const forecast = new Float64Array(starts.length).fill(NaN);
  for (const d of dayAhead) {
    const i = index.get(d.startMs);
    if (i !== undefined && !d.closed && Number.isFinite(d.value)) forecast[i] = d.value;
  }
  const actual = new Float64Array(starts.length).fill(NaN);
  const first = starts[0];
  for (const v of volume) {
    const i = Math.floor((v.startMs - first) / slotMs);
    if (i < 0 || i >= starts.length || starts[i] + slotMs > nowMs || !Number.isFinite(v.volume)) continue;
    actual[i] = (Number.isNaN(actual[i]) ? 0 : actual[i]) + v.volume;
  }
  let fromSlot = 0;
  actual.forEach((a, i) => {
    if (!Number.isNaN(a)) fromSlot = i + 1;
  });
  return { starts, dayAhead: forecast, actual, fromSlot };
}
