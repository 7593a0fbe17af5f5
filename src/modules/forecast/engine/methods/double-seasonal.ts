import { ForecastMethod, nanRow, rowIndex, TargetDay } from 'src/modules/forecast/engine/forecast-method';
import { DayMatrix } from 'src/modules/forecast/engine/slot-grid';

/**
 * Taylor's double-seasonal Holt-Winters (multiplicative, no trend): level × intraday index ×
 * weekly index, run over observed slots only so nights, weekends and gaps are skipped rather than
 * read as zeros. Smoothing is chosen on day-ahead errors; the level's rate is set per day so the
 * same grid fits 5- and 30-minute slots.
 */
interface Params {
  levelPerDay: number;
  delta: number;
  omega: number;
}

interface State {
  level: number;
  intraday: Float64Array;
  /** Weekly index by weekday (1…7) × slot. */
  weekly: Float64Array[];
}

const LEVEL_PER_DAY = [0.1, 0.25, 0.5, 0.75];
const DELTAS = [0.02, 0.05, 0.1, 0.2];
const OMEGAS = [0.05, 0.1, 0.2, 0.35];
const WARM_UP_DAYS = 14;

function initialState(history: DayMatrix, firstDays: number): State {
  const S = history.slotsPerDay;
  const sum = Array.from({ length: 8 }, () => new Float64Array(S));
  const count = Array.from({ length: 8 }, () => new Float64Array(S));
  let total = 0;
  let n = 0;
  for (const day of history.days.slice(0, firstDays)) {
    day.values.forEach((v, s) => {
      if (Number.isNaN(v)) return;
      for (const k of [0, day.weekday]) {
        sum[k][s] += v;
        count[k][s]++;
      }
      total += v;
      n++;
    });
  }
  const level = n > 0 ? total / n : 1;
  const intraday = new Float64Array(S).fill(1);
  for (let s = 0; s < S; s++) if (count[0][s] > 0 && sum[0][s] > 0) intraday[s] = sum[0][s] / count[0][s] / level;
  const weekly = Array.from({ length: 8 }, () => new Float64Array(S).fill(1));
  for (let w = 1; w <= 7; w++) {
    for (let s = 0; s < S; s++) {
      if (count[w][s] > 0 && sum[w][s] > 0) weekly[w][s] = sum[w][s] / count[w][s] / (level * intraday[s]);
    }
  }
  return { level, intraday, weekly };
}

function openSlotsPerDay(history: DayMatrix): number {
  let open = 0;
  let days = 0;
  for (const d of history.days) {
    const n = d.values.reduce((c, v) => c + (Number.isNaN(v) ? 0 : 1), 0);
    if (n === 0) continue;
    open += n;
    days++;
  }
  return days > 0 ? open / days : history.slotsPerDay;
}

/** One pass; `onDay` receives the day-ahead forecast of each day before that day is absorbed. */
function run(history: DayMatrix, params: Params, onDay?: (index: number, forecast: Float64Array) => void): State {
  const state = initialState(history, 14);
  const alpha = 1 - Math.pow(1 - params.levelPerDay, 1 / Math.max(1, openSlotsPerDay(history)));
  const { delta, omega } = params;
  history.days.forEach((day, i) => {
    if (onDay) onDay(i, predict(state, day.weekday));
    const weekly = state.weekly[day.weekday];
    for (let s = 0; s < day.values.length; s++) {
      const y = day.values[s];
      if (Number.isNaN(y)) continue;
      const d = state.intraday[s];
      const w = weekly[s];
      if (!(d > 0) || !(w > 0)) continue;
      const level = alpha * (y / (d * w)) + (1 - alpha) * state.level;
      if (!(level > 0)) continue;
      state.intraday[s] = delta * (y / (level * w)) + (1 - delta) * d;
      weekly[s] = omega * (y / (level * d)) + (1 - omega) * w;
      state.level = level;
    }
  });
  return state;
}

function predict(state: State, weekday: number): Float64Array {
  const out = new Float64Array(state.intraday.length);
  for (let s = 0; s < out.length; s++) out[s] = state.level * state.intraday[s] * state.weekly[weekday][s];
  return out;
}

function dayAheadError(history: DayMatrix, params: Params): number {
  let error = 0;
  run(history, params, (i, f) => {
    if (i < WARM_UP_DAYS) return;
    history.days[i].values.forEach((y, s) => {
      if (!Number.isNaN(y)) error += Math.abs(f[s] - y);
    });
  });
  return error;
}

function fitParams(history: DayMatrix): Params {
  let best: Params = { levelPerDay: 0.5, delta: 0.1, omega: 0.1 };
  if (history.days.length < WARM_UP_DAYS + 14) return best;
  let bestError = Infinity;
  for (const levelPerDay of LEVEL_PER_DAY) {
    for (const delta of DELTAS) {
      for (const omega of OMEGAS) {
        const error = dayAheadError(history, { levelPerDay, delta, omega });
        if (error < bestError) [best, bestError] = [{ levelPerDay, delta, omega }, error];
      }
    }
  }
  return best;
}

/** Slots a weekday has been seen open at; elsewhere the method has no basis (NaN). */
function seenOpen(history: DayMatrix): Uint8Array[] {
  const seen = Array.from({ length: 8 }, () => new Uint8Array(history.slotsPerDay));
  for (const d of history.days) d.values.forEach((v, s) => (seen[d.weekday][s] |= Number.isNaN(v) ? 0 : 1));
  return seen;
}

function masked(forecast: Float64Array, open: Uint8Array): Float64Array {
  const out = nanRow(forecast.length);
  for (let s = 0; s < out.length; s++) if (open[s]) out[s] = forecast[s];
  return out;
}

export const doubleSeasonal: ForecastMethod = {
  name: 'double-seasonal',
  forecast(history: DayMatrix, targets: TargetDay[]): Float64Array[] {
    const state = run(history, fitParams(history));
    const seen = seenOpen(history);
    return targets.map((t) => masked(predict(state, t.weekday), seen[t.weekday]));
  },
  dayAhead(history: DayMatrix, origins: TargetDay[]): Float64Array[] {
    if (origins.length === 0) return [];
    const first = rowIndex(history, origins[0].date);
    const fitted = fitParams({ ...history, days: history.days.slice(0, first) });
    const wanted = new Map(origins.map((o, k) => [rowIndex(history, o.date), k]));
    const out: Float64Array[] = origins.map(() => nanRow(history.slotsPerDay));
    const seen = Array.from({ length: 8 }, () => new Uint8Array(history.slotsPerDay));
    run(history, fitted, (i, f) => {
      const k = wanted.get(i);
      if (k !== undefined) out[k] = masked(f, seen[history.days[i].weekday]);
      history.days[i].values.forEach((v, s) => (seen[history.days[i].weekday][s] |= Number.isNaN(v) ? 0 : 1));
    });
    return out;
  },
};
