import { timeOrderedId } from './time-ordered-id';

describe('timeOrderedId', () => {
  it('is a version 7 UUID with the RFC variant', () => {
    for (let i = 0; i < 1000; i++)
      expect(timeOrderedId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sorts by time and does not repeat', () => {
    const ids = [timeOrderedId(1_700_000_000_000), timeOrderedId(1_700_000_000_001), timeOrderedId(1_800_000_000_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 100_000 }, () => timeOrderedId())).size).toBe(100_000);
  });

  it('carries its millisecond time in the first 48 bits', () => {
    const id = timeOrderedId(1_763_856_000_123);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(1_763_856_000_123);
  });
});
