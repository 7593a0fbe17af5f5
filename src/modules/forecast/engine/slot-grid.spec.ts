import fc from 'fast-check';
import { DateTime } from 'luxon';
import { forecastQueue } from './forecast-queue';
import { simulateQueue } from './simulated-queue';
import { buildDayMatrix } from './slot-grid';
import { localSlotsOfDay } from 'src/platform/time/slot-grid';

describe('slot grid across daylight-saving changes', () => {
  it('gives America/New_York 46 half-hours on spring-forward, 50 on fall-back and 48 otherwise', () => {
    expect(localSlotsOfDay('2026-03-08', 'America/New_York', 30)).toHaveLength(46);
    expect(localSlotsOfDay('2026-11-01', 'America/New_York', 30)).toHaveLength(50);
    expect(localSlotsOfDay('2026-03-09', 'America/New_York', 30)).toHaveLength(48);
  });

  it('skips 02:00–02:59 on spring-forward and repeats 01:00–01:59 on fall-back', () => {
    const spring = localSlotsOfDay('2026-03-08', 'America/New_York', 30).map((s) => s.localTime);
    expect(spring).not.toContain('02:00');
    expect(spring.slice(3, 6)).toEqual(['01:30', '03:00', '03:30']);
    const fall = localSlotsOfDay('2026-11-01', 'America/New_York', 30).map((s) => s.localTime);
    expect(fall.slice(2, 7)).toEqual(['01:00', '01:30', '01:00', '01:30', '02:00']);
  });

  it('covers every local day exactly once with contiguous slots (property)', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Shanghai', 'America/Santiago'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom(...zones),
        fc.constantFrom(15, 30, 60),
        (offset, zone, minutes) => {
          const date = DateTime.fromISO('2020-01-01').plus({ days: offset }).toISODate() as string;
          const slots = localSlotsOfDay(date, zone, minutes);
          const start = DateTime.fromISO(date, { zone }).startOf('day');
          const end = start.plus({ days: 1 }).startOf('day');
          expect(slots[0].startMs).toBe(start.toMillis());
          expect(slots.length * minutes * 60_000).toBe(end.toMillis() - start.toMillis());
          slots.forEach((s, i) => i > 0 && expect(s.startMs - slots[i - 1].startMs).toBe(minutes * 60_000));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('puts observations on the local grid without doubling the repeated hour', () => {
    const slots = localSlotsOfDay('2026-11-01', 'America/New_York', 30);
    const observations = slots.map((s, i) => ({ start: new Date(s.startMs).toISOString(), volume: i + 1 }));
    const matrix = buildDayMatrix(observations, 'America/New_York', 30);
    expect(matrix.days).toHaveLength(1);
    const values = matrix.days[0].values;
    expect(values.filter((v) => !Number.isNaN(v))).toHaveLength(48);
    // 01:00 is slot 2; its first pass (volume 3) is kept, the second (volume 5) is not added to it.
    expect(values[2]).toBe(3);
    expect(values[4]).toBe(7);
  });

  it('forecasts one entry per real slot over DST days, with unique starts', () => {
    const zone = 'America/New_York';
    const observations = simulateQueue({ zone, slotMinutes: 30, from: '2026-01-05', days: 56, level: 40, seed: 7 });
    const spring = forecastQueue(
      { zone, slotMinutes: 30, observations },
      { from: '2026-03-08', days: 1, method: 'weekday-mean' },
    );
    expect(spring.slots).toHaveLength(46);
    const fallHistory = simulateQueue({ zone, slotMinutes: 30, from: '2026-09-01', days: 60, level: 40, seed: 8 });
    const fall = forecastQueue(
      { zone, slotMinutes: 30, observations: fallHistory },
      { from: '2026-11-01', days: 1, method: 'weekday-mean' },
    );
    expect(fall.slots).toHaveLength(50);
    expect(new Set(fall.slots.map((s) => s.start)).size).toBe(50);
    // The queue opens at 08:00, so the repeated night hour is closed both times.
    expect(fall.slots.filter((s) => s.localTime === '01:00').every((s) => s.closed && s.forecast === 0)).toBe(true);
  });
});
