import { DayMatrix } from './slot-grid';

/** Gross errors only: a slot must be far outside Poisson noise and half its expected size off. */
const NOISE_SDS = 4;
const RELATIVE_MARGIN = 0.5;
/** A day whose total is below/above this multiple of its usual weekday total is dropped whole. */
const DAY_LOW = 0.5;
const DAY_HIGH = 2;

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Up to four earlier days of the same weekday with data at `slot` (later ones only if too few). */
function neighbours(history: DayMatrix, index: number, slot: number | null): number[] {
  const pick = (step: number, limit: number, into: number[]) => {
    for (let j = index + step; j >= 0 && j < history.days.length && into.length < limit; j += step) {
      const v = slot === null ? dayTotal(history.days[j].values) : history.days[j].values[slot];
      if (!Number.isNaN(v)) into.push(v);
    }
    return into;
  };
  const found = pick(-7, 4, []);
  return found.length >= 3 ? found : pick(7, 4, found);
}

function dayTotal(values: Float64Array): number {
  let sum = 0;
  let seen = false;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    sum += v;
    seen = true;
  }
  return seen ? sum : NaN;
}

/**
 * The history with outliers set to missing, so they do not bend the baseline: whole days far off
 * their usual weekday total (an outage, an unmarked promotion), and single slots far off the
 * same slot of recent same weekdays scaled to the day's level.
 */
export function withoutOutliers(history: DayMatrix): DayMatrix {
  const totals = history.days.map((d) => dayTotal(d.values));
  const days = history.days.map((day, i) => {
    if (Number.isNaN(totals[i])) return day;
    const usualTotals = neighbours(history, i, null);
    if (usualTotals.length < 3) return day;
    const usual = median(usualTotals);
    const ratio = usual > 0 ? totals[i] / usual : 1;
    if (ratio < DAY_LOW || ratio > DAY_HIGH)
      return { ...day, values: new Float64Array(day.values.length).fill(NaN), masked: true };
    const values = Float64Array.from(day.values);
    for (let s = 0; s < values.length; s++) {
      if (Number.isNaN(values[s])) continue;
      const around = neighbours(history, i, s);
      if (around.length < 3) continue;
      const expected = median(around) * ratio;
      if (Math.abs(values[s] - expected) > NOISE_SDS * Math.sqrt(expected + 1) + RELATIVE_MARGIN * expected)
        values[s] = NaN;
    }
    return { ...day, values };
  });
  return { ...history, days };
}
