import fc from 'fast-check';
import {
  lowerBoundPerSlotCover,
  type CoverShiftOption,
  type PerSlotCoverInput,
} from '../../bench/shift-design/per-slot-cover-bound';

/** Cover cost of an integer roster: agents per shift, breaks at fixed offsets. */
function coverCost(input: PerSlotCoverInput, agents: number[], breakOffsets: number[][] = []): number {
  const coverage = new Array<number>(input.requiredAgents.length).fill(0);
  input.shifts.forEach((shift, s) => {
    for (const slot of shift.slots) coverage[slot] += agents[s];
    (shift.breaks ?? []).forEach((window, b) => {
      const offset = breakOffsets[s]?.[b] ?? window.earliestOffset;
      for (const slot of shift.slots.slice(offset, offset + window.lengthSlots)) coverage[slot] -= agents[s];
    });
  });
  const weight = (w: number | readonly number[], slot: number) => (typeof w === 'number' ? w : w[slot]);
  const deviation = coverage.reduce((sum, onDuty, slot) => {
    const gap = onDuty - input.requiredAgents[slot];
    return (
      sum +
      (gap > 0
        ? gap * weight(input.overCoverPerAgentMinute, slot)
        : -gap * weight(input.underCoverPerAgentMinute, slot))
    );
  }, 0);
  const shiftCost = input.shifts.reduce((sum, shift, s) => sum + (shift.cost ?? 0) * agents[s], 0);
  return deviation * input.slotMinutes + shiftCost;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

describe('lowerBoundPerSlotCover', () => {
  it('equals the hand-computed LP optimum of a small cover', async () => {
    // Demand 1 on slots 0..3, shifts covering 0..2 and 1..3: any cover leaves one agent-slot
    // short or over in total (x0 = x1 = ½ is short ½ on slots 0 and 3), i.e. 30 minutes.
    const input: PerSlotCoverInput = {
      requiredAgents: [1, 1, 1, 1],
      slotMinutes: 30,
      shifts: [{ slots: [0, 1, 2] }, { slots: [1, 2, 3] }],
      underCoverPerAgentMinute: 1,
      overCoverPerAgentMinute: 1,
    };
    const bound = await lowerBoundPerSlotCover(input);
    expect(bound.proven).toBe(true);
    expect(bound.lowerBound).toBeCloseTo(30, 6);
    expect(bound.lowerBound).toBeLessThanOrEqual(coverCost(input, [1, 1]));
    expect(bound.underCoverMinutes + bound.overCoverMinutes).toBeCloseTo(30, 6);
  });

  it('merges identical shifts into one column and adds up their caps', async () => {
    const many: CoverShiftOption[] = Array.from({ length: 200 }, (_, k) => ({
      slots: range(k % 2, (k % 2) + 4),
      maxAgents: 1,
    }));
    const input: PerSlotCoverInput = {
      requiredAgents: [150, 150, 150, 150, 150],
      slotMinutes: 15,
      shifts: many,
      underCoverPerAgentMinute: 3,
      overCoverPerAgentMinute: 1,
    };
    const bound = await lowerBoundPerSlotCover(input);
    expect(bound.distinctShiftOptions).toBe(2);
    // The same bound as two shifts capped at 100 agents each (100 copies of each, one agent each).
    const capped = await lowerBoundPerSlotCover({
      ...input,
      shifts: [
        { slots: range(0, 4), maxAgents: 100 },
        { slots: range(1, 5), maxAgents: 100 },
      ],
    });
    expect(bound.lowerBound).toBeCloseTo(capped.lowerBound, 6);
  });

  it('lets flexible breaks go where demand dips', async () => {
    // Two agents on 6-slot shifts, each with a 1-slot break at offset 2 or 3; demand dips to 1 at 2 and 3.
    const input: PerSlotCoverInput = {
      requiredAgents: [2, 2, 1, 1, 2, 2],
      slotMinutes: 30,
      shifts: [{ slots: range(0, 6), breaks: [{ lengthSlots: 1, earliestOffset: 2, latestOffset: 3 }] }],
      underCoverPerAgentMinute: 1,
      overCoverPerAgentMinute: 1,
    };
    const bound = await lowerBoundPerSlotCover(input);
    expect(bound.lowerBound).toBeCloseTo(0, 6);
    // Both meals at the same slot would cost an hour; the bound sees the staggered placement.
    expect(coverCost(input, [2], [[2]])).toBe(60);
    expect(bound.agentsPerShift[0]).toBeCloseTo(2, 6);
  });

  it('respects the per-day and total caps', async () => {
    const input: PerSlotCoverInput = {
      requiredAgents: [3, 3, 3, 3],
      slotMinutes: 60,
      shifts: [
        { slots: [0, 1], day: 0 },
        { slots: [2, 3], day: 1 },
      ],
      underCoverPerAgentMinute: 1,
      overCoverPerAgentMinute: 0,
      maxShiftsPerDay: [1, 5],
      maxShiftsTotal: 3,
    };
    const bound = await lowerBoundPerSlotCover(input);
    // Day 0 gets 1 agent (2 short on 2 slots), day 1 gets 2 (1 short on 2 slots) → 6 agent-hours.
    expect(bound.lowerBound).toBeCloseTo(6 * 60, 6);
  });

  it('is never above the cover cost of an integer roster built from the same shifts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(4), { minLength: 8, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(7), fc.integer({ min: 1, max: 4 }), fc.nat(3)), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 5 }),
        async (requiredAgents, shiftSpecs, underWeight) => {
          const shifts = shiftSpecs.map(([start, length]) => ({ slots: range(start, Math.min(8, start + length)) }));
          const input: PerSlotCoverInput = {
            requiredAgents,
            slotMinutes: 15,
            shifts,
            underCoverPerAgentMinute: underWeight,
            overCoverPerAgentMinute: 1,
          };
          const bound = await lowerBoundPerSlotCover(input);
          return (
            bound.lowerBound <=
            coverCost(
              input,
              shiftSpecs.map(([, , agents]) => agents),
            ) +
              1e-6
          );
        },
      ),
      { seed: 7, numRuns: 60 },
    );
  });
});
