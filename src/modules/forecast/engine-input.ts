import { DateTime } from 'luxon';
import type { CalendarEvent, ClosedPeriod, QueueHistory, VolumeObservation } from './engine/forecast-types';

/** A row of the shop's calendar as stored. */
export type CalendarDay = { date: string; kind: string; label: string | null; multiplier: number | null };

/** The UTC instant a local date starts in the zone. */
export function localDayStart(date: string, zone: string): Date {
  return DateTime.fromISO(date, { zone }).startOf('day').toJSDate();
}

/** The next Monday after today in the zone (a week ahead when today is Monday): the default first forecast day. */
export function nextMonday(now: Date, zone: string): string {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  return today.plus({ days: 8 - today.weekday }).toISODate()!;
}

export function addLocalDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/**
 * The engine's input from stored facts: closed days become UTC periods of that local day (23/24/25
 * hours), promotions and holidays become calendar events the engine learns uplifts for.
 */
export function queueHistoryOf(
  zone: string,
  slotMinutes: number,
  observations: VolumeObservation[],
  calendar: CalendarDay[],
): QueueHistory {
  const closedPeriods: ClosedPeriod[] = [];
  const events: CalendarEvent[] = [];
  for (const day of calendar) {
    if (day.kind === 'closed') {
      closedPeriods.push({ start: localDayStart(day.date, zone).toISOString(), end: localDayStart(addLocalDays(day.date, 1), zone).toISOString() });
    } else if (day.kind === 'promotion' || day.kind === 'holiday') {
      events.push({ date: day.date, kind: day.kind, ...(day.label ? { label: day.label } : {}), ...(day.multiplier !== null ? { multiplier: day.multiplier } : {}) });
    }
  }
  return { zone, slotMinutes, observations, closedPeriods, events };
}
