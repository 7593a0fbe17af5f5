import fc from 'fast-check';
import { percentilePoints } from './percentile-points';
import { Candidate, rankGroup, RankingRules } from './scorecard-ranking';

const rules = (over: Partial<RankingRules> = {}): RankingRules => ({
  metrics: [
    { metric: 'orderConversion', weight: 3, direction: 'higher' },
    { metric: 'firstResponseSeconds', weight: 1, direction: 'lower' },
  ],
  minDaysWorked: 15,
  minInquiries: 300,
  topN: 1,
  bottomPercent: 25,
  tieRule: 'heaviest_metric',
  ...over,
});

const agent = (
  id: string,
  conversion: number | null,
  response: number | null,
  over: Partial<Candidate> = {},
): Candidate => ({
  agentId: id,
  tieKey: id,
  daysWorked: 20,
  inquiries: 500,
  values: { orderConversion: conversion, firstResponseSeconds: response },
  ...over,
});

describe('percentile-rank points', () => {
  it('gives the best 100, the worst 0, and mid-ranks to ties', () => {
    expect(percentilePoints([0.1, 0.3, 0.2], 'higher')).toEqual([0, 100, 50]);
    expect(percentilePoints([10, 30, 20], 'lower')).toEqual([100, 0, 50]);
    expect(percentilePoints([5, 5, 1], 'higher')).toEqual([75, 75, 0]);
    expect(percentilePoints([7], 'higher')).toEqual([100]);
    expect(percentilePoints([null, 3, 1], 'higher')).toEqual([null, 100, 0]);
  });

  it('stays within 0–100 and sums to n·50 for any values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 40 }),
        fc.constantFrom('higher' as const, 'lower' as const),
        (values, direction) => {
          const points = percentilePoints(values, direction) as number[];
          expect(points.every((p) => p >= 0 && p <= 100)).toBe(true);
          expect(points.reduce((s, p) => s + p, 0)).toBeCloseTo(values.length * 50, 6);
        },
      ),
    );
  });
});

describe('ranking a scorecard group', () => {
  it('ranks by the weighted mean of points, flags top N and the bottom X %, and lists the ineligible apart', () => {
    const result = rankGroup(
      [
        agent('A', 0.5, 20),
        agent('B', 0.3, 10),
        agent('C', 0.2, 30),
        agent('D', 0.4, 15),
        agent('E', 0.9, 5, { daysWorked: 10 }),
        agent('F', 0.9, 5, { inquiries: 299 }),
      ],
      rules(),
    );
    expect(result.ineligible.map((r) => [r.agentId, r.reasons])).toEqual([
      ['E', ['min-days-worked']],
      ['F', ['min-inquiries']],
    ]);
    // Points: conversion A100 D66.67 B33.33 C0; response B100 D66.67 A33.33 C0. Totals (3:1): A 83.333, D 66.667, B 50, C 0.
    expect(result.ranked.map((r) => [r.agentId, r.rank, r.total, r.percentile, r.top, r.bottom])).toEqual([
      ['A', 1, 83.333, 100, true, false],
      ['D', 2, 66.667, 66.67, false, false],
      ['B', 3, 50, 33.33, false, false],
      ['C', 4, 0, 0, false, true],
    ]);
    expect(result.ranked[0].metrics.orderConversion).toEqual({ value: 0.5, points: 100 });
  });

  it('breaks ties by the stated rule: heaviest metric first, or more inquiries, then employee number', () => {
    // A and B have the same total (50): A is better in conversion, B in response time.
    const even = [agent('B', 0.1, 10), agent('A', 0.2, 20)];
    const weights = rules({
      metrics: [
        { metric: 'orderConversion', weight: 1, direction: 'higher' },
        { metric: 'firstResponseSeconds', weight: 1, direction: 'lower' },
      ],
    });
    // Equal weights: the metric listed first decides.
    expect(rankGroup(even, weights).ranked.map((r) => r.agentId)).toEqual(['A', 'B']);
    expect(
      rankGroup(even, { ...weights, metrics: [weights.metrics[1], weights.metrics[0]] }).ranked.map((r) => r.agentId),
    ).toEqual(['B', 'A']);
    const byInquiries = [agent('A', 0.2, 20, { inquiries: 400 }), agent('B', 0.1, 10, { inquiries: 900 })];
    expect(rankGroup(byInquiries, { ...weights, tieRule: 'inquiries' }).ranked.map((r) => r.agentId)).toEqual([
      'B',
      'A',
    ]);
    const identical = [agent('Z', 0.2, 20), agent('M', 0.2, 20)];
    expect(rankGroup(identical, weights).ranked.map((r) => r.agentId)).toEqual(['M', 'Z']);
  });

  it('scores "no data" as 0 points and never flags one agent both top and bottom', () => {
    const result = rankGroup([agent('A', null, 10)], rules({ topN: 3, bottomPercent: 10 }));
    expect(result.ranked[0]).toMatchObject({ rank: 1, top: true, bottom: false, percentile: 100 });
    expect(result.ranked[0].metrics.orderConversion).toEqual({ value: null, points: null });
    expect(result.ranked[0].total).toBe(25); // only the response metric, weight 1 of 4
  });

  it('always gives ranks 1..n, a better agent in every metric never ranks lower, and flags the right counts (property)', () => {
    const candidate = fc.record({
      conversion: fc.integer({ min: 0, max: 100 }),
      response: fc.integer({ min: 1, max: 120 }),
      inquiries: fc.integer({ min: 0, max: 900 }),
    });
    fc.assert(
      fc.property(
        fc.array(candidate, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 50 }),
        (list, topN, bottomPercent) => {
          const candidates = list.map((c, i) =>
            agent(`E${String(i).padStart(3, '0')}`, c.conversion / 100, c.response, { inquiries: c.inquiries }),
          );
          const r = rules({ topN, bottomPercent, minInquiries: 100 });
          const { ranked, ineligible } = rankGroup(candidates, r);
          expect(ranked.length + ineligible.length).toBe(candidates.length);
          expect(ranked.map((x) => x.rank)).toEqual(ranked.map((_, i) => i + 1));
          expect(ranked.filter((x) => x.top).length).toBe(Math.min(topN, ranked.length));
          const bottom = ranked.filter((x) => x.bottom).length;
          expect(bottom).toBeLessThanOrEqual(Math.ceil((ranked.length * bottomPercent) / 100));
          const byId = new Map(candidates.map((c) => [c.agentId, c]));
          for (const better of ranked) {
            for (const worse of ranked) {
              const b = byId.get(better.agentId)!.values;
              const w = byId.get(worse.agentId)!.values;
              if (b.orderConversion! > w.orderConversion! && b.firstResponseSeconds! < w.firstResponseSeconds!)
                expect(better.rank).toBeLessThan(worse.rank);
            }
          }
        },
      ),
    );
  });
});
