import fc from 'fast-check';
import { agreementBand, intraclassCorrelation, leaningOf, ratingGroup } from './rater-agreement';

describe('inspector agreement: ICC(1,1)', () => {
  it('matches Shrout & Fleiss (1979), Table 2: six targets, four judges, ICC(1,1) = .17', () => {
    const targets = [
      [9, 2, 5, 8],
      [6, 1, 3, 2],
      [8, 4, 6, 8],
      [7, 1, 2, 6],
      [10, 5, 6, 9],
      [6, 2, 4, 7],
    ];
    const a = intraclassCorrelation(targets.map(ratingGroup));
    // Their mean squares: between targets 11.24, within targets 6.26.
    expect(a.msBetween).toBeCloseTo(11.2417, 4);
    expect(a.msWithin).toBeCloseTo(6.2639, 4);
    // (11.2417 − 6.2639) / (11.2417 + 3 · 6.2639) = 0.1657
    expect(a.icc).toBeCloseTo(0.1657, 4);
    expect(a).toMatchObject({ sessions: 6, ratings: 24 });
    expect(agreementBand(a.icc)).toBe('poor');
  });

  it('uses the adjusted group size for panels of unequal size (by hand)', () => {
    // [1, 3] and [4, 4, 7]: grand mean 3.8; SSB = 2·1.8² + 3·1.2² = 10.8 (1 df); SSW = 2 + 6 = 8
    // (3 df); k₀ = (5 − 13/5) / 1 = 2.4; ICC = (10.8 − 8/3) / (10.8 + 1.4 · 8/3) = 0.5596.
    const a = intraclassCorrelation([ratingGroup([1, 3]), ratingGroup([4, 4, 7])]);
    expect(a.msBetween).toBeCloseTo(10.8, 12);
    expect(a.msWithin).toBeCloseTo(8 / 3, 12);
    expect(a.icc).toBeCloseTo((10.8 - 8 / 3) / (10.8 + 1.4 * (8 / 3)), 12);
    expect(a.withinSd).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(agreementBand(a.icc)).toBe('moderate');
  });

  it('is 1 when every panel agrees and sessions differ, and unknown without variation or sessions', () => {
    expect(intraclassCorrelation([ratingGroup([8, 8]), ratingGroup([5, 5, 5])]).icc).toBe(1);
    expect(intraclassCorrelation([ratingGroup([10, 10]), ratingGroup([10, 10])])).toMatchObject({
      icc: null,
      withinSd: 0,
    });
    expect(intraclassCorrelation([ratingGroup([6, 9])])).toMatchObject({
      icc: null,
      sessions: 1,
      withinSd: Math.sqrt(4.5),
    });
    expect(intraclassCorrelation([ratingGroup([6]), ratingGroup([9])]).icc).toBeNull();
    expect(intraclassCorrelation([]).icc).toBeNull();
  });

  it('is at most 1, and does not care which inspector of a panel gave which score or where the scale starts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 2, maxLength: 4 }), {
          minLength: 2,
          maxLength: 12,
        }),
        fc.integer({ min: -50, max: 50 }),
        (panels, shift) => {
          const a = intraclassCorrelation(panels.map(ratingGroup));
          if (a.icc === null) return;
          expect(a.icc).toBeLessThanOrEqual(1 + 1e-12);
          expect(intraclassCorrelation(panels.map((p) => ratingGroup([...p].reverse()))).icc).toBeCloseTo(a.icc, 9);
          expect(intraclassCorrelation(panels.map((p) => ratingGroup(p.map((x) => x + shift)))).icc).toBeCloseTo(
            a.icc,
            6,
          );
        },
      ),
      { seed: 1123, numRuns: 200 },
    );
  });

  it('tells a leaning only beyond two standard errors', () => {
    expect(leaningOf(-3, 1, 4)).toBe('harsher'); // SE 0.5
    expect(leaningOf(3, 1, 4)).toBe('softer');
    expect(leaningOf(-0.9, 1, 4)).toBe('in-line'); // within 2 SE = 1
    expect(leaningOf(-0.3, 0, 20)).toBe('in-line'); // below half a point
    expect(leaningOf(-5, null, 1)).toBe('in-line');
  });
});
