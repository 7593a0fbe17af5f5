import { BoundedCache } from './bounded-cache';

const bytes = (n: number, fill = 1) => Buffer.alloc(n, fill);

describe('BoundedCache', () => {
  it('keeps its total size under the bound by dropping the least recently used entries', () => {
    const cache = new BoundedCache(1000);
    cache.set('a', bytes(200));
    cache.set('b', bytes(200));
    cache.set('c', bytes(200));
    expect(cache.get('a')).toBeDefined(); // a is now the most recently used
    cache.set('d', bytes(200));
    cache.set('e', bytes(200)); // 1000 bytes: still fits
    cache.set('f', bytes(200)); // over: b (least recently used) goes
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.size).toEqual({ entries: 5, bytes: 1000 });
  });

  it('replaces a key without counting it twice, and refuses values too large to share the space', () => {
    const cache = new BoundedCache(1000);
    cache.set('a', bytes(200));
    cache.set('a', bytes(100, 2));
    expect(cache.size).toEqual({ entries: 1, bytes: 100 });
    expect(cache.get('a')![0]).toBe(2);
    cache.set('huge', bytes(600));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size.bytes).toBe(100);
  });

  it('counts hits and misses', () => {
    const cache = new BoundedCache(100);
    cache.get('x');
    cache.set('x', bytes(10));
    cache.get('x');
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 1, misses: 1 });
  });
});
