import { DateTime } from 'luxon';
import { DEFAULT_ATTRIBUTION_WINDOW_DAYS, KpiSettings } from './kpi.settings';

/**
 * A shop's local calendar day as a UTC half-open range: 23, 24 or 25 hours long across DST.
 * `ordersUntil` is the end of the attribution window for inquiries of that day: 24:00 of the day
 * plus `windowDays`, so orders of an inquiry day can be found by the orders' own time index.
 */
export type KpiDay = { date: string; start: Date; end: Date; ordersUntil: Date };

export function kpiDay(date: string, timeZone: string, windowDays: number): KpiDay {
  const local = DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  if (!local.isValid) throw new Error(`${date} is not a date in ${timeZone}`);
  return {
    date,
    start: local.toJSDate(),
    end: local.plus({ days: 1 }).toJSDate(),
    ordersUntil: local.plus({ days: 1 + windowDays }).toJSDate(),
  };
}

/** The shop's attribution window in days (`settings.attributionWindowDays`, validated 0–7, default 1). */
export const attributionWindowDays = (settings: KpiSettings): number =>
  settings.attributionWindowDays ?? DEFAULT_ATTRIBUTION_WINDOW_DAYS;
