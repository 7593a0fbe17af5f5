import fc from 'fast-check';
import { sampleIndices, seededRandom, seedOf, shuffled } from './seeded-random';

describe('seeded randomness', () => {
  it('repeats exactly for a seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(draws);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(draws[0]);
  });

  it('hashes keys to stable seeds (FNV-1a)', () => {
    expect(seedOf('')).toBe(0x811c9dc5);
    expect(seedOf('a')).toBe(0xe40c292c);
    expect(seedOf('shop|2026-11-25')).toBe(seedOf('shop|2026-11-25'));
  });

  it('shuffles into a permutation and samples distinct indices', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 50 }), fc.nat(), (items, seed) => {
        expect(shuffled(items, seededRandom(seed)).sort((x, y) => x - y)).toEqual([...items].sort((x, y) => x - y));
        const picked = sampleIndices(items.length, 7, seededRandom(seed));
        expect(picked).toHaveLength(Math.min(7, items.length));
        expect(new Set(picked).size).toBe(picked.length);
        expect(picked.every((i) => i >= 0 && i < items.length)).toBe(true);
      }),
    );
  });
});
