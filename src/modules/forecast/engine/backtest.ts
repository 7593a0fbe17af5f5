import { backtestReport } from './accuracy-metrics';
import { dayAheadForecasts, TargetDay } from './forecast-method';
import { BacktestPoint, BacktestReport, MethodName } from './forecast-types';
import { forecastMethod } from './method-catalogue';
import { DayMatrix } from './slot-grid';

/** The rolling-origin window `auto` uses: the last four weeks. */
export const DEFAULT_BACKTEST_DAYS = 28;
/** A method needs at least a week of history before it is judged. */
const MIN_HISTORY_DAYS = 7;

/** Days with data in the last `days` calendar days that have at least a week of history before them. */
export function backtestOrigins(history: DayMatrix, days: number): TargetDay[] {
  const from = Math.max(MIN_HISTORY_DAYS, history.days.length - days);
  return history.days
    .slice(from)
    .filter((d) => d.values.some((v) => !Number.isNaN(v)))
    .map((d) => ({ date: d.date, weekday: d.weekday }));
}

/**
 * Rolling-origin backtest: each origin day is forecast only from the days before it and compared
 * with what arrived (baseline values: events and outliers excluded; missing slots are skipped).
 */
export function rollingBacktest(
  history: DayMatrix,
  method: MethodName,
  days = DEFAULT_BACKTEST_DAYS,
): BacktestReport | null {
  const origins = backtestOrigins(history, days);
  if (origins.length === 0) return null;
  const forecasts = dayAheadForecasts(forecastMethod(method), history, origins);
  const rows = new Map(history.days.map((d) => [d.date, d]));
  const points: BacktestPoint[] = [];
  origins.forEach((o, k) => {
    rows.get(o.date)?.values.forEach((actual, slot) => {
      if (Number.isNaN(actual)) return;
      const f = forecasts[k][slot];
      points.push({ localDate: o.date, weekday: o.weekday, slot, forecast: Number.isNaN(f) ? 0 : f, actual });
    });
  });
  return backtestReport(method, points, history.slotMinutes);
}

export interface MethodChoice {
  method: MethodName;
  report: BacktestReport | null;
  candidates: { method: MethodName; wape: number | null }[];
}

/** `auto`: the candidate with the lowest backtest WAPE on this series' own recent past. */
export function chooseMethod(
  history: DayMatrix,
  candidates: readonly MethodName[],
  days = DEFAULT_BACKTEST_DAYS,
): MethodChoice {
  let best: MethodChoice = { method: candidates[0], report: null, candidates: [] };
  let bestWape = Infinity;
  const scored: MethodChoice['candidates'] = [];
  for (const method of candidates) {
    const report = rollingBacktest(history, method, days);
    const wape = report?.overall.wape ?? null;
    scored.push({ method, wape });
    if (wape !== null && wape < bestWape) {
      bestWape = wape;
      best = { method, report, candidates: [] };
    }
  }
  return { ...best, candidates: scored };
}
