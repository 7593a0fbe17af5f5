import { shuffled } from 'src/platform/random/seeded-random';

/**
 * Inclusion probabilities for a sample of `n` from units of the given weights: a share `floor` of
 * the sample is spread evenly over every unit (plain random picks, so good work is seen too) and
 * the rest in proportion to the weights. Probabilities above 1 are capped and the excess spread
 * over the others, so they always sum to `n` and each stays in (0, 1].
 */
export function inclusionProbabilities(weights: readonly number[], n: number, floor: number): number[] {
  const m = weights.length;
  if (n >= m) return weights.map(() => 1);
  const total = weights.reduce((s, w) => s + w, 0);
  let pi = weights.map((w) => n * (floor / m + (1 - floor) * (total > 0 ? w / total : 1 / m)));
  const capped = new Set<number>();
  // Each pass caps at least one more unit, so this ends within m passes.
  for (;;) {
    const over = pi.findIndex((p, i) => p > 1 && !capped.has(i));
    if (over < 0) break;
    pi.forEach((p, i) => {
      if (p >= 1) capped.add(i);
    });
    const free = pi.reduce((s, p, i) => (capped.has(i) ? s : s + p), 0);
    const left = n - capped.size;
    pi = pi.map((p, i) => (capped.has(i) ? 1 : (p * left) / free));
  }
  return pi;
}

/**
 * Randomised systematic sampling: units in a random order, a ruler of `n` marks one apart from a
 * random start over their cumulated probabilities. Each unit is taken with exactly its probability,
 * never twice (all ≤ 1), and exactly round(Σπ) units are taken.
 */
export function systematicDraw(probabilities: readonly number[], random: () => number): number[] {
  const n = Math.round(probabilities.reduce((s, p) => s + p, 0));
  if (n === 0) return [];
  const order = shuffled(
    probabilities.map((_, i) => i),
    random,
  );
  const start = random();
  const picked: number[] = [];
  let cumulated = 0;
  let mark = start;
  for (const [k, index] of order.entries()) {
    // The last unit closes the ruler exactly at n, whatever rounding crept into the sum.
    cumulated = k === order.length - 1 ? n : cumulated + probabilities[index];
    if (cumulated > mark && picked.length < n) {
      picked.push(index);
      mark += 1;
    }
  }
  return picked;
}
