import { ForecastMethod, rowIndex, TargetDay } from './forecast-method';
import { CalendarEvent } from './forecast-types';
import { weekdayMean } from './methods/weekday-mean';
import { withoutOutliers } from './outliers';
import { DayMatrix, historyBefore } from './slot-grid';
import { addDays, isoWeekday } from 'src/platform/time/calendar-date';

/** The longest after-effect looked for: negative reviews (中差评) and returns arrive within seven days. */
export const MAX_AFTER_DAYS = 7;
/** A day after an event is part of its wave when its volume is this many standard errors off the baseline. */
const WAVE_Z = 2;
/** A wave may start late (returns arrive once parcels do) but ends after this many ordinary days in a row. */
const QUIET_DAYS_ENDING_A_WAVE = 2;
/** Relative error of a day's total on ordinary days when too few days are there to measure it. */
const DEFAULT_DAY_NOISE = 0.1;
/**
 * A slot's uplift is measured over neighbouring slots until this many arrivals are pooled (up to
 * an hour each side), so quiet slots are not Poisson noise while busy ones keep a sharp curve.
 */
const MIN_POOLED_ARRIVALS = 200;

/** Uplift curve per day offset (0 = event day … its wave's last day) and slot; NaN where nothing was measured. */
export type UpliftCurve = Float64Array[];
/** Days of after-effect per event key, as learnt; a key never measured counts as the full seven. */
export type WaveLengths = Map<string, number>;

export function eventKey(event: CalendarEvent): string {
  return `${event.kind}:${event.label ?? ''}`;
}

const waveOf = (event: CalendarEvent, lengths: WaveLengths) => lengths.get(eventKey(event)) ?? MAX_AFTER_DAYS;

/** Event days and the days of their wave are not the usual baseline: set them missing before fitting. */
export function withoutEvents(
  history: DayMatrix,
  events: CalendarEvent[],
  lengths: WaveLengths = new Map(),
): DayMatrix {
  const masked = new Set<string>();
  for (const e of events) for (let k = 0; k <= waveOf(e, lengths); k++) masked.add(addDays(e.date, k));
  return {
    ...history,
    days: history.days.map((d) =>
      masked.has(d.date) ? { ...d, values: new Float64Array(d.values.length).fill(NaN), masked: true } : d,
    ),
  };
}

/** Sum of the slots where both the actual and the forecast exist. */
function pairedTotals(actual: Float64Array, forecast: Float64Array): { a: number; b: number } {
  let a = 0;
  let b = 0;
  for (let s = 0; s < actual.length; s++) {
    if (Number.isNaN(actual[s]) || !(forecast[s] >= 0)) continue;
    a += actual[s];
    b += forecast[s];
  }
  return { a, b };
}

/** Relative error of day totals of the four-weekday mean on the last eight weeks of ordinary days. */
function dayNoise(baseline: DayMatrix, method: ForecastMethod): number {
  let sum = 0;
  let n = 0;
  baseline.days.forEach((day, i) => {
    if (i < 28 || i < baseline.days.length - 56 || day.masked) return;
    const [f] = method.forecast(historyBefore(baseline, day.date), [{ date: day.date, weekday: day.weekday }]);
    const { a, b } = pairedTotals(day.values, f);
    if (!(b > 0)) return;
    sum += (a / b - 1) ** 2;
    n++;
  });
  return n >= 5 ? Math.sqrt(sum / n) : DEFAULT_DAY_NOISE;
}

/**
 * How many days after each kind of event volume stays off its usual level, up to seven: every
 * day after past events of the kind is compared with a plain baseline (mean of the last four same
 * weekdays, every event day and its possible wave left out), pooled over the events. A day off by
 * more than two standard errors (the day-to-day error of ordinary days) belongs to the wave; two
 * ordinary days in a row end it. Days that are another event's own day are not evidence.
 */
