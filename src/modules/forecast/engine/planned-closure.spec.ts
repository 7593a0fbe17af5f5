import { forecastQueue } from './forecast-queue';
import { ClosedPeriod, ForecastSlot, VolumeObservation } from './forecast-types';
import { forecastMethod } from './method-catalogue';
import { buildDayMatrix, DayMatrix } from './slot-grid';
import { targetFollowsClosure } from './usual-week';
import { addDays, isoWeekday } from 'src/platform/time/calendar-date';

/** Monday: 280 calls, other weekdays 200, 50 an hour 09:00–13:00 (UTC, hour slots); no calls at weekends. */
function weekdayCalls(from: string, to: string): VolumeObservation[] {
  const observations: VolumeObservation[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const weekday = isoWeekday(date);
    if (weekday > 5) continue;
    for (let h = 0; h < 4; h++)
      observations.push({
        start: `${date}T${String(9 + h).padStart(2, '0')}:00:00Z`,
        volume: weekday === 1 ? [100, 80, 60, 40][h] : 50,
      });
  }
  return observations;
}

const closedDay = (date: string): ClosedPeriod => ({
  start: `${date}T00:00:00Z`,
  end: `${addDays(date, 1)}T00:00:00Z`,
});

/** Decomposition forecast of `days` days from `from`, summed per local date. */
function dayTotals(observations: VolumeObservation[], closedPeriods: ClosedPeriod[], from: string, days: number) {
  const { slots } = forecastQueue(
    { zone: 'UTC', slotMinutes: 60, observations, closedPeriods },
    { from, days, method: 'decomposition' },
  );
  const totals = new Map<string, number>();
  for (const s of slots) totals.set(s.localDate, (totals.get(s.localDate) ?? 0) + s.forecast);
  return { slots, totals };
}

// Eight weeks, Monday 2026-02-02 … Friday 2026-03-27.
const EIGHT_WEEKS = weekdayCalls('2026-02-02', '2026-03-27');

describe('a planned closure ahead (closed periods the history does not reach)', () => {
  it('forecasts the closed Monday at 0 and the Tuesday after it with Monday’s volume', () => {
    const usual = dayTotals(EIGHT_WEEKS, [], '2026-03-30', 5).totals;
    const { slots, totals } = dayTotals(EIGHT_WEEKS, [closedDay('2026-03-30')], '2026-03-30', 5);
    const monday = slots.filter((s: ForecastSlot) => s.localDate === '2026-03-30');
    expect(monday).toHaveLength(24);
    expect(monday.every((s) => s.closed && s.forecast === 0)).toBe(true);
    expect(usual.get('2026-03-31')).toBeCloseTo(200, 0);
    // No reopening seen yet: the reopened Tuesday looks like the week's first day (280 against 200).
    expect(totals.get('2026-03-31')).toBeCloseTo(280, 0);
    // The days after it are ordinary.
    expect(totals.get('2026-04-01')).toBeCloseTo(usual.get('2026-04-01')!, 6);
  });

  it('raises the reopening day as much as the same closure seen in the history does', () => {
    const planned = dayTotals(EIGHT_WEEKS, [closedDay('2026-03-30')], '2026-03-30', 2).slots;
    const history = buildDayMatrix(EIGHT_WEEKS, 'UTC', 60);
    const seen: DayMatrix = {
      ...history,
      days: [
        ...history.days,
        ...['2026-03-28', '2026-03-29', '2026-03-30'].map((date) => ({
          date,
          weekday: isoWeekday(date),
          values: new Float64Array(history.slotsPerDay).fill(NaN),
        })),
      ],
    };
    const [tuesday] = forecastMethod('decomposition').forecast(seen, [{ date: '2026-03-31', weekday: 2 }]);
    const plannedTuesday = planned.filter((s) => s.localDate === '2026-03-31');
    // Within 0.1 %: the empty rows shift the 8-week window the profile memory is picked on.
    for (let h = 9; h < 13; h++) expect(Math.abs(plannedTuesday[h].forecast / tuesday[h] - 1)).toBeLessThan(0.001);
    expect(plannedTuesday[9].forecast).toBeGreaterThan(50 * 1.3);
  });

  it('takes a closure just before the forecast from the closed periods, but not a day the feed has not delivered', () => {
    // History up to Monday 03-30; Tuesday 03-31 is not in the feed yet.
    const throughMonday = weekdayCalls('2026-02-02', '2026-03-30');
    const late = dayTotals(throughMonday, [], '2026-04-01', 1).totals;
    expect(late.get('2026-04-01')).toBeCloseTo(200, 0);
    const closed = dayTotals(throughMonday, [closedDay('2026-03-31')], '2026-04-01', 1).totals;
    expect(closed.get('2026-04-01')).toBeCloseTo(280, 0);
  });

  it('does not count a planned closure of a day the queue never works', () => {
    const mondayToFriday = Array.from({ length: 8 }, (_, w) => w >= 1 && w <= 5);
    const history = buildDayMatrix(EIGHT_WEEKS, 'UTC', 60);
    const after = (date: string) => ({ date, weekday: isoWeekday(date), afterPlannedClosure: true });
    expect(targetFollowsClosure(history, after('2026-03-30'), mondayToFriday)).toBe(false);
    expect(targetFollowsClosure(history, after('2026-03-31'), mondayToFriday)).toBe(true);
    expect(targetFollowsClosure(history, { date: '2026-03-31', weekday: 2 }, mondayToFriday)).toBe(false);
  });
});
