import { MethodName } from './forecast-types';
import { DayMatrix, historyBefore } from './slot-grid';
import { daysBetween } from 'src/platform/time/calendar-date';

export interface TargetDay {
  date: string;
  weekday: number;
  /**
   * The day before is closed as planned (covered whole by the closed periods): a reopening even
   * though the history, which ends at the last observation, does not reach that day.
   */
  afterPlannedClosure?: boolean;
}

/**
 * One forecasting method. `forecast` sees only the history (baseline: events, outliers and closed
 * periods already removed as NaN) and returns one value per grid slot for each target day; NaN
 * where it has no basis (e.g. a weekday/time never observed).
 */
export interface ForecastMethod {
  readonly name: MethodName;
  forecast(history: DayMatrix, targets: TargetDay[]): Float64Array[];
  /**
   * Day-ahead forecasts for each origin date, each made only from the days before it. Methods
   * whose state can be rolled forward in one pass override the default loop.
   */
  dayAhead?(history: DayMatrix, origins: TargetDay[]): Float64Array[];
}

/**
 * Backtests already run on this very history (the ensemble's members are candidates of `auto`
 * too); weakly held, so they go with the history.
 */
const computed = new WeakMap<DayMatrix, Map<ForecastMethod, { key: string; forecasts: Float64Array[] }>>();

export function dayAheadForecasts(method: ForecastMethod, history: DayMatrix, origins: TargetDay[]): Float64Array[] {
  const key = origins.map((o) => o.date).join();
  let byMethod = computed.get(history);
  const hit = byMethod?.get(method);
  if (hit && hit.key === key) return hit.forecasts;
  const forecasts = method.dayAhead
    ? method.dayAhead(history, origins)
    : origins.map((o) => method.forecast(historyBefore(history, o.date), [o])[0]);
  if (!byMethod) computed.set(history, (byMethod = new Map()));
  byMethod.set(method, { key, forecasts });
  return forecasts;
}

/** Row index of a date in the matrix (may be ≥ days.length for future dates). */
export function rowIndex(history: DayMatrix, date: string): number {
  return history.days.length === 0 ? 0 : daysBetween(history.days[0].date, date);
}

export function nanRow(slotsPerDay: number): Float64Array {
  return new Float64Array(slotsPerDay).fill(NaN);
}
