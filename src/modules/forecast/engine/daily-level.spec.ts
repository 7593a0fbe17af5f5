import { DayTotal, fitDailyLevel, monthDayOf, runDailyLevel } from './daily-level';
import { addDays, isoWeekday } from 'src/platform/time/calendar-date';
import { SeededRandom } from './seeded-random';

/** Weekdays from 2026-01-05 with totals = 1000 × weekday effect × month factor × noise. */
function totals(days: number, month: (monthDay: number) => number, noise: (i: number) => number): DayTotal[] {
  const out: DayTotal[] = [];
  for (let d = 0; d < days; d++) {
    const date = addDays('2026-01-05', d);
    const weekday = isoWeekday(date);
    if (weekday > 5) continue;
    const monthDay = monthDayOf(date);
    out.push({
      weekday,
      monthDay,
      total: 1000 * (1 + 0.1 * (weekday === 1 ? 1 : 0)) * month(monthDay) * noise(out.length),
      afterClosure: false,
    });
  }
  return out;
}

describe('daily level', () => {
  it('keeps one wild day out of the level: the surprise enters clipped', () => {
    const random = new SeededRandom(3);
    const calm = totals(
      140,
      () => 1,
      () => Math.exp(0.03 * random.normal()),
    );
    const spiked = calm.map((d, i) => (i === calm.length - 1 ? { ...d, total: d.total * 1.8 } : d));
    const smoothing = { alpha: 0.5, gamma: 0.1 };
    const before = runDailyLevel(calm.slice(0, -1), smoothing.alpha, smoothing.gamma, { monthDayEffect: false });
    const after = runDailyLevel(spiked, smoothing.alpha, smoothing.gamma, { monthDayEffect: false });
    // Unclipped, α = 0.5 would lift the level by ~40 %; clipped, by a few per cent at most.
    expect(after.level / before.level).toBeLessThan(1.06);
    expect(after.level / before.level).toBeGreaterThan(1);
  });

  it('trusts strong paydays soon and keeps month factors of a series without them near 1', () => {
    const random = new SeededRandom(5);
    const payday = (monthDay: number) => (monthDay <= 3 ? 1.25 : monthDay >= 30 ? 1.15 : 0.97);
    const noisy = () => Math.exp(0.03 * random.normal());
    const withPaydays = fitDailyLevel(totals(240, payday, noisy), { monthDayEffect: true })!;
    expect(withPaydays.monthDayFactor(2)).toBeGreaterThan(1.15);
    expect(withPaydays.monthDayFactor(10)).toBeLessThan(1);
    // Five months of 5 % day noise and no month effect: a fixed prior of three days lets factors
    // wander by 2–3 %; the estimated prior sees no spread between month days and holds them.
    const quiet = new SeededRandom(2);
    const without = fitDailyLevel(
      totals(
        150,
        () => 1,
        () => Math.exp(0.05 * quiet.normal()),
      ),
      { monthDayEffect: true },
    )!;
    for (let day = 1; day <= 31; day++) expect(Math.abs(without.monthDayFactor(day) - 1)).toBeLessThan(0.015);
  });
});
