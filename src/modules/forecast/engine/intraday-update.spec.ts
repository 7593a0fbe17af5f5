import { fitIntradayParams, PastDay, pastDaysOf } from './intraday-fit';
import { defaultIntradayParams, IntradayParams, ratioAtLead, updateRestOfDay } from './intraday-update';
import { SeededRandom } from './seeded-random';

/** 30-minute grid, open 08:00–22:00 (slots 16…43), a jagged but fixed profile. */
const SLOT = 30;
const profile = Array.from({ length: 48 }, (_, s) => (s < 16 || s >= 44 ? NaN : 10 + ((s * 37) % 23)));
const scaled = (k: number) => Float64Array.from(profile, (p) => p * k);
const noShrinkage: IntradayParams = {
  credibility: 0,
  recentCredibility: 0,
  recentHalfLifeMinutes: 30,
  persistenceHalfLifeMinutes: 60,
};

describe('within-day updating', () => {
  it('is exact on a day whose level jumps: nothing shrunk, the rest of the day follows the new level', () => {
    const dayAhead = scaled(1);
    const actual = scaled(1.6);
    for (const from of [17, 24, 30, 43]) {
      const u = updateRestOfDay(dayAhead, actual, from, SLOT, noShrinkage);
      expect(u.level).toBeCloseTo(1.6, 12);
      expect(u.recent).toBeCloseTo(1.6, 12);
      for (let t = 0; t < 48; t++) {
        if (t < from || Number.isNaN(profile[t])) expect(Number.isNaN(u.forecast[t])).toBe(true);
        else expect(u.forecast[t]).toBeCloseTo(1.6 * profile[t], 9);
      }
    }
  });

  it('shrinks the level by credibility m / (m + K), as computed by hand', () => {
    // Two observed slots, forecast 10 and 30 (m = 40), arrivals 15 and 45 (ratio 1.5); K = 40 → weight ½.
    const dayAhead = Float64Array.from([10, 30, 20, 20]);
    const actual = Float64Array.from([15, 45, NaN, NaN]);
    const u = updateRestOfDay(dayAhead, actual, 2, 60, {
      credibility: 40,
      recentCredibility: 40,
      recentHalfLifeMinutes: 60,
      persistenceHalfLifeMinutes: 0,
    });
    expect(u).toMatchObject({ observed: 60, expected: 40, weight: 0.5, fromSlot: 2 });
    expect(u.level).toBeCloseTo(1.25, 12);
    // Recent weights ½ (slot 0) and 1 (slot 1): ratio (7.5 + 45) / (5 + 30) = 1.5, weight 35/75 towards the level.
    expect(u.recent).toBeCloseTo(1.25 + (35 / 75) * (1.5 - 1.25), 12);
    // No persistence: every later slot takes the level.
    expect([...u.forecast.slice(2)]).toEqual([25, 25]);
  });

  it('lets a recent deviation fade with lead time, by its half-life', () => {
    const params = { credibility: 0, recentCredibility: 0, recentHalfLifeMinutes: 30, persistenceHalfLifeMinutes: 60 };
    const state = { level: 1.1, recent: 1.5 };
    expect(ratioAtLead(state, 0, params)).toBeCloseTo(1.5, 12);
    expect(ratioAtLead(state, 60, params)).toBeCloseTo(1.3, 12);
    expect(ratioAtLead(state, 120, params)).toBeCloseTo(1.2, 12);
    expect(ratioAtLead(state, 60, { ...params, persistenceHalfLifeMinutes: 0 })).toBe(1.1);
  });

  it('skips missing slots instead of reading them as zero, and leaves the day alone before any arrival', () => {
    const dayAhead = scaled(1);
    const gap = scaled(1.2);
    gap[20] = NaN;
    const u = updateRestOfDay(dayAhead, gap, 24, SLOT, noShrinkage);
    expect(u.level).toBeCloseTo(1.2, 12);
    const none = updateRestOfDay(dayAhead, scaled(1.2), 0, SLOT, defaultIntradayParams(1000));
    expect(none).toMatchObject({ observed: 0, expected: 0, weight: 0, level: 1, recent: 1 });
    for (let t = 16; t < 44; t++) expect(none.forecast[t]).toBe(profile[t]);
  });
});

describe('learning the updating constants on the series’ own past', () => {
  const days = (levels: number[], noise: (day: number, slot: number) => number): PastDay[] =>
    levels.map((level, d) => ({
      forecast: scaled(1),
      actual: Float64Array.from(profile, (p, s) => (Number.isNaN(p) ? NaN : p * level * noise(d, s))),
    }));

  it('trusts today fully when past days kept their level all day (exact jumps): the update is then exact', () => {
    const past = days([1.3, 0.8, 1.1, 0.7, 1.25, 0.9], () => 1);
    const params = fitIntradayParams(past, SLOT)!;
    expect(params.credibility).toBe(0);
    const u = updateRestOfDay(scaled(1), scaled(1.45), 25, SLOT, params);
    for (let t = 25; t < 44; t++) expect(u.forecast[t]).toBeCloseTo(1.45 * profile[t], 9);
  });

  it('leans on the day-ahead level when past days only had slot noise around it', () => {
    const random = new SeededRandom(11);
    const past = days([1, 1, 1, 1, 1, 1, 1, 1], () => Math.exp(0.3 * random.normal()));
    const params = fitIntradayParams(past, SLOT)!;
    const meanDay = profile.reduce((n, p) => n + (Number.isNaN(p) ? 0 : p), 0);
    expect(params.credibility).toBeGreaterThanOrEqual(0.5 * meanDay);
  });

  it('needs five past days, and lays backtest points back onto days', () => {
    expect(
      fitIntradayParams(
        days([1, 1, 1, 1], () => 1),
        SLOT,
      ),
    ).toBeNull();
    const laid = pastDaysOf(
      [
        { localDate: '2026-03-03', weekday: 2, slot: 1, forecast: 4, actual: 5 },
        { localDate: '2026-03-02', weekday: 1, slot: 0, forecast: 2, actual: 3 },
      ],
      3,
    );
    expect(laid.map((d) => [...d.forecast])).toEqual([
      [2, NaN, NaN],
      [NaN, 4, NaN],
    ]);
    expect(laid.map((d) => [...d.actual])).toEqual([
      [3, NaN, NaN],
      [NaN, 5, NaN],
    ]);
  });
});
