export const QC_CATEGORIES = ['话术', '平台政策', '工具使用', '流程', '沟通技巧', '销售技能', '服务态度'] as const;
export type QcCategory = (typeof QC_CATEGORIES)[number];

export type RubricItem = {
  id: string;
  code: string;
  category: QcCategory;
  kind: 'points' | 'deduction';
  maxPoints: number;
  critical: boolean;
};
export type ItemScore = { itemId: string; points: number };

export type ScoredReview = { total: number; failed: boolean; criticalItems: string[] };
/** Why a score is refused; the service words it for the reader. */
export type ScoreProblem = {
  itemId: string;
  reason: 'not-an-item' | 'scored-twice' | 'out-of-range';
  maxPoints?: number;
};

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Total 0–100: the points items together are worth what they say and the rest of the 100 is given
 * up front, so a rubric of only deductions starts at 100. Deductions come off, the total is held
 * in 0–100, and any deduction on a critical item fails the review whatever the total.
 * Items not scored earn their full points and lose nothing.
 */
export function scoreReview(
  items: readonly RubricItem[],
  scores: readonly ItemScore[],
): { result?: ScoredReview; problems: ScoreProblem[] } {
  const byId = new Map(items.map((i) => [i.id, i]));
  const problems: ScoreProblem[] = [];
  const given = new Map<string, number>();
  for (const s of scores) {
    const item = byId.get(s.itemId);
    if (!item) problems.push({ itemId: s.itemId, reason: 'not-an-item' });
    else if (given.has(s.itemId)) problems.push({ itemId: s.itemId, reason: 'scored-twice' });
    else if (!(s.points >= 0 && s.points <= item.maxPoints))
      problems.push({ itemId: s.itemId, reason: 'out-of-range', maxPoints: item.maxPoints });
    else given.set(s.itemId, s.points);
  }
  if (problems.length) return { problems };
  const pointItems = items.filter((i) => i.kind === 'points');
  const base = Math.max(0, 100 - pointItems.reduce((s, i) => s + i.maxPoints, 0));
  const earned = pointItems.reduce((s, i) => s + (given.get(i.id) ?? i.maxPoints), 0);
  const deducted = items.filter((i) => i.kind === 'deduction').reduce((s, i) => s + (given.get(i.id) ?? 0), 0);
  const criticalItems = items.filter((i) => i.critical && (given.get(i.id) ?? 0) > 0).map((i) => i.code);
  const total = round2(Math.min(100, Math.max(0, base + earned - deducted)));
  return { result: { total, failed: criticalItems.length > 0, criticalItems }, problems };
}

/**
 * The sample's mean corrected for how it was drawn (Hájek's inverse-probability weighted mean):
 * sessions drawn because they looked bad count for fewer of the day's sessions. Null without scores.
 */
export function weightedMean(scores: readonly { score: number; inclusionProbability: number }[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const s of scores) {
    weighted += s.score / s.inclusionProbability;
    weights += 1 / s.inclusionProbability;
  }
  return weights > 0 ? round2(weighted / weights) : null;
}

export type ItemSpread = {
  itemId: string;
  code: string;
  scores: { reviewId: string; points: number }[];
  min: number;
  max: number;
  spread: number;
  mean: number;
  sd: number;
};

/**
 * Calibration: for two or more reviews of one session, how far the reviewers lie apart per item
 * (an item a reviewer did not score counts as scored at its default: full points, no deduction).
 */
export function calibration(
  items: readonly RubricItem[],
  reviews: readonly { reviewId: string; scores: readonly ItemScore[] }[],
): ItemSpread[] {
  return items.map((item) => {
    const scores = reviews.map((r) => ({
      reviewId: r.reviewId,
      points: r.scores.find((s) => s.itemId === item.id)?.points ?? (item.kind === 'points' ? item.maxPoints : 0),
    }));
    const values = scores.map((s) => s.points);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    return {
      itemId: item.id,
      code: item.code,
      scores,
      min: Math.min(...values),
      max: Math.max(...values),
      spread: round2(Math.max(...values) - Math.min(...values)),
      mean: round2(mean),
      sd: round2(sd),
    };
  });
}
