import fc from 'fast-check';
import { fitSlowdownTable, isotonic } from './slowdown-fit';

const options = { minSessions: 30, maxConcurrency: 10, maxFactor: 10 };

describe('chat slowdown measured from sessions', () => {
  it('pools adjacent violators, weighted by sessions', () => {
    expect(isotonic([1.2, 1.1, 1.5], [100, 100, 50])).toEqual([1.15, 1.15, 1.5]);
    // 1.3 (100 sessions) then 1.24 (40): (130 + 49.6) / 140 = 1.282857…
    const pooled = isotonic([1.1, 1.3, 1.24], [150, 100, 40]);
    expect(pooled[0]).toBe(1.1);
    expect(pooled[1]).toBeCloseTo(179.6 / 140, 12);
    expect(pooled[2]).toBeCloseTo(179.6 / 140, 12);
  });

  it('fits a table by hand: ratios to the one-chat mean, a dip pooled away, thin levels left out', () => {
    const fit = fitSlowdownTable(
      [
        { concurrency: 1, sessions: 200, meanSeconds: 300 },
        { concurrency: 2, sessions: 150, meanSeconds: 330 },
        { concurrency: 3, sessions: 100, meanSeconds: 390 },
        { concurrency: 4, sessions: 40, meanSeconds: 372 },
        { concurrency: 5, sessions: 10, meanSeconds: 900 },
      ],
      options,
    );
    expect(fit.baselineSeconds).toBe(300);
    expect(fit.table).toEqual([1, 1.1, 1.283, 1.283]);
    expect(fit.levels.map((l) => l.ratio)).toEqual([1, 1.1, 1.3, 1.24, null]);
    expect(fit.levels.map((l) => l.fitted)).toEqual([1, 1.1, 1.283, 1.283, null]);
  });

  it('interpolates a thin level between measured ones, and holds factors at 1 or more', () => {
    const fit = fitSlowdownTable(
      [
        { concurrency: 1, sessions: 50, meanSeconds: 400 },
        { concurrency: 2, sessions: 5, meanSeconds: 100 },
        { concurrency: 3, sessions: 60, meanSeconds: 560 },
      ],
      options,
    );
    expect(fit.table).toEqual([1, 1.2, 1.4]);
    const faster = fitSlowdownTable(
      [
        { concurrency: 1, sessions: 50, meanSeconds: 400 },
        { concurrency: 2, sessions: 50, meanSeconds: 380 },
      ],
      options,
    );
    expect(faster.table).toEqual([1, 1]);
  });

  it('has no table without enough one-chat sessions to compare with', () => {
    const fit = fitSlowdownTable(
      [
        { concurrency: 1, sessions: 29, meanSeconds: 300 },
        { concurrency: 2, sessions: 500, meanSeconds: 330 },
      ],
      options,
    );
    expect(fit.table).toBeNull();
    expect(fit.levels.every((l) => l.ratio === null && l.fitted === null)).toBe(true);
  });

  it('leaves out levels above the largest concurrency', () => {
    const fit = fitSlowdownTable(
      [
        { concurrency: 1, sessions: 40, meanSeconds: 300 },
        { concurrency: 12, sessions: 400, meanSeconds: 900 },
      ],
      { ...options, maxConcurrency: 10 },
    );
    expect(fit.table).toEqual([1]);
    expect(fit.levels).toHaveLength(1);
  });

  it('always gives a valid table: starts at 1, never falls, within bounds', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            concurrency: fc.integer({ min: 1, max: 12 }),
            sessions: fc.integer({ min: 1, max: 300 }),
            meanSeconds: fc.double({ min: 1, max: 20_000, noNaN: true }),
          }),
          { maxLength: 12 },
        ),
        (levels) => {
          const fit = fitSlowdownTable(levels, options);
          if (!fit.table) return;
          expect(fit.table[0]).toBe(1);
          expect(fit.table.length).toBeLessThanOrEqual(10);
          for (let k = 1; k < fit.table.length; k++) expect(fit.table[k]).toBeGreaterThanOrEqual(fit.table[k - 1]);
          for (const f of fit.table) expect(f).toBeLessThanOrEqual(10);
        },
      ),
      { seed: 1123, numRuns: 300 },
    );
  });
});
