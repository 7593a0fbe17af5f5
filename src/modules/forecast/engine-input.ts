import type { CalendarEvent, ClosedPeriod, QueueHistory, VolumeObservation } from './engine/forecast-types';
import { addDays } from 'src/platform/time/calendar-date';
import { localDayStart } from 'src/platform/time/shop-calendar';

/** A row of the shop's calendar as stored. */
export type CalendarDay = { date: string; kind: string; label: string | null; multiplier: number | null };

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
      closedPeriods.push({
        start: localDayStart(day.date, zone).toISOString(),
        end: localDayStart(addDays(day.date, 1), zone).toISOString(),
      });
    } else if (day.kind === 'promotion' || day.kind === 'holiday') {
      events.push({
        date: day.date,
        kind: day.kind,
        ...(day.label ? { label: day.label } : {}),
        ...(day.multiplier !== null ? { multiplier: day.multiplier } : {}),
      });
    }
  }
  return { zone, slotMinutes, observations, closedPeriods, events };
}
