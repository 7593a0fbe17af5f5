import fc from 'fast-check';
import { adjustedValue, AdjustmentRule } from './adjusted-value';

const rule = (id: string, kind: AdjustmentRule['kind'], value: number, from: string, to: string): AdjustmentRule => ({
  id,
  kind,
  value,
  startsAt: new Date(from),
  endsAt: new Date(to),
  reason: `reason ${id}`,
  createdBy: 'u1',
});

describe('adjusted value beside the model value', () => {
  const live = rule('p', 'percent', 50, '2026-12-12T02:00:00Z', '2026-12-12T04:00:00Z');
  const extra = rule('a', 'absolute', -5, '2026-12-12T03:00:00Z', '2026-12-12T05:00:00Z');

  it('applies the rules whose half-open range holds the slot start, in the order given', () => {
    expect(adjustedValue(new Date('2026-12-12T02:00:00Z'), 40, [live, extra])).toEqual({
      adjusted: 60,
      applied: [expect.objectContaining({ id: 'p', reason: 'reason p' })],
    });
    expect(adjustedValue(new Date('2026-12-12T03:30:00Z'), 40, [live, extra]).adjusted).toBe(55);
    // Reversed order: absolute first, then the percentage scales the result.
    expect(adjustedValue(new Date('2026-12-12T03:30:00Z'), 40, [extra, live]).adjusted).toBe(52.5);
    const atEnd = adjustedValue(new Date('2026-12-12T04:00:00Z'), 40, [live, extra]);
    expect(atEnd).toEqual({
      adjusted: 35,
      applied: [expect.objectContaining({ id: 'a', kind: 'absolute', value: -5 })],
    });
    expect(adjustedValue(new Date('2026-12-12T05:00:00Z'), 40, [live, extra])).toEqual({ adjusted: 40, applied: [] });
  });

  it('never goes below zero arrivals', () => {
    expect(adjustedValue(new Date('2026-12-12T04:30:00Z'), 3, [extra]).adjusted).toBe(0);
    expect(
      adjustedValue(new Date('2026-12-12T02:30:00Z'), 3, [
        rule('x', 'percent', -100, '2026-12-12T00:00:00Z', '2026-12-13T00:00:00Z'),
      ]).adjusted,
    ).toBe(0);
  });

  it('keeps the model value outside every range, and is never negative inside', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.array(
          fc.tuple(fc.boolean(), fc.double({ min: -100, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 47 })),
          { maxLength: 6 },
        ),
        (model, specs) => {
          const rules = specs.map(([percent, value, slot], k) => {
            const start = Date.UTC(2026, 11, 12) + slot * 1_800_000;
            return rule(
              String(k),
              percent ? 'percent' : 'absolute',
              value,
              new Date(start).toISOString(),
              new Date(start + 1_800_000).toISOString(),
            );
          });
          expect(adjustedValue(new Date('2026-12-13T00:00:00Z'), model, rules)).toEqual({
            adjusted: model,
            applied: [],
          });
          for (const r of rules) expect(adjustedValue(r.startsAt, model, rules).adjusted).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
