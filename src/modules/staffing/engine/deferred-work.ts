/**
 * Deferred queues (e-mail, reviews, after-sales cases): work = items × handle time, each item due
 * within a deadline. Arrival assumption: the items of slot i count as arriving at the start of
 * slot i, so each may be worked from i·S on and is due at i·S + deadline, the deadline exact (in
 * slots D = deadline / S, not necessarily whole: 45 minutes on 30-minute slots is D = 1.5, 10
 * minutes on 15-minute slots D = ⅔). Work is treated as divisible (an agent can stop one item at
 * the slot end and go on in the next), so the fewest peak agents come from the densest window of
 * deadlines:
 *
 *   peak* = max over arrival slots a ≤ e of  Σ_{i=a..e} work_i / ((e − a + D) × slot seconds)
 *
 * (all work that arrives in a..e must be done between a·S and e·S + deadline), and ceil(peak*)
 * agents in every slot suffice, working earliest-deadline-first. The plan works each item as early
 * as that peak allows, so a slot's requirement follows its arrivals and only a backlog is spread;
 * a slot holding a due time needs, besides its share of the work, enough agents to finish what is
 * due by then (working from the slot's start).
 */
import { positionsAfterShrinkage, ShrinkageAccount } from './shrinkage';

export interface DeferredQueue {
  /** Items arriving in each slot of the horizon. */
  arrivals: readonly number[];
  handleSeconds: number;
  slotSeconds: number;
  /**
   * The deadline in slots (> 0, need not be whole): an item arriving in slot i may be worked from
   * the start of slot i on and must be done by (i + deadlineSlots) × slotSeconds.
   */
  deadlineSlots: number;
  /** When given, `positions` is filled in (the same rule as the real-time queues). */
  shrinkage?: ShrinkageAccount | number;
}

export interface DeferredPlan {
  /** The fewest agents any plan needs in its busiest slot. */
  peakAgents: number;
  /** The same bound with fractional agents (the densest window's work rate). */
  fluidPeak: number;
  /** Agents per slot of the horizon (≤ peakAgents). */
  agents: number[];
  /** Work done per slot (agent-seconds). */
  workSeconds: number[];
  /** Agents needed per slot after the horizon, for items due beyond it (⌈deadlineSlots⌉ − 1 slots). */
  spilloverAgents: number[];
  spilloverWorkSeconds: number[];
  /** Agents to schedule after shrinkage, per slot of the horizon (only with `shrinkage`). */
  positions?: number[];
}

/** Slack on times measured in slots (a finish exactly at its due time is in time). */
const SLOT_EPS = 1e-9;

export function spreadDeferredWork(queue: DeferredQueue): DeferredPlan {
  assertQueue(queue);
  const { arrivals, handleSeconds, slotSeconds, deadlineSlots } = queue;
  const work = arrivals.map((items) => items * handleSeconds);
  const fluidPeak = densestWindow(work, deadlineSlots) / slotSeconds;
  let peakAgents = Math.max(0, Math.ceil(fluidPeak - 1e-9));
  let done = earliestDeadlineFirst(work, deadlineSlots, peakAgents, slotSeconds);
  // Rounding can leave a hair of work late at an exactly whole peak; one more agent always suffices.
  while (done === null) done = earliestDeadlineFirst(work, deadlineSlots, ++peakAgents, slotSeconds);
  const agents = agentsPerSlot(work, deadlineSlots, slotSeconds, done);
  const n = arrivals.length;
  const plan: DeferredPlan = {
    peakAgents,
    fluidPeak,
    agents: agents.slice(0, n),
    workSeconds: done.slice(0, n),
    spilloverAgents: agents.slice(n),
    spilloverWorkSeconds: done.slice(n),
  };
  const shrinkage = queue.shrinkage;
  if (shrinkage !== undefined) plan.positions = plan.agents.map((raw) => positionsAfterShrinkage(raw, shrinkage));
  return plan;
}

/** Slots the plan covers: the horizon and those after it up to the last item's due time. */
const planSlots = (arrivalSlots: number, deadlineSlots: number) =>
  arrivalSlots - 1 + Math.ceil(deadlineSlots - SLOT_EPS);

