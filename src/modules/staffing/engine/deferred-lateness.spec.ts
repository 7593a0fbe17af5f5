import fc from 'fast-check';
import { deferredLateness } from './deferred-lateness';
import { spreadDeferredWork } from './deferred-work';

/** Whole items, oldest first: each item finishes when the agents' cumulative seconds reach its end. */
function discreteLateness(
  arrivals: number[],
  handleSeconds: number,
  slotSeconds: number,
  deadlineSlots: number,
  agents: number,
) {
  const items = arrivals.flatMap((count, slot) =>
    Array.from({ length: count }, () => ({ arrival: slot, due: (slot + deadlineSlots) * slotSeconds })),
  );
  let clock = 0;
  let maxLate = 0;
  let late = 0;
  for (const item of items) {
    clock = Math.max(clock, item.arrival * slotSeconds) + handleSeconds / agents;
    // An item cannot start before its slot: an idle agent waits for it.
    if (clock > item.due + 1e-6) {
      late++;
      maxLate = Math.max(maxLate, clock - item.due);
    }
  }
  return { maxLate, late };
}

describe('deferred work: how late it gets with fewer agents', () => {
  // The staffing docs' example: 30, 10, 0, 0, 20, 0, 0, 0 items of 600 s per 30-minute slot, due
  // within 4 slots; the plan's peak is 3 agents. With 2 (6 items a slot), by hand:
  // the first burst has 6 items left at its deadline (end of slot 3), done in slot 4: 6 late,
  // the last one slot late, 6 × ½ slot = 3 item-slots; the 10 of slot 1 (due at the end of
  // slot 4) are all done in slots 5–6: 6 finishing over slot 5 (3 item-slots) and 4 over the
  // first 2/3 of slot 6 (4 × 1 + 6 × (2/3)² / 2 = 5 1/3); the 20 of slot 4 (due at the end of
  // slot 7) get 2 + 6 done in time and 12 in slots 8–9 (3 + 9 item-slots), the last 2 slots late.
  const example = { arrivals: [30, 10, 0, 0, 20, 0, 0, 0], handleSeconds: 600, slotSeconds: 1800, deadlineSlots: 4 };

  it('is late by hand-computed amounts in the docs example with one agent fewer than the peak', () => {
    expect(spreadDeferredWork(example).peakAgents).toBe(3);
    const late = deferredLateness(
      example,
      example.arrivals.map(() => 2),
      2,
    );
    expect(late.lateItems).toBeCloseTo(28, 9);
    expect(late.maxLateSeconds).toBeCloseTo(3600, 6);
    expect(late.lateItemSeconds).toBeCloseTo((3 + 25 / 3 + 12) * 1800, 6);
    expect(late.finishedAfterSeconds).toBeCloseTo(10 * 1800, 6);
    expect(late.unfinishedItems).toBe(0);
  });

  it('is never late with the plan’s own agents, spill-over included', () => {
    const plan = spreadDeferredWork(example);
    const late = deferredLateness(example, [...plan.agents, ...plan.spilloverAgents], 0);
    expect(late).toMatchObject({ lateItems: 0, maxLateSeconds: 0, lateItemSeconds: 0, unfinishedItems: 0 });
  });

  it('counts fractional forecast items as fractions of an item', () => {
    // 1.5 items of 1,800 s in one slot, deadline 1 slot, 1 agent: one item in time, half an item
    // finishing over the next half slot, the last bit 900 s late (0.5 × 900 / 2 item-seconds).
    const late = deferredLateness(
      { arrivals: [1.5], handleSeconds: 1800, slotSeconds: 1800, deadlineSlots: 1 },
      [1],
      1,
    );
    expect(late.lateItems).toBeCloseTo(0.5, 12);
    expect(late.maxLateSeconds).toBeCloseTo(900, 9);
    expect(late.lateItemSeconds).toBeCloseTo(225, 9);
  });

  it('says when work is never done because no agent is left for it', () => {
    const late = deferredLateness(
      { arrivals: [2, 1], handleSeconds: 600, slotSeconds: 1800, deadlineSlots: 2 },
      [0, 0],
      0,
    );
    expect(late).toMatchObject({
      lateItems: 3,
      maxLateSeconds: null,
      lateItemSeconds: null,
      unfinishedItems: 3,
      finishedAfterSeconds: null,
    });
  });

  it('waits for items that have not arrived yet', () => {
    // Nothing in slot 0, 3 items of 600 s in slot 1, one agent: all done within slot 1.
    const late = deferredLateness(
      { arrivals: [0, 3], handleSeconds: 600, slotSeconds: 1800, deadlineSlots: 1 },
      [1, 1],
      1,
    );
    expect(late).toMatchObject({ lateItems: 0, maxLateSeconds: 0 });
    expect(late.finishedAfterSeconds).toBeCloseTo(3600, 9);
  });

  it('agrees with a whole-item simulation on the worst lateness, and is late exactly when it is', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 24 }),
        fc.integer({ min: 60, max: 3600 }),
        fc.constantFrom(900, 1800),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 6 }),
        (arrivals, handleSeconds, slotSeconds, deadlineSlots, agents) => {
          const queue = { arrivals, handleSeconds, slotSeconds, deadlineSlots };
          const late = deferredLateness(
            queue,
            arrivals.map(() => agents),
            agents,
          );
          const discrete = discreteLateness(arrivals, handleSeconds, slotSeconds, deadlineSlots, agents);
          expect(late.maxLateSeconds).toBeCloseTo(discrete.maxLate, 4);
          expect(late.lateItems > 1e-9).toBe(discrete.late > 0);
          expect(late.lateItems).toBeLessThanOrEqual(discrete.late + 1e-6);
        },
      ),
      { seed: 1123, numRuns: 300 },
    );
  });

  it('is late with one agent fewer than the plan’s peak everywhere, never with the peak', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 60, max: 3600 }),
        fc.integer({ min: 1, max: 16 }),
        (arrivals, handleSeconds, deadlineSlots) => {
          const queue = { arrivals, handleSeconds, slotSeconds: 1800, deadlineSlots };
          const { peakAgents } = spreadDeferredWork(queue);
          fc.pre(peakAgents > 0);
          expect(
            deferredLateness(
              queue,
              arrivals.map(() => peakAgents),
              peakAgents,
            ).lateItems,
          ).toBe(0);
          expect(
            deferredLateness(
              queue,
              arrivals.map(() => peakAgents - 1),
              peakAgents - 1,
            ).lateItems,
          ).toBeGreaterThan(0);
        },
      ),
      { seed: 1123, numRuns: 300 },
    );
  });

  it('refuses negative agents and a deadline shorter than a slot', () => {
    expect(() => deferredLateness(example, [-1], 0)).toThrow(RangeError);
    expect(() => deferredLateness({ ...example, deadlineSlots: 0 }, [1], 1)).toThrow(RangeError);
  });
});
