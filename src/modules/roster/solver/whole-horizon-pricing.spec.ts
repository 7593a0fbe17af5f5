import { compileRoster } from './compile-roster';
import { earlyLate } from './small-rosters.fixture';
import { minuteLevels, wholeHorizonPricing } from './whole-horizon-pricing';

const plan = (days: number, agents: number, seconds = 60, options?: Parameters<typeof earlyLate>[2]) =>
  wholeHorizonPricing(compileRoster(earlyLate(days, agents, options)), seconds);
const priced = (days: number, agents: number, seconds = 60, options?: Parameters<typeof earlyLate>[2]) =>
  plan(days, agents, seconds, options) !== null;

describe('wholeHorizonPricing', () => {
  it('prices four weeks whole up to a large roster, six weeks up to half that, eight when small (a little larger given five minutes), twelve when small and given the time, longer never', () => {
    expect(priced(28, 60)).toBe(true);
    expect(priced(42, 5)).toBe(true);
    expect(priced(42, 140)).toBe(true);
    expect(priced(42, 150)).toBe(false);
    expect(priced(56, 40)).toBe(true);
    expect(priced(56, 40, 1)).toBe(true);
    // A little larger (6,720 cells; 7,616 stay out) given about five minutes, whatever the minute levels.
    const mixed = { minMinutes: 480, lateMinutes: 600 };
    expect(priced(56, 60, 270, mixed)).toBe(true);
    expect(priced(56, 60, 269, mixed)).toBe(false);
    expect(priced(56, 68, 600)).toBe(false);
    expect(priced(57, 60, 600)).toBe(false);
    expect(priced(84, 35)).toBe(true);
    expect(priced(84, 35, 14)).toBe(false);
    expect(priced(84, 36)).toBe(false);
    expect(priced(85, 5)).toBe(false);
  });

  it('prices the larger eight-week rosters whole from 50 s when their lines pass few minute levels, quickly', () => {
    const oneLength = { minMinutes: 480 };
    expect(plan(56, 60, 60, oneLength)).toEqual({
      columnGenerationShare: expect.any(Number),
      alternatives: 4,
      diveRounds: 1,
      pooledReplans: true,
    });
    expect(priced(56, 60, 50, oneLength)).toBe(true);
    expect(priced(56, 60, 49, oneLength)).toBe(false);
    // 8- and 10-hour shifts mixed: four times the levels, windows below five minutes.
    expect(priced(56, 60, 269, { minMinutes: 480, lateMinutes: 600 })).toBe(false);
    // Given five minutes the full plan: the cheapest line per pricing, the dives' own rounds, no pool.
    expect(plan(56, 60, 300, oneLength)).toMatchObject({ alternatives: 0, pooledReplans: false });
    expect(plan(56, 60, 300, oneLength)!.diveRounds).toBeUndefined();
    // Small eight-week rosters keep the full plan at any time.
    expect(plan(56, 40, 60, oneLength)).toMatchObject({ alternatives: 0, pooledReplans: false });
  });

  it('gives column generation more of the price step beyond six weeks only', () => {
    expect(plan(42, 5)!.columnGenerationShare).toBeUndefined();
    expect(plan(43, 5)!.columnGenerationShare).toBeGreaterThan(0.35);
    expect(plan(84, 5)!.columnGenerationShare).toBeLessThan(1);
  });
});

describe('minuteLevels', () => {
  it('counts an agent line’s minutes in steps of the shifts’ common divisor, up to the contract maximum', () => {
    // 56 days: at most 8 × 480 minutes a fortnight, 15,360 in all.
    expect(minuteLevels(compileRoster(earlyLate(56, 3, { minMinutes: 480 })))).toBe(15_360 / 480);
    expect(minuteLevels(compileRoster(earlyLate(56, 3, { minMinutes: 480, lateMinutes: 600 })))).toBe(15_360 / 120);
    // Without a minimum the programme keeps no minutes.
    expect(minuteLevels(compileRoster(earlyLate(56, 3)))).toBe(0);
  });
});
