import { decomposition } from './methods/decomposition';
import { doubleSeasonal } from './methods/double-seasonal';
import { seasonalNaive } from './methods/seasonal-naive';
import { weekdayMean } from './methods/weekday-mean';
import { DEFAULT_PROFILE } from './intraday-profile';
import { forecastQueue } from './forecast-queue';
import { buildDayMatrix } from './slot-grid';
import { addDays, isoWeekday } from 'src/platform/time/calendar-date';
import { SeededRandom } from './seeded-random';

/** Every week identical: slot values drawn once per (weekday, slot), 09:00–17:00 on 60-minute slots. */
function exactWeeks(weeks: number, seed = 1) {
  const random = new SeededRandom(seed);
  const pattern = Array.from({ length: 8 }, () =>
    Array.from({ length: 24 }, () => 20 + Math.floor(random.next() * 80)),
  );
  const observations = [];
  for (let d = 0; d < weeks * 7; d++) {
    const date = addDays('2026-02-02', d);
    for (let h = 9; h < 17; h++) {
      observations.push({
        start: `${date}T${String(h).padStart(2, '0')}:00:00Z`,
        volume: pattern[isoWeekday(date)][h],
      });
    }
  }
  return { observations, pattern, matrix: buildDayMatrix(observations, 'UTC', 60) };
}

const target = (date: string) => [{ date, weekday: isoWeekday(date) }];

describe('forecast methods on series with known answers', () => {
  const { pattern, matrix } = exactWeeks(6);
  const next = addDays('2026-02-02', 42);

  it('seasonal naive and the weekday mean repeat an exact weekly pattern exactly', () => {
    for (const method of [seasonalNaive, weekdayMean(4)]) {
      const f = method.forecast(matrix, target(next))[0];
      for (let h = 9; h < 17; h++) expect(f[h]).toBe(pattern[isoWeekday(next)][h]);
      expect(Number.isNaN(f[3])).toBe(true);
    }
  });

  it('double-seasonal Holt-Winters reproduces an exact weekly pattern', () => {
    const f = doubleSeasonal.forecast(matrix, target(next))[0];
    for (let h = 9; h < 17; h++) expect(f[h]).toBeCloseTo(pattern[isoWeekday(next)][h], 6);
  });

  it('the decomposition (unsmoothed, unshrunk) reproduces an exact weekly pattern', () => {
    const method = decomposition({
      profile: { ...DEFAULT_PROFILE, neighbourWeight: 0, shrinkageDays: 0 },
      monthDayEffect: false,
    });
    for (let k = 0; k < 7; k++) {
      const date = addDays(next, k);
      const f = method.forecast(matrix, target(date))[0];
      const total = f.reduce((s, v) => s + (Number.isNaN(v) ? 0 : v), 0);
      const expected = pattern[isoWeekday(date)].slice(9, 17).reduce((s, v) => s + v, 0);
      expect(total).toBeCloseTo(expected, 6);
      for (let h = 9; h < 17; h++) expect(f[h]).toBeCloseTo(pattern[isoWeekday(date)][h], 6);
    }
  });

  it('treats missing slots as missing, not zero', () => {
    const observations = exactWeeks(4).observations.filter(
      (o) => !(o.start.startsWith('2026-02-16') && o.start.includes('T10:')),
    );
    const gap = buildDayMatrix(observations, 'UTC', 60);
    const monday = '2026-03-02';
    const f = weekdayMean(4).forecast(gap, target(monday))[0];
    expect(f[10]).toBe(exactWeeks(4).pattern[1][10]);
  });

  it('drops closed periods from the history instead of learning zeros', () => {
    const { observations, pattern: p } = exactWeeks(4);
    const zeroed = observations.map((o) => (o.start.startsWith('2026-02-23') ? { ...o, volume: 0 } : o));
    const history = {
      zone: 'UTC',
      slotMinutes: 60,
      observations: zeroed,
      closedPeriods: [{ start: '2026-02-23T00:00:00Z', end: '2026-02-24T00:00:00Z' }],
    };
    const result = forecastQueue(history, { from: '2026-03-02', days: 1, method: 'weekday-mean' });
    const at10 = result.slots.find((s) => s.localTime === '10:00');
    expect(at10?.forecast).toBe(p[1][10]);
    expect(result.slots.find((s) => s.localTime === '03:00')?.closed).toBe(true);
  });
});
