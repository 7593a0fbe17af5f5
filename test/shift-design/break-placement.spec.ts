import fc from 'fast-check';
import { placeBreaks, type BreakPlacementInput, type BreakRule } from '../../bench/shift-design/break-placement';

const meal: BreakRule = { name: 'meal', lengthSlots: 2, minShiftSlots: 16, earliestOffset: 6, latestOffset: 10 };
const rest: BreakRule = { name: 'rest', lengthSlots: 1, minShiftSlots: 8, earliestOffset: 2, latestOffset: 4 };

/** Least shortage over every combination of break offsets (tiny instances only). */
function bruteForceShortage(input: BreakPlacementInput): number {
  const pieces = input.shifts.flatMap((shift) =>
    input.rules.filter((r) => shift.length >= r.minShiftSlots).map((rule) => ({ shift, rule })),
  );
  let best = Infinity;
  const offsets: number[] = [];
  const visit = (i: number): void => {
    if (i === pieces.length) {
      const coverage = input.requiredAgents.map(() => 0);
      input.shifts.forEach((s) => {
        for (let t = s.start; t < s.start + s.length; t++) coverage[t]++;
      });
      pieces.forEach((p, k) => {
        for (let t = 0; t < p.rule.lengthSlots; t++) coverage[p.shift.start + offsets[k] + t]--;
      });
      best = Math.min(
        best,
        coverage.reduce((sum, c, t) => sum + Math.max(0, input.requiredAgents[t] - c), 0),
      );
      return;
    }
    const { shift, rule } = pieces[i];
    for (
      let offset = rule.earliestOffset;
      offset <= Math.min(rule.latestOffset, shift.length - rule.lengthSlots);
      offset++
    ) {
      offsets[i] = offset;
      visit(i + 1);
    }
  };
  visit(0);
  return best;
}

describe('placeBreaks', () => {
  it('puts lunch where demand dips, not at a fixed offset', () => {
    // 30-minute slots from 08:00; demand dips at 13:00–14:00 (slots 10, 11).
    const requiredAgents = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 2, 2, 2, 2, 2, 2];
    const result = placeBreaks({
      requiredAgents,
      shifts: [
        { id: 'a', start: 0, length: 18 },
        { id: 'b', start: 0, length: 18 },
        { id: 'c', start: 0, length: 18 },
      ],
      rules: [meal],
    });
    expect(result.shortageAgentSlots).toBe(0);
    expect(result.unplaced).toEqual([]);
    // Three meals of 2 slots, one spare agent on every slot: the one at the dip has two spares.
    expect(result.breaks.filter((b) => b.start === 10)).toHaveLength(1);
    expect(result.coverage.every((onDuty, slot) => onDuty >= requiredAgents[slot])).toBe(true);
  });

  it('staggers breaks of identical shifts instead of stacking them', () => {
    const result = placeBreaks({
      requiredAgents: new Array(8).fill(2),
      shifts: ['a', 'b', 'c'].map((id) => ({ id, start: 0, length: 8 })),
      rules: [rest],
    });
    expect(result.breaks.map((b) => b.start).sort()).toEqual([2, 3, 4]);
    expect(result.shortageAgentSlots).toBe(0);
  });

  it('keeps a shift’s breaks apart, skips rules for short shifts and reports breaks that do not fit', () => {
    const result = placeBreaks({
      requiredAgents: new Array(20).fill(0),
      shifts: [
        { id: 'long', start: 0, length: 18 },
        { id: 'short', start: 2, length: 8 },
        { id: 'tiny', start: 0, length: 3 },
      ],
      rules: [meal, rest, { name: 'late-rest', lengthSlots: 1, minShiftSlots: 2, earliestOffset: 3, latestOffset: 5 }],
      minSlotsBetweenBreaks: 2,
    });
    const long = result.breaks.filter((b) => b.shiftId === 'long').sort((a, b) => a.start - b.start);
    long.slice(1).forEach((b, k) => expect(b.start).toBeGreaterThanOrEqual(long[k].start + long[k].length + 2));
    expect(
      result.breaks
        .filter((b) => b.shiftId === 'short')
        .map((b) => b.rule)
        .sort(),
    ).toEqual(['late-rest', 'rest']);
    expect(result.unplaced).toEqual([{ shiftId: 'tiny', rule: 'late-rest' }]);
  });

  it('is deterministic and matches the least shortage of every placement on tiny days', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(3), { minLength: 10, maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(2), fc.integer({ min: 8, max: 8 })), { minLength: 1, maxLength: 4 }),
        (requiredAgents, shiftSpecs) => {
          const input: BreakPlacementInput = {
            requiredAgents,
            shifts: shiftSpecs.map(([start, length], k) => ({ id: `s${k}`, start, length })),
            rules: [rest, { name: 'rest2', lengthSlots: 1, minShiftSlots: 8, earliestOffset: 5, latestOffset: 6 }],
            minSlotsBetweenBreaks: 0,
          };
          const result = placeBreaks(input);
          expect(placeBreaks(input)).toEqual(result);
          return result.shortageAgentSlots === bruteForceShortage(input);
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });
});
