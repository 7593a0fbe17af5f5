import fc from 'fast-check';
import { positionsAfterShrinkage, totalShrinkage } from './shrinkage';

describe('shrinkage: one account, applied once', () => {
  it('adds absence, meetings, training and other into one share', () => {
    expect(totalShrinkage({ absence: 0.08, meetings: 0.05, training: 0.04, other: 0.03 })).toBeCloseTo(0.2, 12);
    expect(totalShrinkage({ absence: 0.1, meetings: 0, training: 0 })).toBe(0.1);
  });

  it('rounds positions up without floating-point overshoot (14 / 0.7 is 20, not 21)', () => {
    expect(positionsAfterShrinkage(14, 0.3)).toBe(20);
    expect(positionsAfterShrinkage(15, 0.3)).toBe(22);
    expect(positionsAfterShrinkage(14, { absence: 0.1, meetings: 0.1, training: 0.1 })).toBe(20);
    expect(positionsAfterShrinkage(0, 0.3)).toBe(0);
    expect(Object.is(positionsAfterShrinkage(0, 0.3), 0)).toBe(true);
  });

  it('gives the fewest positions whose share on the queues covers the raw requirement', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 0.6, noNaN: true }), (raw, share) => {
        const positions = positionsAfterShrinkage(raw, share);
        expect(positions * (1 - share)).toBeGreaterThanOrEqual(raw - 1e-6);
        if (positions > 0) expect((positions - 1) * (1 - share)).toBeLessThan(raw);
      }),
      { seed: 1123, numRuns: 500 },
    );
  });

  it('refuses shares that leave nobody on the queues', () => {
    expect(() => totalShrinkage({ absence: 0.5, meetings: 0.3, training: 0.2 })).toThrow(RangeError);
    expect(() => positionsAfterShrinkage(10, 1)).toThrow(RangeError);
    expect(() => positionsAfterShrinkage(10, -0.1)).toThrow(RangeError);
  });
});
