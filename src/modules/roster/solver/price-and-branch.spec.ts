import { masterSeconds, type PriceAndBranchLimits } from './price-and-branch';

const step = (seconds: number, extra: Partial<PriceAndBranchLimits> = {}): PriceAndBranchLimits => ({
  seconds,
  deterministic: false,
  redive: true,
  shouldStop: () => false,
  ...extra,
});

describe('masterSeconds', () => {
  it('gives the integer master at most its share of a timed step, and no more than is left', () => {
    expect(masterSeconds(step(30, { masterShare: 0.15 }), 20)).toBeCloseTo(4.5);
    expect(masterSeconds(step(30, { masterShare: 0.15 }), 3)).toBe(3);
  });

  it('leaves steps without a share, and repeatable runs, all the time left', () => {
    expect(masterSeconds(step(30), 20)).toBe(20);
    expect(masterSeconds(step(30, { masterShare: 0.15, deterministic: true }), 20)).toBe(20);
  });
});
