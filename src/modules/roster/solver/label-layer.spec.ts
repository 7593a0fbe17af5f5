import { giveBack, takeLayer } from './label-layer';

describe('label layers kept for the next programme', () => {
  it('come back empty, at the new width, and keep no dominance from their last day', () => {
    const wide = takeLayer(5, 3);
    const counters = Int32Array.from([1, 2, 3, 4, 5]);
    // Enough labels to grow the layer past its first size, all of one key and cheaper each time.
    for (let i = 0; i < 100; i++) wide.push(i % 7, 1_000 - i, 1, 2, 0, 3, counters, i, i % 3);
    expect(wide.cost.length).toBeGreaterThan(64);
    giveBack([wide]);

    const narrow = takeLayer(3, Number.POSITIVE_INFINITY);
    expect(narrow).toBe(wide);
    expect(narrow.size).toBe(0);
    expect(narrow.dropped).toBe(false);
    expect(narrow.keys).toBe(0);
    // A dear label of a key the last day had filled with cheaper ones is kept now.
    narrow.push(0, 5_000, 1, 2, 0, 3, Int32Array.from([9, 9, 9]), 0, 1);
    expect(narrow.size).toBe(1);
    expect(Array.from(narrow.counters.subarray(0, 3))).toEqual([9, 9, 9]);
    expect(narrow.expandable(10)).toEqual({ order: [0], truncated: false });
    giveBack([narrow]);
  });
});

describe('a layer keeps the Pareto front of each key', () => {
  const one = (value: number) => Int32Array.from([value]);

  it('drops what a new label dominates and refuses what an old one dominates, for every key after its table grew', () => {
    const layer = takeLayer(1, Number.POSITIVE_INFINITY);
    // 300 keys: the key table grows several times while keys are added.
    for (let key = 0; key < 300; key++) layer.push(key * 1_000_003, 10, 1, 1, 0, 0, one(5), 0, 0);
    expect(layer.keys).toBe(300);
    // Dearer with fewer weekends: both stay (neither dominates).
    layer.push(7 * 1_000_003, 12, 1, 1, 0, 0, one(2), 0, 1);
    // Dearer with more: refused.
    layer.push(7 * 1_000_003, 11, 1, 1, 0, 0, one(6), 0, 2);
    // Cheaper with fewer: both of key 7 go.
    layer.push(7 * 1_000_003, 9, 1, 1, 0, 0, one(1), 0, 3);
    const alive = layer.expandable(Number.POSITIVE_INFINITY).order;
    expect(layer.size).toBe(302);
    expect(alive).toHaveLength(300);
    expect(alive).not.toContain(7);
    expect(alive).not.toContain(300);
    expect(alive).toContain(301);
    giveBack([layer]);
  });

  it('tells apart keys beyond 32 bits that share their low half', () => {
    const layer = takeLayer(1, Number.POSITIVE_INFINITY);
    const low = 2 ** 40 + 5;
    const high = low + 2 ** 32;
    layer.push(low, 10, 1, 1, 0, 0, one(5), 0, 0);
    // Would be dominated by the first were the keys taken as one.
    layer.push(high, 11, 1, 1, 0, 0, one(6), 0, 1);
    // Dominated within its own key.
    layer.push(high, 12, 1, 1, 0, 0, one(7), 0, 2);
    expect(layer.keys).toBe(2);
    expect(layer.expandable(10).order).toEqual([0, 1]);
    giveBack([layer]);
  });

  it('as a beam keeps the cheapest few per key, dropping the earliest of equally dear ones', () => {
    const layer = takeLayer(1, 2);
    layer.push(4, 10, 1, 1, 0, 0, one(3), 0, 0);
    layer.push(4, 10, 1, 1, 0, 0, one(2), 0, 1);
    expect(layer.dropped).toBe(false);
    // Full: a cheaper one replaces the earliest of the two dearest, a dearer one is not kept.
    layer.push(4, 8, 1, 1, 0, 0, one(4), 0, 2);
    layer.push(4, 20, 1, 1, 0, 0, one(0), 0, 3);
    expect(layer.dropped).toBe(true);
    expect(layer.expandable(10)).toEqual({ order: [1, 2], truncated: true });
    giveBack([layer]);
  });
});
