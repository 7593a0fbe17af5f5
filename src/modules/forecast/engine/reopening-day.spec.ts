import { DayTotal, runDailyLevel } from './daily-level';
import { decomposition } from './methods/decomposition';
import { DEFAULT_PROFILE } from './intraday-profile';
import { buildDayMatrix, DayMatrix } from './slot-grid';
import { weekStartWeekdays } from './usual-week';
import { addDays, isoWeekday } from 'src/platform/time/calendar-date';

const workingOn = (weekdays: number[]) => Array.from({ length: 8 }, (_, w) => weekdays.includes(w));

/** Weekday totals of a Monday–Friday queue whose Mondays carry 1.3 × the other days. */
function mondayHeavy(days: number, reopenings: number[] = []): DayTotal[] {
  const out: DayTotal[] = [];
  for (let d = 0; d < days; d++) {
    const weekday = isoWeekday(addDays('2026-01-05', d));
    if (weekday > 5) continue;
    const afterClosure = reopenings.includes(out.length);
    out.push({ weekday, monthDay: 10, total: weekday === 1 ? 1300 : 1000, afterClosure });
  }
  return out;
}

/** Monday: 280 calls, morning-heavy 100/80/60/40; other weekdays: 200, flat 50 a slot; 09:00–13:00 on hour slots. */
const MONDAY = [100, 80, 60, 40];
const OTHER = [50, 50, 50, 50];

function weekdayQueue(weeks: number): DayMatrix {
  const observations = [];
  for (let d = 0; d < weeks * 7; d++) {
    const date = addDays('2026-02-02', d);
    const weekday = isoWeekday(date);
    if (weekday > 5) continue;
    for (let h = 0; h < 4; h++)
      observations.push({
        start: `${date}T${String(9 + h).padStart(2, '0')}:00:00Z`,
        volume: (weekday === 1 ? MONDAY : OTHER)[h],
      });
  }
  return buildDayMatrix(observations, 'UTC', 60);
}

describe('a day that reopens after an unexpected closure', () => {
  it('knows the weekdays that open the usual week', () => {
    expect(weekStartWeekdays(workingOn([1, 2, 3, 4, 5]))).toEqual([1]);
    expect(weekStartWeekdays(workingOn([1, 2, 3, 4, 5, 6, 7]))).toEqual([]);
    expect(weekStartWeekdays(workingOn([1, 2, 4, 5, 6]))).toEqual([1, 4]);
  });

  it('expects the volume of the week’s first day until reopenings teach otherwise', () => {
    const smoothing = [0.2, 0.1] as const;
    const unseen = runDailyLevel(mondayHeavy(70), ...smoothing, { monthDayEffect: false, weekStarts: [1] });
    expect(unseen.reopenFactor(2)).toBeCloseTo(1.3, 6);
    expect(unseen.reopenFactor(1)).toBeCloseTo(1, 6);
    // A queue open every day has no week start: nothing is assumed.
    expect(runDailyLevel(mondayHeavy(70), ...smoothing, { monthDayEffect: false }).reopenFactor(2)).toBe(1);
    // Four Tuesday reopenings that looked like any Tuesday pull the factor to about (1.3 + 4) / 5
    // (each surprise also nudges the level a little, so the ratios seen are not exactly 1).
    const learnt = runDailyLevel(mondayHeavy(70, [21, 26, 31, 36]), ...smoothing, {
      monthDayEffect: false,
      weekStarts: [1],
    });
    expect(learnt.reopenFactor(2)).toBeCloseTo(5.3 / 5, 2);
  });

  it('forecasts the Tuesday after a closed Monday with Monday’s volume in Tuesday’s shape', () => {
    const history = weekdayQueue(8);
    const closedMonday = addDays(history.days[history.days.length - 1].date, 3);
    const withClosure: DayMatrix = {
      ...history,
      days: [
        ...history.days,
        ...[2, 1, 0].map((k) => ({
          date: addDays(closedMonday, -k),
          weekday: isoWeekday(addDays(closedMonday, -k)),
          values: new Float64Array(history.slotsPerDay).fill(NaN),
        })),
      ],
    };
    const tuesday = addDays(closedMonday, 1);
    const exact = decomposition({
      profile: { ...DEFAULT_PROFILE, neighbourWeight: 0, shrinkageDays: 0 },
      monthDayEffect: false,
    });
    const reopened = exact.forecast(withClosure, [{ date: tuesday, weekday: 2 }])[0];
    // No reopening seen yet: the day's volume is Monday's (280 against 200), spread as on Tuesdays.
    OTHER.forEach((v, h) => expect(reopened[9 + h]).toBeCloseTo((v * 280) / 200, 6));
    // Without the closure the same Tuesday is an ordinary one.
    const usual = exact.forecast(history, [
      { date: addDays(history.days[history.days.length - 1].date, 4), weekday: 2 },
    ])[0];
    OTHER.forEach((v, h) => expect(usual[9 + h]).toBeCloseTo(v, 6));
  });
});
