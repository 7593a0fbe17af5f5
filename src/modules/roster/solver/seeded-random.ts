/** Mulberry32: a small seedable PRNG, so the search repeats exactly for a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct indices out of 0..n-1, in random order. */
export function sampleIndices(n: number, count: number, random: () => number): number[] {
  const pool = Array.from({ length: n }, (_, k) => k);
  for (let i = 0; i < Math.min(count, n); i++) {
    const j = i + Math.floor(random() * (n - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, Math.min(count, n));
}
