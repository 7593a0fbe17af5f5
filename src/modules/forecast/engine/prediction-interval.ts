import { BacktestPoint } from './forecast-types';

/** Fewer backtest points than this in an hour and the hour borrows the pooled quantiles. */
const MIN_POINTS_PER_HOUR = 30;

export interface IntervalBand {
  /** Multipliers of the point forecast for the lower and upper bound. */
  low: number;
  high: number;
}

/** Hour of day → band; `pooled` for hours without enough evidence. */
export interface IntervalModel {
  byHour: Map<number, IntervalBand>;
  pooled: IntervalBand | null;
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function band(ratios: number[], coverage: number): IntervalBand {
  const sorted = [...ratios].sort((a, b) => a - b);
  return { low: quantile(sorted, (1 - coverage) / 2), high: quantile(sorted, (1 + coverage) / 2) };
}

/**
 * Empirical quantiles of actual / forecast from the day-ahead backtest, per local hour (errors
 * differ between the quiet early hours and the peaks), scaled by the forecast.
 */
export function intervalModel(points: BacktestPoint[], slotMinutes: number, coverage: number): IntervalModel {
  const ratios = new Map<number, number[]>();
  const all: number[] = [];
  for (const p of points) {
    if (!(p.forecast > 0)) continue;
    const r = p.actual / p.forecast;
    const hour = Math.floor((p.slot * slotMinutes) / 60);
    if (!ratios.has(hour)) ratios.set(hour, []);
    ratios.get(hour)?.push(r);
    all.push(r);
  }
  const byHour = new Map<number, IntervalBand>();
  for (const [hour, r] of ratios) if (r.length >= MIN_POINTS_PER_HOUR) byHour.set(hour, band(r, coverage));
  return { byHour, pooled: all.length >= MIN_POINTS_PER_HOUR ? band(all, coverage) : null };
}

/** Two-sided normal quantile for the fallback (no backtest yet): Poisson noise only. */
function normalQuantile(p: number): number {
  // Bisection on the normal CDF: exact enough, and only used before any backtest exists.
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (0.5 * (1 + erf(mid / Math.SQRT2)) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function erf(x: number): number {
  // Abramowitz–Stegun 7.1.26, error < 1.5e-7.
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

export function intervalFor(
  model: IntervalModel,
  forecast: number,
  hour: number,
  coverage: number,
): { lower: number; upper: number } {
  const b = model.byHour.get(hour) ?? model.pooled;
  if (b) return { lower: Math.max(0, forecast * b.low), upper: Math.max(0, forecast * b.high) };
  const z = normalQuantile((1 + coverage) / 2);
  const spread = z * Math.sqrt(forecast);
  return { lower: Math.max(0, forecast - spread), upper: forecast + spread };
}
