/**
 * How late deferred work gets with a given number of agents: the same divisible-work model as
 * `spreadDeferredWork`, oldest items first (with one deadline for all, oldest = earliest due).
 * The items of slot i count as arriving at its start and are due at the exact time
 * (i + deadlineSlots) × slotSeconds, inside a slot when the deadline is not a whole number of slots.
 * Items of a slot's arrivals finish one after another at the agents' rate, so within a slot the
 * finishing times are spread evenly; lateness is measured per item as a fluid (fractional
 * forecast volumes are items too), e.g. 6 items finishing evenly over the slot after their
 * deadline are 6 late items, the last one a slot late, together half a slot × 6 item-slots late.
 */
import { assertDeadline } from './deferred-work';

export interface DeferredWork {
  arrivals: readonly number[];
  handleSeconds: number;
  slotSeconds: number;
  /** The deadline in slots (> 0, need not be whole): an item arriving in slot i is due at (i + deadlineSlots) × slotSeconds. */
  deadlineSlots: number;
}

export interface DeferredLateness {
  /** Items (fractional with fractional arrivals) finished after their deadline, or never. */
  lateItems: number;
  /** The worst item's lateness in seconds; null when some work is never done (no agents left for it). */
  maxLateSeconds: number | null;
  /** Σ over items of seconds late (the fluid integral); null when some work is never done. */
  lateItemSeconds: number | null;
  /** Items still open when every given agent-hour is spent (only when `thereafter` is 0). */
  unfinishedItems: number;
  /** Seconds from the horizon's start until the last item is done; null when never. */
  finishedAfterSeconds: number | null;
}

const EPS = 1e-9;

/**
 * Lateness when `agentsPerSlot[i]` agents work slot i, and `thereafter` agents every slot after
 * the given ones, until all work is done.
 */
export function deferredLateness(
  work: DeferredWork,
  agentsPerSlot: readonly number[],
  thereafter: number,
): DeferredLateness {
  assertWork(work, agentsPerSlot, thereafter);
  const { arrivals, handleSeconds, slotSeconds, deadlineSlots } = work;
  const deadlineSeconds = deadlineSlots * slotSeconds;
  const remaining = [...arrivals];
  const result = { lateItems: 0, maxLateSeconds: 0, lateItemSeconds: 0, finishedAt: 0 };
  let oldest = 0;
  const skipDone = () => {
    while (oldest < remaining.length && remaining[oldest] <= EPS) oldest++;
  };
  // Works cohorts from `oldest` on, no newer than `newest`, at `rate` items per second from
  // `start` for at most `length` seconds (Infinity: until the available work is done).
  const workPeriod = (start: number, length: number, rate: number, newest: number) => {
    let clock = start;
    let left = length;
    for (skipDone(); oldest <= newest && rate > 0 && left > EPS; skipDone()) {
      const items = Math.min(remaining[oldest], rate * left);
      const due = oldest * slotSeconds + deadlineSeconds;
      const end = clock + items / rate;
      addLateness(result, clock, end, due, rate);
      remaining[oldest] -= items;
      if (remaining[oldest] <= EPS * Math.max(1, arrivals[oldest])) remaining[oldest] = 0;
      left -= end - clock;
      clock = end;
      if (remaining[oldest] === 0) result.finishedAt = Math.max(result.finishedAt, end);
    }
  };
  for (let slot = 0; slot < agentsPerSlot.length; slot++) {
    workPeriod(
      slot * slotSeconds,
      slotSeconds,
      agentsPerSlot[slot] / handleSeconds,
      Math.min(slot, arrivals.length - 1),
    );
  }
  // Slots not given: any arrivals still to come are worked in their own slots, then the rest at a steady rate.
  for (let slot = agentsPerSlot.length; slot < arrivals.length; slot++) {
    workPeriod(slot * slotSeconds, slotSeconds, thereafter / handleSeconds, slot);
  }
  const tail = Math.max(agentsPerSlot.length, arrivals.length) * slotSeconds;
  workPeriod(tail, Infinity, thereafter / handleSeconds, arrivals.length - 1);
  const unfinishedItems = remaining.reduce((sum, items) => sum + items, 0);
  const never = unfinishedItems > EPS;
  return {
    lateItems: result.lateItems + (never ? unfinishedItems : 0),
    maxLateSeconds: never ? null : result.maxLateSeconds,
    lateItemSeconds: never ? null : result.lateItemSeconds,
    unfinishedItems: never ? unfinishedItems : 0,
    finishedAfterSeconds: never ? null : result.finishedAt,
  };
}

/** Items finishing evenly from `start` to `end` (rate per second) against one due time. */
function addLateness(
  acc: { lateItems: number; maxLateSeconds: number; lateItemSeconds: number },
  start: number,
  end: number,
  due: number,
  rate: number,
): void {
  if (end <= due + EPS) return;
  const from = Math.max(start, due);
  acc.lateItems += (end - from) * rate;
  acc.maxLateSeconds = Math.max(acc.maxLateSeconds, end - due);
  acc.lateItemSeconds += (rate * ((end - due) ** 2 - (from - due) ** 2)) / 2;
}

function assertWork(work: DeferredWork, agentsPerSlot: readonly number[], thereafter: number): void {
  if (!(work.handleSeconds > 0)) throw new RangeError(`handle time must be > 0 seconds, got ${work.handleSeconds}`);
  if (!(work.slotSeconds > 0)) throw new RangeError(`slot length must be > 0 seconds, got ${work.slotSeconds}`);
  assertDeadline(work.deadlineSlots);
  for (const items of work.arrivals)
    if (!(items >= 0 && Number.isFinite(items)))
      throw new RangeError(`arrivals must be finite numbers ≥ 0, got ${items}`);
  for (const agents of [...agentsPerSlot, thereafter])
    if (!(agents >= 0 && Number.isFinite(agents)))
      throw new RangeError(`agents must be finite numbers ≥ 0, got ${agents}`);
}
