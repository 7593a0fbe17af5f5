import { AccuracyMetrics, BacktestPoint, BacktestReport, MethodName } from './forecast-types';

class MetricsSum {
  count = 0;
  absError = 0;
  squaredError = 0;
  error = 0;
  actual = 0;

  add(forecast: number, actual: number): void {
    const e = forecast - actual;
    this.count++;
    this.absError += Math.abs(e);
    this.squaredError += e * e;
    this.error += e;
    this.actual += actual;
  }

  metrics(): AccuracyMetrics {
    const n = this.count;
    return {
      count: n,
      mae: n ? this.absError / n : 0,
      rmse: n ? Math.sqrt(this.squaredError / n) : 0,
      wape: this.actual > 0 ? this.absError / this.actual : null,
      bias: n ? this.error / n : 0,
    };
  }
}

/** MAE, RMSE, WAPE and bias over forecast/actual pairs. */
export function accuracyOf(pairs: { forecast: number; actual: number }[]): AccuracyMetrics {
  const sum = new MetricsSum();
  for (const p of pairs) sum.add(p.forecast, p.actual);
  return sum.metrics();
}

/** WAPE alone, with NaN forecasts counted as 0 (no basis = nothing expected). */
export function wapeOf(forecasts: ArrayLike<number>, actuals: ArrayLike<number>): number | null {
  let abs = 0;
  let total = 0;
  for (let i = 0; i < actuals.length; i++) {
    const a = actuals[i];
    if (Number.isNaN(a)) continue;
    const f = Number.isNaN(forecasts[i]) ? 0 : forecasts[i];
    abs += Math.abs(f - a);
    total += a;
  }
  return total > 0 ? abs / total : null;
}

/** The backtest breakdown the accuracy API shows: overall, by weekday and by local hour. */
export function backtestReport(method: MethodName, points: BacktestPoint[], slotMinutes: number): BacktestReport {
  const overall = new MetricsSum();
  const byWeekday = new Map<number, MetricsSum>();
  const byHour = new Map<number, MetricsSum>();
  const bucket = (map: Map<number, MetricsSum>, key: number) => {
    let sum = map.get(key);
    if (!sum) map.set(key, (sum = new MetricsSum()));
    return sum;
  };
  for (const p of points) {
    overall.add(p.forecast, p.actual);
    bucket(byWeekday, p.weekday).add(p.forecast, p.actual);
    bucket(byHour, Math.floor((p.slot * slotMinutes) / 60)).add(p.forecast, p.actual);
  }
  const record = (map: Map<number, MetricsSum>) =>
    Object.fromEntries([...map.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => [k, v.metrics()]));
  return { method, overall: overall.metrics(), byWeekday: record(byWeekday), byHour: record(byHour), points };
}
