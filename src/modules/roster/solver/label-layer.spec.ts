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
    expect(narrow.buckets.size).toBe(0);
    // A dear label of a key the last day had filled with cheaper ones is kept now.
    narrow.push(0, 5_000, 1, 2, 0, 3, Int32Array.from([9, 9, 9]), 0, 1);
    expect(narrow.size).toBe(1);
    expect(Array.from(narrow.counters.subarray(0, 3))).toEqual([9, 9, 9]);
    expect(narrow.expandable(10)).toEqual({ order: [0], truncated: false });
    giveBack([narrow]);
  });
});
