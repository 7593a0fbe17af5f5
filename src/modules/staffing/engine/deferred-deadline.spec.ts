import fc from 'fast-check';
import { deferredLateness } from './deferred-lateness';
import { spreadDeferredWork } from './deferred-work';

/**
 * Deadlines that are not whole slots. The items of slot i count as arriving at its start (i·S)
 * and are due at i·S + deadline exactly, so a due time can fall inside a slot.
 */
describe('deferred work: a deadline that is not a whole number of slots', () => {
  // 45 minutes on 30-minute slots (1.5 slots). 9 items of 600 s at 09:00 are due at 09:45.
  // By hand: 5,400 s of work in 2,700 s needs 2 agents; they do 3,600 s by 09:30 and the last
  // 1,800 s by 09:45, which takes both agents in the second slot although its work alone
  // (1,800 s) would fill only one. Rounded down to one slot, the old figure was 3 agents.
  const ninety = { arrivals: [9, 0], handleSeconds: 600, slotSeconds: 1800, deadlineSlots: 45 / 30 };

  it('staffs 45 minutes on 30-minute slots by hand: 2 agents in both slots', () => {
    const plan = spreadDeferredWork(ninety);
    expect(plan.fluidPeak).toBeCloseTo(2, 12);
    expect(plan.peakAgents).toBe(2);
    expect(plan.agents).toEqual([2, 2]);
    expect(plan.workSeconds).toEqual([3600, 1800]);
    // The last item (slot 1, due at 1:15 after the start) could be worked into slot 2.
    expect(plan.spilloverAgents).toEqual([0]);
  });

  it('is late by hand with one agent fewer than the peak, against the exact due time', () => {
    // 1 agent: the items finish at 600, 1,200, …, 5,400 s, due at 2,700 s: from 2,700 s to 5,400 s
    // 4.5 items (fluid) finish late, the last 2,700 s late, (1/600) × 2,700² / 2 = 6,075 item-seconds.
    const late = deferredLateness(ninety, [1, 1], 1);
    expect(late.lateItems).toBeCloseTo(4.5, 9);
    expect(late.maxLateSeconds).toBeCloseTo(2700, 6);
    expect(late.lateItemSeconds).toBeCloseTo(6075, 6);
    expect(late.finishedAfterSeconds).toBeCloseTo(5400, 6);
    expect(deferredLateness(ninety, [2, 1], 2).lateItems).toBeGreaterThan(0); // the plan's 2nd agent is needed
    expect(deferredLateness(ninety, [2, 2], 2).lateItems).toBe(0);
  });

  it('staffs the docs example with a 45-minute deadline by hand', () => {
    // 30, 10, 0, 0, 20, 0, 0, 0 items of 600 s: the densest window is slot 0 alone, 18,000 s due
    // within 2,700 s → 6⅔ → 7 agents (10 with the deadline rounded down to 30 minutes). With 7:
    // slot 0 does 12,600 s; slot 1 the last 5,400 s of the burst by 1,800 + 771 s (due 2,700)
    // and the 6,000 s of slot 1 (due 4,500): 11,400 s; slot 4 its 12,000 s.
    const example = {
      arrivals: [30, 10, 0, 0, 20, 0, 0, 0],
      handleSeconds: 600,
      slotSeconds: 1800,
      deadlineSlots: 1.5,
    };
    const plan = spreadDeferredWork(example);
    expect(plan.fluidPeak).toBeCloseTo(20 / 3, 12);
    expect(plan.agents).toEqual([7, 7, 0, 0, 7, 0, 0, 0]);
    expect(plan.workSeconds).toEqual([12_600, 11_400, 0, 0, 12_000, 0, 0, 0]);
    expect(plan.spilloverAgents).toEqual([0]);
    // 6 agents (18 items a slot): 12 of the burst are left at 1,800 s and finish at 3,000 s, due
    // 2,700: 3 items late, the last by 300 s, 0.01 × 300² / 2 = 450 item-seconds; slot 1's 10
    // finish by 4,000 (due 4,500), slot 4's 20 by 9,200 (due 9,900).
    const late = deferredLateness(
      example,
      example.arrivals.map(() => 6),
      6,
    );
    expect(late.lateItems).toBeCloseTo(3, 9);
    expect(late.maxLateSeconds).toBeCloseTo(300, 6);
    expect(late.lateItemSeconds).toBeCloseTo(450, 6);
    expect(late.finishedAfterSeconds).toBeCloseTo(9200, 6);
  });

  it('staffs a deadline shorter than a slot by hand: 10 minutes on 15-minute slots', () => {
    // 3 items of 300 s at slot 0 due at 600 s: 900 s in 600 s → 1.5 → 2 agents in slot 0 (one
    // would do the slot's 900 s, but the last item 300 s late); 2 items at slot 2 (1,800 s) due at
    // 2,400 s: 600 s in 600 s → 1 agent.
    const short = { arrivals: [3, 0, 2], handleSeconds: 300, slotSeconds: 900, deadlineSlots: 10 / 15 };
    const plan = spreadDeferredWork(short);
    expect(plan.fluidPeak).toBeCloseTo(1.5, 12);
    expect(plan.peakAgents).toBe(2);
    expect(plan.agents).toEqual([2, 0, 1]);
    expect(plan.spilloverAgents).toEqual([]);
    // 1 agent: the 3rd item of slot 0 finishes at 900 s, 300 s after 600 s; slot 2's two are done
    // at 2,400 s, exactly in time.
    const late = deferredLateness(short, [1, 1, 1], 1);
    expect(late.lateItems).toBeCloseTo(1, 9);
    expect(late.maxLateSeconds).toBeCloseTo(300, 6);
    expect(late.lateItemSeconds).toBeCloseTo(150, 6);
    expect(late.finishedAfterSeconds).toBeCloseTo(2400, 6);
  });

  it('meets every exact due time with its own agents, and its peak is the least that does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 60, max: 3600 }),
        fc.constantFrom(15, 30, 60),
        fc.integer({ min: 5, max: 600 }),
        (arrivals, handleSeconds, slotMinutes, deadlineMinutes) => {
          const queue = {
            arrivals,
            handleSeconds,
            slotSeconds: slotMinutes * 60,
            deadlineSlots: deadlineMinutes / slotMinutes,
          };
          const plan = spreadDeferredWork(queue);
          expect(plan.spilloverAgents).toHaveLength(Math.ceil(deadlineMinutes / slotMinutes) - 1);
          const own = deferredLateness(queue, [...plan.agents, ...plan.spilloverAgents], 0);
          expect(own).toMatchObject({ lateItems: 0, unfinishedItems: 0 });
          expect(Math.max(0, ...plan.agents, ...plan.spilloverAgents)).toBeLessThanOrEqual(plan.peakAgents);
          const constant = (n: number) =>
            deferredLateness(
              queue,
              arrivals.map(() => n),
              n,
            ).lateItems;
          if (plan.peakAgents > 0) {
            expect(constant(plan.peakAgents)).toBe(0);
            expect(constant(plan.peakAgents - 1)).toBeGreaterThan(0);
          }
        },
      ),
      { seed: 2605, numRuns: 300 },
    );
  });

  it('never needs more agents for a longer deadline, and equals the whole-slot figures at slot multiples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 60, max: 1800 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 29 }),
        (arrivals, handleSeconds, wholeSlots, extraMinutes) => {
          const at = (minutes: number) =>
            spreadDeferredWork({ arrivals, handleSeconds, slotSeconds: 1800, deadlineSlots: minutes / 30 });
          const whole = at(wholeSlots * 30);
          const between = at(wholeSlots * 30 + extraMinutes);
          const next = at((wholeSlots + 1) * 30);
          expect(between.peakAgents).toBeLessThanOrEqual(whole.peakAgents);
          expect(next.peakAgents).toBeLessThanOrEqual(between.peakAgents);
          expect(whole).toEqual(
            spreadDeferredWork({ arrivals, handleSeconds, slotSeconds: 1800, deadlineSlots: wholeSlots }),
          );
        },
      ),
      { seed: 2605, numRuns: 200 },
    );
  });

  it('refuses a deadline that is not a positive finite number of slots', () => {
    for (const deadlineSlots of [0, -0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => spreadDeferredWork({ ...ninety, deadlineSlots })).toThrow(RangeError);
      expect(() => deferredLateness({ ...ninety, deadlineSlots }, [1], 1)).toThrow(RangeError);
    }
  });
});