export function waveLengths(raw: DayMatrix, events: CalendarEvent[]): WaveLengths {
  const method = weekdayMean(4);
  const wide = withoutOutliers(withoutEvents(raw, events));
  const noise = dayNoise(wide, method);
  const eventDays = new Set(events.map((e) => e.date));
  const sums = new Map<string, { a: number[]; b: number[]; n: number[] }>();
  for (const event of events) {
    const i = rowIndex(raw, event.date);
    if (i < 7 || i >= raw.days.length) continue;
    const targets: TargetDay[] = [];
    for (let k = 1; k <= MAX_AFTER_DAYS; k++)
      targets.push({ date: addDays(event.date, k), weekday: isoWeekday(addDays(event.date, k)) });
    const base = method.forecast(historyBefore(wide, event.date), targets);
    const key = eventKey(event);
    const acc = sums.get(key) ?? {
      a: new Array(MAX_AFTER_DAYS + 1).fill(0),
      b: new Array(MAX_AFTER_DAYS + 1).fill(0),
      n: new Array(MAX_AFTER_DAYS + 1).fill(0),
    };
    sums.set(key, acc);
    targets.forEach((t, j) => {
      const row = raw.days[i + j + 1];
      if (!row || eventDays.has(t.date)) return;
      const { a, b } = pairedTotals(row.values, base[j]);
      if (!(b > 0)) return;
      acc.a[j + 1] += a;
      acc.b[j + 1] += b;
      acc.n[j + 1]++;
    });
  }
  const lengths: WaveLengths = new Map();
  for (const [key, acc] of sums) {
    let length = 0;
    for (let k = 1; k <= MAX_AFTER_DAYS && k - length <= QUIET_DAYS_ENDING_A_WAVE; k++) {
      if (acc.n[k] === 0) continue;
      // The measured day noise holds the Poisson part already; pooling n events divides it by √n.
      if (Math.abs(acc.a[k] / acc.b[k] - 1) > (WAVE_Z * noise) / Math.sqrt(acc.n[k])) length = k;
    }
    lengths.set(key, length);
  }
  return lengths;
}

/**
 * Learns, for each kind of event seen in the history, the ratio of what arrived to the baseline
 * forecast made the day before, per slot, on the event day and the days of its wave. Several past
 * events of one kind are pooled as a ratio of sums.
 */
export function learnUplifts(
  raw: DayMatrix,
  baseline: DayMatrix,
  events: CalendarEvent[],
  method: ForecastMethod,
  lengths: WaveLengths,
): Map<string, UpliftCurve> {
  const S = raw.slotsPerDay;
  const eventDays = new Set(events.map((e) => e.date));
  const sums = new Map<string, { actual: Float64Array[]; base: Float64Array[] }>();
  for (const event of events) {
    const i = rowIndex(raw, event.date);
    if (i < 7 || i >= raw.days.length) continue;
    const targets: TargetDay[] = [];
    for (let k = 0; k <= waveOf(event, lengths); k++)
      targets.push({ date: addDays(event.date, k), weekday: isoWeekday(addDays(event.date, k)) });
    const base = method.forecast(historyBefore(baseline, event.date), targets);
    const key = eventKey(event);
    let acc = sums.get(key);
    if (!acc) {
      acc = { actual: targets.map(() => new Float64Array(S)), base: targets.map(() => new Float64Array(S)) };
      sums.set(key, acc);
    }
    targets.forEach((t, k) => {
      const row = raw.days[i + k];
      if (!row || (k > 0 && eventDays.has(t.date))) return;
      for (let s = 0; s < S; s++) {
        if (Number.isNaN(row.values[s]) || !(base[k][s] >= 0)) continue;
        acc.actual[k][s] += row.values[s];
        acc.base[k][s] += base[k][s];
      }
    });
  }
  const curves = new Map<string, UpliftCurve>();
  for (const [key, acc] of sums)
    curves.set(
      key,
      acc.actual.map((actual, k) => pooledCurve(actual, acc.base[k], raw.slotMinutes)),
    );
  return curves;
}

function pooledCurve(actual: Float64Array, base: Float64Array, slotMinutes: number): Float64Array {
  const S = actual.length;
  const curve = new Float64Array(S).fill(NaN);
  const maxWindow = Math.max(1, Math.round(60 / slotMinutes));
  for (let s = 0; s < S; s++) {
    let a = actual[s];
    let b = base[s];
    for (let w = 1; w <= maxWindow && a < MIN_POOLED_ARRIVALS; w++) {
      for (const j of [s - w, s + w]) {
        if (j < 0 || j >= S) continue;
        a += actual[j];
        b += base[j];
      }
    }
    if (b > 0) curve[s] = a / b;
  }
  return curve;
}

/**
 * Multiplier per slot for a target day: the learnt curve of every event on it or within its wave
 * before it; an event kind never seen gets the planner's multiplier on its own day.
 */
export function upliftFor(
  date: string,
  slotsPerDay: number,
  events: CalendarEvent[],
  curves: Map<string, UpliftCurve>,
): Float64Array {
  const uplift = new Float64Array(slotsPerDay).fill(1);
  for (const event of events) {
    for (let k = 0; k <= MAX_AFTER_DAYS; k++) {
      if (addDays(event.date, k) !== date) continue;
      const curve = curves.get(eventKey(event));
      if (curve) {
        if (k >= curve.length) continue;
        for (let s = 0; s < slotsPerDay; s++) if (Number.isFinite(curve[k][s])) uplift[s] *= curve[k][s];
      } else if (k === 0 && event.multiplier !== undefined) {
        for (let s = 0; s < slotsPerDay; s++) uplift[s] *= event.multiplier;
      }
    }
  }
  return uplift;
}
