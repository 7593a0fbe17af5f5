import { ForecastMethod, rowIndex, TargetDay } from './forecast-method';
import { CalendarEvent } from './forecast-types';
import { addDays, DayMatrix, historyBefore, isoWeekday } from './slot-grid';

/** Days after an event that still carry its wave (after-sales contacts, returns). */
export const AFTER_DAYS = 2;
/**
 * A slot's uplift is measured over neighbouring slots until this many arrivals are pooled (up to
 * an hour each side), so quiet slots are not Poisson noise while busy ones keep a sharp curve.
 */
const MIN_POOLED_ARRIVALS = 200;

/** Uplift curve per day offset (0 = event day … AFTER_DAYS) and slot; NaN where nothing was measured. */
export type UpliftCurve = Float64Array[];

export function eventKey(event: CalendarEvent): string {
  return `${event.kind}:${event.label ?? ''}`;
}

/** Event days and their after-days are not the usual baseline: set them missing before fitting. */
export function withoutEvents(history: DayMatrix, events: CalendarEvent[]): DayMatrix {
  const masked = new Set<string>();
  for (const e of events) for (let k = 0; k <= AFTER_DAYS; k++) masked.add(addDays(e.date, k));
  return {
    ...history,
    days: history.days.map((d) => (masked.has(d.date) ? { ...d, values: new Float64Array(d.values.length).fill(NaN), masked: true } : d)),
  };
}

/**
 * Learns, for each kind of event seen in the history, the ratio of what arrived to the baseline
 * forecast made the day before, per slot, on the event day and the days after. Several past events
 * of one kind are pooled as a ratio of sums.
 */
export function learnUplifts(
  raw: DayMatrix,
  baseline: DayMatrix,
  events: CalendarEvent[],
  method: ForecastMethod,
): Map<string, UpliftCurve> {
  const S = raw.slotsPerDay;
  const sums = new Map<string, { actual: Float64Array[]; base: Float64Array[] }>();
  for (const event of events) {
    const i = rowIndex(raw, event.date);
    if (i < 7 || i >= raw.days.length) continue;
    const targets: TargetDay[] = [];
    for (let k = 0; k <= AFTER_DAYS; k++) targets.push({ date: addDays(event.date, k), weekday: isoWeekday(addDays(event.date, k)) });
    const base = method.forecast(historyBefore(baseline, event.date), targets);
    const key = eventKey(event);
    let acc = sums.get(key);
    if (!acc) {
      acc = { actual: targets.map(() => new Float64Array(S)), base: targets.map(() => new Float64Array(S)) };
      sums.set(key, acc);
    }
    targets.forEach((t, k) => {
      const row = raw.days[i + k];
      if (!row) return;
      for (let s = 0; s < S; s++) {
        if (Number.isNaN(row.values[s]) || !(base[k][s] >= 0)) continue;
        acc.actual[k][s] += row.values[s];
        acc.base[k][s] += base[k][s];
      }
    });
  }
  const curves = new Map<string, UpliftCurve>();
  for (const [key, acc] of sums) {
    curves.set(
      key,
      acc.actual.map((actual, k) => {
        const curve = new Float64Array(S).fill(NaN);
        const maxWindow = Math.max(1, Math.round(60 / raw.slotMinutes));
        for (let s = 0; s < S; s++) {
          let a = actual[s];
          let b = acc.base[k][s];
          for (let w = 1; w <= maxWindow && a < MIN_POOLED_ARRIVALS; w++) {
            for (const j of [s - w, s + w]) {
              if (j < 0 || j >= S) continue;
              a += actual[j];
              b += acc.base[k][j];
            }
          }
          if (b > 0) curve[s] = a / b;
        }
        return curve;
      }),
    );
  }
  return curves;
}

/**
 * Multiplier per slot for a target day: the learnt curve of every event on it or up to
 * AFTER_DAYS before it; an event kind never seen gets the planner's multiplier on its own day.
 */
export function upliftFor(date: string, slotsPerDay: number, events: CalendarEvent[], curves: Map<string, UpliftCurve>): Float64Array {
  const uplift = new Float64Array(slotsPerDay).fill(1);
  for (const event of events) {
    for (let k = 0; k <= AFTER_DAYS; k++) {
      if (addDays(event.date, k) !== date) continue;
      const curve = curves.get(eventKey(event));
      if (curve) {
        for (let s = 0; s < slotsPerDay; s++) if (Number.isFinite(curve[k][s])) uplift[s] *= curve[k][s];
      } else if (k === 0 && event.multiplier !== undefined) {
        for (let s = 0; s < slotsPerDay; s++) uplift[s] *= event.multiplier;
      }
    }
  }
  return uplift;
}
