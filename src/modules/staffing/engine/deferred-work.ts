/**
 * Deferred queues (e-mail, reviews, after-sales cases): work = items × handle time, each item due
 * within a deadline. Work is treated as divisible (an agent can stop one item at the slot end and
 * go on in the next), so the fewest peak agents come from the densest window of deadlines:
 *
 *   peak* = max over arrival slots a ≤ e of  Σ_{i=a..e} work_i / ((e − a + D) × slot seconds)
 *
 * (all work that arrives in a..e must be done in slots a..e + D − 1), and ceil(peak*) agents in
 * every slot suffice, working earliest-deadline-first. The plan works each item as early as that
 * peak allows, so a slot's requirement follows its arrivals and only a backlog is spread.
 */
import { positionsAfterShrinkage, ShrinkageAccount } from './shrinkage';

export interface DeferredQueue {
  /** Items arriving in each slot of the horizon. */
  arrivals: readonly number[];
  handleSeconds: number;
  slotSeconds: number;
  /** An item arriving in slot i may be worked from slot i on and must be done by the end of slot i + deadlineSlots − 1. */
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
  /** Agents needed per slot after the horizon, for items whose deadline falls beyond it (deadlineSlots − 1 slots). */
  spilloverAgents: number[];
  spilloverWorkSeconds: number[];
  /** Agents to schedule after shrinkage, per slot of the horizon (only with `shrinkage`). */
  positions?: number[];
}

export function spreadDeferredWork(queue: DeferredQueue): DeferredPlan {
  assertQueue(queue);
  const { arrivals, handleSeconds, slotSeconds, deadlineSlots } = queue;
  const work = arrivals.map((items) => items * handleSeconds);
  const fluidPeak = densestWindow(work, deadlineSlots) / slotSeconds;
  let peakAgents = Math.max(0, Math.ceil(fluidPeak - 1e-9));
  let done = earliestDeadlineFirst(work, deadlineSlots, peakAgents * slotSeconds);
  // Rounding can leave a hair of work late at an exactly whole peak; one more agent always suffices.
  while (done === null) done = earliestDeadlineFirst(work, deadlineSlots, ++peakAgents * slotSeconds);
  const agents = done.map((seconds) => Math.max(0, Math.ceil(seconds / slotSeconds - 1e-9)));
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
 * Work done per slot (horizon + deadline − 1 slots) when `capacity` agent-seconds per slot go to
 * the oldest items first (with one deadline for all, oldest = earliest due); null if an item is late.
 */
function earliestDeadlineFirst(work: readonly number[], deadlineSlots: number, capacity: number): number[] | null {
  const slots = work.length + deadlineSlots - 1;
  const remaining = [...work];
  const tolerance = 1e-9 * Math.max(1, capacity);
  const done: number[] = [];
  let oldest = 0;
  for (let slot = 0; slot < slots; slot++) {
    let free = capacity;
    const newest = Math.min(slot, work.length - 1);
    while (oldest <= newest) {
      if (remaining[oldest] <= tolerance) {
        oldest++;
        continue;
      }
      if (free <= 0) break;
      const step = Math.min(free, remaining[oldest]);
      remaining[oldest] -= step;
      free -= step;
    }
    done.push(capacity - free);
    const dueNow = slot - deadlineSlots + 1;
    if (dueNow >= 0 && dueNow < work.length && oldest <= dueNow) return null;
  }
  return done;
}

function assertQueue(queue: DeferredQueue): void {
  if (!(queue.handleSeconds > 0)) throw new RangeError(`handle time must be > 0 seconds, got ${queue.handleSeconds}`);
  if (!(queue.slotSeconds > 0)) throw new RangeError(`slot length must be > 0 seconds, got ${queue.slotSeconds}`);
  if (!(Number.isInteger(queue.deadlineSlots) && queue.deadlineSlots >= 1))
    throw new RangeError(`deadline must be a whole number of slots ≥ 1, got ${queue.deadlineSlots}`);
  for (const items of queue.arrivals)
    if (!(items >= 0 && Number.isFinite(items)))
      throw new RangeError(`arrivals must be finite numbers ≥ 0, got ${items}`);
}
