/**
 * A chat slowdown table measured from sessions: the mean handle time of sessions handled at k
 * chats at once, over the mean at one chat. Raw ratios are noisy and need not rise with k, so they
 * are fitted by weighted isotonic regression (pool-adjacent-violators, weights = sessions), held
 * in [1, maxFactor], and levels with too few sessions between measured ones are interpolated.
 */

export interface ConcurrencyLevel {
  /** Chats the agent had open while handling these sessions (time-weighted, rounded). */
  concurrency: number;
  sessions: number;
  meanSeconds: number;
}

export interface FittedLevel extends ConcurrencyLevel {
  /** meanSeconds / the one-chat mean, when the level has enough sessions (and the baseline does). */
  ratio: number | null;
  /** The table's value at this level, null beyond the table. */
  fitted: number | null;
}

export interface SlowdownFit {
  /** [1, f(2), …, f(K)] up to the highest level with enough sessions; null without a one-chat baseline. */
  table: number[] | null;
  baselineSeconds: number | null;
  levels: FittedLevel[];
}

export interface FitOptions {
  /** Sessions a level needs to be measured. */
  minSessions: number;
  maxConcurrency: number;
  maxFactor: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Weighted isotonic (non-decreasing) regression by pool-adjacent-violators. */
export function isotonic(values: readonly number[], weights: readonly number[]): number[] {
  const blocks: { value: number; weight: number; count: number }[] = [];
  values.forEach((value, i) => {
    blocks.push({ value, weight: weights[i], count: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2].value > blocks[blocks.length - 1].value) {
      const last = blocks.pop()!;
      const prev = blocks[blocks.length - 1];
      const weight = prev.weight + last.weight;
      prev.value = (prev.value * prev.weight + last.value * last.weight) / weight;
      prev.weight = weight;
      prev.count += last.count;
    }
  });
  return blocks.flatMap((b) => Array<number>(b.count).fill(b.value));
}

export function fitSlowdownTable(levels: readonly ConcurrencyLevel[], options: FitOptions): SlowdownFit {
  if (!(Number.isInteger(options.minSessions) && options.minSessions >= 1))
    throw new RangeError(`minSessions must be a whole number ≥ 1, got ${options.minSessions}`);
  const known = mergeLevels(
    levels.filter(
      (l) =>
        Number.isInteger(l.concurrency) &&
        l.concurrency >= 1 &&
        l.concurrency <= options.maxConcurrency &&
        l.sessions > 0 &&
        l.meanSeconds > 0,
    ),
  );
  const base = known.find((l) => l.concurrency === 1 && l.sessions >= options.minSessions);
  if (!base)
    return { table: null, baselineSeconds: null, levels: known.map((l) => ({ ...l, ratio: null, fitted: null })) };
  const measured = known.filter((l) => l.concurrency > 1 && l.sessions >= options.minSessions);
  const fitted = isotonic(
    measured.map((l) => l.meanSeconds / base.meanSeconds),
    measured.map((l) => l.sessions),
  ).map((v) => Math.min(options.maxFactor, Math.max(1, v)));
  // Anchors: k = 1 at exactly 1, then each measured level; gaps between anchors are linear.
  const anchors = [{ k: 1, value: 1 }, ...measured.map((l, i) => ({ k: l.concurrency, value: fitted[i] }))];
  const table: number[] = [];
  for (let a = 0; a < anchors.length; a++) {
    const next = anchors[a + 1];
    table.push(round3(anchors[a].value));
    if (!next) break;
    for (let k = anchors[a].k + 1; k < next.k; k++)
      table.push(
        round3(anchors[a].value + ((next.value - anchors[a].value) * (k - anchors[a].k)) / (next.k - anchors[a].k)),
      );
  }
  table[0] = 1;
  return {
    table,
    baselineSeconds: base.meanSeconds,
    levels: known.map((l) => ({
      ...l,
      ratio: l.sessions >= options.minSessions ? l.meanSeconds / base.meanSeconds : null,
      fitted: l.concurrency <= table.length ? table[l.concurrency - 1] : null,
    })),
  };
}

/** One level per concurrency (parts of one level are merged by their sessions), in order. */
function mergeLevels(levels: readonly ConcurrencyLevel[]): ConcurrencyLevel[] {
  const byK = new Map<number, ConcurrencyLevel>();
  for (const l of levels) {
    const seen = byK.get(l.concurrency);
    const sessions = (seen?.sessions ?? 0) + l.sessions;
    byK.set(l.concurrency, {
      concurrency: l.concurrency,
      sessions,
      meanSeconds: ((seen ? seen.meanSeconds * seen.sessions : 0) + l.meanSeconds * l.sessions) / sessions,
    });
  }
  return [...byK.values()].sort((a, b) => a.concurrency - b.concurrency);
}
