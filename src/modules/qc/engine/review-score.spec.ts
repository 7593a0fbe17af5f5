import { calibration, RubricItem, scoreReview, weightedMean } from './review-score';

const items: RubricItem[] = [
  { id: 'i1', code: 'greeting', category: '话术', kind: 'points', maxPoints: 20, critical: false },
  { id: 'i2', code: 'policy', category: '平台政策', kind: 'points', maxPoints: 30, critical: false },
  { id: 'i3', code: 'slow', category: '流程', kind: 'deduction', maxPoints: 10, critical: false },
  { id: 'i4', code: 'rude', category: '服务态度', kind: 'deduction', maxPoints: 100, critical: true },
];

describe('scoreReview', () => {
  it('gives the unscored rest up front, adds points and takes deductions', () => {
    expect(scoreReview(items, []).result).toEqual({ total: 100, failed: false, criticalItems: [] });
    expect(
      scoreReview(items, [
        { itemId: 'i1', points: 10 },
        { itemId: 'i2', points: 15 },
        { itemId: 'i3', points: 5 },
      ]).result,
    ).toEqual({ total: 70, failed: false, criticalItems: [] });
  });

  it('fails the review on any critical deduction and holds the total at 0', () => {
    expect(
      scoreReview(items, [
        { itemId: 'i4', points: 100 },
        { itemId: 'i3', points: 10 },
      ]).result,
    ).toEqual({ total: 0, failed: true, criticalItems: ['rude'] });
    expect(scoreReview(items, [{ itemId: 'i4', points: 1 }]).result).toEqual({
      total: 99,
      failed: true,
      criticalItems: ['rude'],
    });
  });

  it('names items that are unknown, repeated or out of range', () => {
    const { problems, result } = scoreReview(items, [
      { itemId: 'x', points: 1 },
      { itemId: 'i1', points: 25 },
      { itemId: 'i3', points: 1 },
      { itemId: 'i3', points: 2 },
    ]);
    expect(result).toBeUndefined();
    expect(problems.map((p) => p.itemId)).toEqual(['x', 'i1', 'i3']);
  });
});

describe('weightedMean', () => {
  it('weights each score by the inverse of its inclusion probability', () => {
    // A bad session drawn with certainty stands for itself; a plain one drawn at 1/4 stands for four.
    expect(
      weightedMean([
        { score: 40, inclusionProbability: 1 },
        { score: 90, inclusionProbability: 0.25 },
      ]),
    ).toBe(80);
    expect(weightedMean([])).toBeNull();
  });
});

describe('calibration', () => {
  it('reports the per-item spread between reviewers, unscored items at their default', () => {
    const spread = calibration(items, [
      {
        reviewId: 'r1',
        scores: [
          { itemId: 'i1', points: 20 },
          { itemId: 'i3', points: 4 },
        ],
      },
      { reviewId: 'r2', scores: [{ itemId: 'i1', points: 12 }] },
    ]);
    expect(spread.find((s) => s.code === 'greeting')).toMatchObject({ min: 12, max: 20, spread: 8, mean: 16, sd: 4 });
    expect(spread.find((s) => s.code === 'slow')).toMatchObject({ min: 0, max: 4, spread: 4 });
    expect(spread.find((s) => s.code === 'policy')).toMatchObject({ spread: 0, mean: 30 });
  });
});
