import { chooseMethod, DEFAULT_BACKTEST_DAYS, rollingBacktest } from './backtest';
import { learnUplifts, upliftFor, WaveLengths, waveLengths, withoutEvents } from './event-uplift';
import { TargetDay } from './forecast-method';
import {
  BacktestReport,
  CalendarEvent,
  ForecastRequest,
  ForecastSlot,
  METHOD_NAMES,
  MethodName,
  QueueForecast,
  QueueHistory,
} from './forecast-types';
import { fitIntradayParams, pastDaysOf } from './intraday-fit';
import { forecastMethod } from './method-catalogue';
import { withoutOutliers } from './outliers';
import { intervalFor, intervalModel } from './prediction-interval';
import { buildDayMatrix, DayMatrix, historyBefore } from './slot-grid';
import { addDays, isoWeekday } from 'src/platform/time/calendar-date';
import { localSlotsOfDay, slotsPerDayFor } from 'src/platform/time/slot-grid';

const DEFAULT_COVERAGE = 0.8;

/** The history the methods are fitted on: event days, the days of their learnt waves, and outliers set missing. */
export function eventBaseline(raw: DayMatrix, events: CalendarEvent[]): { baseline: DayMatrix; waves: WaveLengths } {
  const waves = events.length > 0 ? waveLengths(raw, events) : new Map<string, number>();
  return { baseline: withoutOutliers(withoutEvents(raw, events, waves)), waves };
}

export function baselineOf(raw: DayMatrix, events: CalendarEvent[]): DayMatrix {
  return eventBaseline(raw, events).baseline;
}

export interface MatrixForecast {
  method: MethodName;
  candidates: QueueForecast['candidates'];
  backtest: BacktestReport | null;
  /** Days of after-effect learnt per event kind and label (`kind:label`). */
  waves: WaveLengths;
  /** Per target day, per grid slot: point forecast with events applied (NaN = no basis) and the uplift. */
  days: { date: string; forecast: Float64Array; uplift: Float64Array }[];
}

/**
 * Forecast on the grid: picks the method (or takes the one asked for), fits it on the baseline,
 * and applies learnt (or planned) event uplifts. The history must end before the first target.
 */
export function forecastMatrix(
  raw: DayMatrix,
  events: CalendarEvent[],
  targets: TargetDay[],
  method: MethodName | 'auto' = 'auto',
  backtestDays = DEFAULT_BACKTEST_DAYS,
): MatrixForecast {
  const { baseline, waves } = eventBaseline(raw, events);
  const choice =
    method === 'auto'
      ? chooseMethod(baseline, METHOD_NAMES, backtestDays)
      : { method, report: rollingBacktest(baseline, method, backtestDays), candidates: [] };
  const chosen = forecastMethod(choice.method);
  const candidates =
    choice.candidates.length > 0
      ? choice.candidates
      : [{ method: choice.method, wape: choice.report?.overall.wape ?? null }];
  const curves = events.length > 0 ? learnUplifts(raw, baseline, events, chosen, waves) : new Map();
  const forecasts = chosen.forecast(baseline, targets);
  return {
    method: choice.method,
    candidates,
    backtest: choice.report,
    waves,
    days: targets.map((t, k) => {
      const uplift = upliftFor(t.date, raw.slotsPerDay, events, curves);
      return { date: t.date, forecast: forecasts[k].map((f, s) => f * uplift[s]), uplift };
    }),
  };
}

function isClosed(ms: number, history: QueueHistory): boolean {
  return (history.closedPeriods ?? []).some((p) => ms >= Date.parse(p.start) && ms < Date.parse(p.end));
}

/** The whole local day lies in the closed periods: known closed, unlike a day the feed has not delivered yet. */
function closedAllDay(date: string, history: QueueHistory): boolean {
  const slots = localSlotsOfDay(date, history.zone, history.slotMinutes);
  return slots.length > 0 && slots.every((slot) => isClosed(slot.startMs, history));
}

/**
 * Forecast of one queue for `request.days` local days from `request.from`: one entry per real slot
 * of each local day (46/48/50 half-hours across DST), with an 80 % (or requested) interval from
 * the backtest's residuals. Only history before `request.from` is used.
 */
export function forecastQueue(history: QueueHistory, request: ForecastRequest): QueueForecast {
  const coverage = request.coverage ?? DEFAULT_COVERAGE;
  const raw = historyBefore(
    buildDayMatrix(history.observations, history.zone, history.slotMinutes, history.closedPeriods),
    request.from,
  );
  const targets: TargetDay[] = [];
  for (let k = 0; k < request.days; k++) {
    const date = addDays(request.from, k);
    const afterPlannedClosure = closedAllDay(addDays(date, -1), history);
    targets.push({ date, weekday: isoWeekday(date), ...(afterPlannedClosure ? { afterPlannedClosure } : {}) });
  }
  const result = forecastMatrix(raw, history.events ?? [], targets, request.method ?? 'auto', request.backtestDays);
  const intervals = intervalModel(result.backtest?.points ?? [], history.slotMinutes, coverage);
  const slots: ForecastSlot[] = [];
  for (const day of result.days) {
    for (const slot of localSlotsOfDay(day.date, history.zone, history.slotMinutes)) {
      const f = day.forecast[slot.slot];
      const closed = Number.isNaN(f) || isClosed(slot.startMs, history);
      const forecast = closed ? 0 : f;
      const hour = Math.floor((slot.slot * history.slotMinutes) / 60);
      const { lower, upper } = closed ? { lower: 0, upper: 0 } : intervalFor(intervals, forecast, hour, coverage);
      slots.push({
        start: new Date(slot.startMs).toISOString(),
        localDate: day.date,
        localTime: slot.localTime,
        forecast,
        lower,
        upper,
        closed,
        uplift: day.uplift[slot.slot],
      });
    }
  }
  // The within-day updating's constants, learnt once here from the same backtest days.
  const intraday = fitIntradayParams(
    pastDaysOf(result.backtest?.points ?? [], slotsPerDayFor(history.slotMinutes)),
    history.slotMinutes,
  );
  return {
    method: result.method,
    candidates: result.candidates,
    backtest: result.backtest,
    slots,
    intraday,
    eventWaves: Object.fromEntries(result.waves),
  };
}
