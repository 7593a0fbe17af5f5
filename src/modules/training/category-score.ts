const clamp100 = (x: number) => Math.min(100, Math.max(0, x));

/**
 * A review's score in one category, 0–100: points earned there less deductions there, over the
 * points available there; a category of deductions only starts from 100, as the review total does.
 */
export function categoryScore(row: { earned: number; maxPoints: number; deducted: number }): number {
  return row.maxPoints > 0
    ? clamp100((100 * (row.earned - row.deducted)) / row.maxPoints)
    : clamp100(100 - row.deducted);
}
