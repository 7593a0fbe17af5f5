export type Direction = 'higher' | 'lower';

/**
 * Percentile-rank points (0–100) of each value within its group, mid-rank for ties: the best
 * gets 100, the worst 0, equal values share the mean of their places. Null ("no data") scores 0
 * and takes no place among the others. A group of one scores 100.
 */
export function percentilePoints(values: (number | null)[], direction: Direction): (number | null)[] {
  const present = values.filter((v): v is number => v !== null);
  const n = present.length;
  const sign = direction === 'higher' ? 1 : -1;
  const sorted = present.map((v) => v * sign).sort((a, b) => a - b);
  return values.map((v) => {
    if (v === null) return null;
    if (n === 1) return 100;
    const x = v * sign;
    const below = lowerBound(sorted, x);
    const equal = lowerBound(sorted, x, true) - below;
    return (100 * (below + (equal - 1) / 2)) / (n - 1);
  });
}

/** First index whose value is >= x (or > x when `after`), in an ascending array. */
function lowerBound(sorted: number[], x: number, after = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x || (after && sorted[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
