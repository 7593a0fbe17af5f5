import fc from 'fast-check';
import { DeferredPlan, DeferredQueue, spreadDeferredWork } from './deferred-work';
import { positionsAfterShrinkage } from './shrinkage';

/**
 * Independent feasibility check: run the plan's agents (horizon + spill-over slots) over the items,
 * oldest first, and report whether every item is done by the end of its deadline slot.
 */
function everyItemOnTime(queue: DeferredQueue, plan: DeferredPlan): boolean {
  const agents = [...plan.agents, ...plan.spilloverAgents];
  const open: { work: number; dueSlot: number }[] = [];
  for (let slot = 0; slot < agents.length; slot++) {
    if (slot < queue.arrivals.length) {
      for (let item = 0; item < queue.arrivals[slot]; item++)
        open.push({ work: queue.handleSeconds, dueSlot: slot + queue.deadlineSlots - 1 });
    }
    let capacity = agents[slot] * queue.slotSeconds;
    while (open.length > 0 && capacity > 1e-9) {
      const step = Math.min(capacity, open[0].work);
      open[0].work -= step;
      capacity -= step;
      if (open[0].work <= 1e-9) open.shift();
    }
    if (open.some((item) => item.dueSlot <= slot)) return false;
  }
  return open.length === 0;
}

/**
 * Brute force on whole items: try every way to put each item in a slot of its window; an agent
 * fits `perAgent` items in a slot. The least peak over all ways is the true optimum.
 */
function bruteForcePeak(arrivals: number[], deadlineSlots: number, perAgent: number): number {
  const windows: number[][] = [];
  arrivals.forEach((count, slot) => {
    for (let i = 0; i < count; i++) windows.push(Array.from({ length: deadlineSlots }, (_, k) => slot + k));
  });
  const load = new Array<number>(arrivals.length + deadlineSlots).fill(0);
  let best = Infinity;
  const place = (item: number): void => {
    if (item === windows.length) {
      best = Math.min(best, Math.max(0, ...load.map((items) => Math.ceil(items / perAgent))));
      return;
    }
    for (const slot of windows[item]) {
      load[slot]++;
      place(item + 1);
      load[slot]--;
    }
  };
  place(0);
  return best;
}

describe('deferred work: fewest peak agents that finish every item in time', () => {
  it('spreads a morning burst over the deadline instead of staffing for the burst', () => {
    const queue = { arrivals: [40, 0, 0, 0, 0, 0, 0, 0], handleSeconds: 450, slotSeconds: 1800, deadlineSlots: 8 };
    const plan = spreadDeferredWork(queue);
    // 40 items × 450 s = 18,000 s of work over 8 slots of 1,800 s: 1.25 agents, so 2 at the peak.
    expect(plan.fluidPeak).toBeCloseTo(1.25, 12);
    expect(plan.peakAgents).toBe(2);
    expect(Math.max(...plan.agents)).toBe(2);
    expect(plan.workSeconds.reduce((s, w) => s + w, 0)).toBeCloseTo(18_000, 6);
    expect(everyItemOnTime(queue, plan)).toBe(true);
  });

  it('staffs each slot for its own arrivals when the deadline is one slot', () => {
    const queue = { arrivals: [4, 0, 9, 1], handleSeconds: 600, slotSeconds: 1800, deadlineSlots: 1 };
    const plan = spreadDeferredWork(queue);
    expect(plan.agents).toEqual(queue.arrivals.map((n) => Math.ceil((n * 600) / 1800)));
    expect(plan.spilloverAgents).toEqual([]);
  });

  it('carries items due after the horizon into spill-over slots', () => {
    const queue = { arrivals: [0, 0, 12], handleSeconds: 900, slotSeconds: 1800, deadlineSlots: 3 };
    const plan = spreadDeferredWork(queue);
    expect(plan.spilloverAgents).toHaveLength(2);
    expect(plan.peakAgents).toBe(2);
    expect(everyItemOnTime(queue, plan)).toBe(true);
    expect(plan.spilloverWorkSeconds.reduce((s, w) => s + w, 0)).toBeGreaterThan(0);
  });

  it('applies shrinkage to each slot once when asked', () => {
    const plan = spreadDeferredWork({
      arrivals: [20, 5, 0, 0],
      handleSeconds: 600,
      slotSeconds: 1800,
      deadlineSlots: 2,
      shrinkage: 0.3,
    });
    expect(plan.positions).toEqual(plan.agents.map((raw) => positionsAfterShrinkage(raw, 0.3)));
    expect(plan.positions?.[3]).toBe(0);
    expect(plan.positions?.[0]).toBe(Math.ceil(plan.peakAgents / 0.7));
  });

  it('has every item done before its deadline, at no more than the peak, never below the lower bound', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 30, max: 3600 }),
        fc.constantFrom(900, 1800, 3600),
        fc.integer({ min: 1, max: 48 }),
        (arrivals, handleSeconds, slotSeconds, deadlineSlots) => {
          const queue = { arrivals, handleSeconds, slotSeconds, deadlineSlots };
          const plan = spreadDeferredWork(queue);
          expect(everyItemOnTime(queue, plan)).toBe(true);
          expect(Math.max(0, ...plan.agents, ...plan.spilloverAgents)).toBeLessThanOrEqual(plan.peakAgents);
          expect(plan.peakAgents).toBeGreaterThanOrEqual(plan.fluidPeak - 1e-9);
          expect(plan.peakAgents).toBeLessThan(plan.fluidPeak + 1 + 1e-9);
          // One agent fewer at every slot is never enough (the plan's peak is the least possible).
          if (plan.peakAgents > 0) {
            const fewer = {
              ...plan,
              agents: arrivals.map(() => plan.peakAgents - 1),
              spilloverAgents: plan.spilloverAgents.map(() => plan.peakAgents - 1),
            };
            expect(everyItemOnTime(queue, fewer)).toBe(false);
          }
        },
      ),
      { seed: 1123, numRuns: 300 },
    );
  });

  it('matches the brute-force least peak on small cases', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (arrivals, deadlineSlots, perAgent) => {
          fc.pre(arrivals.reduce((s, n) => s + n, 0) <= 9);
          const plan = spreadDeferredWork({
            arrivals,
            handleSeconds: 1800 / perAgent,
            slotSeconds: 1800,
            deadlineSlots,
          });
          expect(plan.peakAgents).toBe(bruteForcePeak(arrivals, deadlineSlots, perAgent));
        },
      ),
      { seed: 1123, numRuns: 300 },
    );
  });

  it('refuses a deadline shorter than one slot and negative arrivals', () => {
    expect(() => spreadDeferredWork({ arrivals: [1], handleSeconds: 60, slotSeconds: 1800, deadlineSlots: 0 })).toThrow(
      RangeError,
    );
    expect(() =>
      spreadDeferredWork({ arrivals: [-1], handleSeconds: 60, slotSeconds: 1800, deadlineSlots: 1 }),
    ).toThrow(RangeError);
  });
});