/** Largest work / (window length) over all windows that must contain whole arrival runs. */
function densestWindow(work: readonly number[], deadlineSlots: number): number {
  const prefix = [0];
  for (const w of work) prefix.push(prefix[prefix.length - 1] + w);
  let densest = 0;
  for (let first = 0; first < work.length; first++) {
    if (work[first] === 0) continue; // a window starting on an empty slot is beaten by the one starting after it
    for (let last = first; last < work.length; last++) {
      const rate = (prefix[last + 1] - prefix[first]) / (last - first + deadlineSlots);
      if (rate > densest) densest = rate;
    }
  }
  return densest;
}

/**
 * Work done per slot when `agents` work every slot from its start, oldest items first (with one
 * deadline for all, oldest = earliest due); null if an item finishes after its due time.
 */
function earliestDeadlineFirst(
  work: readonly number[],
  deadlineSlots: number,
  agents: number,
  slotSeconds: number,
): number[] | null {
  const capacity = agents * slotSeconds;
  const remaining = [...work];
  const tolerance = 1e-9 * Math.max(1, capacity);
  const done: number[] = [];
  let oldest = 0;
  for (let slot = 0; slot < planSlots(work.length, deadlineSlots); slot++) {
    let used = 0;
    const newest = Math.min(slot, work.length - 1);
    while (oldest <= newest) {
      if (remaining[oldest] <= tolerance) {
        oldest++;
        continue;
      }
      if (used >= capacity) break;
      const step = Math.min(capacity - used, remaining[oldest]);
      remaining[oldest] -= step;
      used += step;
      // Finished within the slot at slot + used / capacity (in slots): after its due time is late.
      if (remaining[oldest] <= tolerance && slot + used / capacity > oldest + deadlineSlots + SLOT_EPS) return null;
    }
    done.push(used);
    if (oldest < work.length && remaining[oldest] > tolerance && oldest + deadlineSlots <= slot + 1 + SLOT_EPS)
      return null;
  }
  return done;
}

/**
 * Agents per slot for the work `done` in it: enough for that work, and where an item is due inside
 * the slot, enough to finish everything due by then working from the slot's start.
 */
function agentsPerSlot(work: readonly number[], deadlineSlots: number, slotSeconds: number, done: number[]): number[] {
  const arrived = [0];
  for (const w of work) arrived.push(arrived[arrived.length - 1] + w);
  let doneBefore = 0;
  return done.map((seconds, slot) => {
    let agents = Math.ceil(seconds / slotSeconds - 1e-9);
    // Arrivals due strictly inside this slot (whole-slot deadlines are due at slot ends only).
    for (let cohort = Math.max(0, Math.floor(slot - deadlineSlots)); cohort < work.length; cohort++) {
      const due = cohort + deadlineSlots;
      if (due >= slot + 1 - SLOT_EPS) break;
      if (due <= slot + SLOT_EPS) continue;
      const open = arrived[cohort + 1] - doneBefore;
      if (open > 1e-9 * Math.max(1, seconds))
        agents = Math.max(agents, Math.ceil(open / ((due - slot) * slotSeconds) - 1e-9));
    }
    doneBefore += seconds;
    return Math.max(0, agents);
  });
}

function assertQueue(queue: DeferredQueue): void {
  if (!(queue.handleSeconds > 0)) throw new RangeError(`handle time must be > 0 seconds, got ${queue.handleSeconds}`);
  if (!(queue.slotSeconds > 0)) throw new RangeError(`slot length must be > 0 seconds, got ${queue.slotSeconds}`);
  assertDeadline(queue.deadlineSlots);
  for (const items of queue.arrivals)
    if (!(items >= 0 && Number.isFinite(items)))
      throw new RangeError(`arrivals must be finite numbers ≥ 0, got ${items}`);
}

/** A deadline is a positive, finite number of slots (whole or not). */
export function assertDeadline(deadlineSlots: number): void {
  if (!(deadlineSlots > 0 && Number.isFinite(deadlineSlots)))
    throw new RangeError(`deadline must be a finite number of slots > 0, got ${deadlineSlots}`);
}
