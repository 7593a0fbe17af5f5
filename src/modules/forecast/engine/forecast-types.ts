/** What the forecast engine takes in and gives back. Times: UTC ISO strings; local dates: yyyy-MM-dd in the shop's zone. */
import type { IntradayParams } from './intraday-update';

/** Volume that arrived in one slot, identified by its UTC start. */
export interface VolumeObservation {
  start: string;
  volume: number;
}

/** A period the queue was (or will be) closed, UTC, half-open [start, end). */
export interface ClosedPeriod {
  start: string;
  end: string;
}

export type EventKind = 'promotion' | 'holiday';

/**
 * A calendar day with special demand. Events of the same kind and label share a learnt uplift
 * (e.g. label "double11"); `multiplier` is the planner's guess, used when nothing was learnt.
 */
export interface CalendarEvent {
  date: string;
  kind: EventKind;
  label?: string;
  multiplier?: number;
}

export interface QueueHistory {
  zone: string;
  slotMinutes: number;
  observations: VolumeObservation[];
  closedPeriods?: ClosedPeriod[];
  events?: CalendarEvent[];
}

export const METHOD_NAMES = [
  'seasonal-naive',
  'weekday-mean',
  'decomposition',
  'decomposition-month-day',
  'double-seasonal',
  'ensemble',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export interface ForecastRequest {
  /** First local date to forecast. */
  from: string;
  days: number;
  method?: MethodName | 'auto';
  /** Prediction-interval coverage, default 0.8. */
  coverage?: number;
  /** Days of rolling-origin backtest used by `auto` and for the intervals, default 28 calendar days. */
  backtestDays?: number;
}

export interface ForecastSlot {
  start: string;
  localDate: string;
  /** Local wall-clock start, HH:mm; on a 25-hour day the repeated hour appears twice with different `start`. */
  localTime: string;
  forecast: number;
  lower: number;
  upper: number;
  /** Known closed period, or a weekday/time the queue has never been open in the history. */
  closed: boolean;
  /** Event uplift applied to the baseline (1 when none). */
  uplift: number;
}

export interface AccuracyMetrics {
  count: number;
  mae: number;
  rmse: number;
  /** Σ|error| / Σ actual; null when nothing arrived. */
  wape: number | null;
  /** Mean (forecast − actual): positive means over-forecast. */
  bias: number;
}

export interface BacktestPoint {
  localDate: string;
  weekday: number;
  /** Slot index in the local day (minute of day / slot minutes). */
  slot: number;
  forecast: number;
  actual: number;
}

export interface BacktestReport {
  method: MethodName;
  overall: AccuracyMetrics;
  /** Keyed by ISO weekday 1 (Monday) … 7 (Sunday). */
  byWeekday: Record<number, AccuracyMetrics>;
  /** Keyed by local hour 0 … 23. */
  byHour: Record<number, AccuracyMetrics>;
  points: BacktestPoint[];
}

export interface QueueForecast {
  method: MethodName;
  /** Backtest WAPE of every candidate `auto` considered (only the chosen one otherwise). */
  candidates: { method: MethodName; wape: number | null }[];
  backtest: BacktestReport | null;
  slots: ForecastSlot[];
  /** Constants of the within-day updating learnt on the backtest days; null with too little history. */
  intraday: IntradayParams | null;
  /** Days of after-effect learnt per event kind and label (`promotion:double11` → 3), for events seen in the history. */
  eventWaves: Record<string, number>;
}
