/**
 * Where a training session costs the least service: for each candidate start, the invitees who are
 * on shift and not on a break for the whole session, taken off their queues, priced with the
 * staffing engine as the projected service level of each affected slot with and without them.
 */
import { projectSlot } from 'src/modules/staffing/engine';
import type {
  ForecastQueue,
  PlacementContext,
  RosteredShift,
  SessionOption,
  SessionPlan,
  SessionRequest,
  SlotImpact,
  TimeRange,
} from './placement-types';

const MINUTE = 60_000;

const overlaps = (a: TimeRange, b: TimeRange) => a.start < b.end && b.start < a.end;
const covers = (outer: TimeRange, inner: TimeRange) => outer.start <= inner.start && inner.end <= outer.end;

/** Agents present on each queue in a slot: on shift and not on a break at any moment of it. */
class Presence {
  private readonly bySlot = new Map<number, Map<string, number>>();

  constructor(
    shifts: RosteredShift[],
    private readonly slotMs: number,
  ) {
    for (const shift of shifts) {
      for (let slot = Math.ceil(shift.start / slotMs) * slotMs; slot + slotMs <= shift.end; slot += slotMs) {
        const range = { start: slot, end: slot + slotMs };
        if (shift.breaks.some((b) => overlaps(b, range))) continue;
        const queues = this.bySlot.get(slot) ?? new Map<string, number>();
        queues.set(shift.queueId, (queues.get(shift.queueId) ?? 0) + 1);
        this.bySlot.set(slot, queues);
      }
    }
  }

  agents(slot: number, queueId: string): number {
    return this.bySlot.get(slot)?.get(queueId) ?? 0;
  }
}

/** Service level of a queue in a slot for a number of agents, memoised (the search asks often). */
class ServiceLevels {
  private readonly cache = new Map<string, number>();

  constructor(private readonly queues: Map<string, ForecastQueue>) {}

  contacts(queueId: string, slot: number): number {
    return this.queues.get(queueId)?.contactsBySlot.get(slot) ?? 0;
  }

  at(queueId: string, slot: number, agents: number): number {
    const key = `${queueId}|${slot}|${agents}`;
    let level = this.cache.get(key);
    if (level === undefined) {
      const queue = this.queues.get(queueId);
      const contacts = this.contacts(queueId, slot);
      if (!queue || contacts === 0) level = 1;
      else if (agents <= 0) level = 0;
      else level = projectSlot(queue.queue, contacts, agents).serviceLevel;
      this.cache.set(key, level);
    }
    return level;
  }
}

interface Candidate {
  range: TimeRange;
  slots: number[];
  /** Eligible invitees by the queue they would leave, in a fixed order. */
  eligibleByQueue: Map<string, string[]>;
}

export class SessionPlacement {
  private readonly slotMs: number;
  private readonly presence: Presence;
  private readonly levels: ServiceLevels;
  private readonly shiftsByAgent = new Map<string, RosteredShift[]>();

  constructor(private readonly context: PlacementContext) {
    if (!(context.slotMinutes > 0)) throw new RangeError(`slotMinutes must be > 0, got ${context.slotMinutes}`);
    this.slotMs = context.slotMinutes * MINUTE;
    this.presence = new Presence(context.shifts, this.slotMs);
    this.levels = new ServiceLevels(new Map(context.queues.map((q) => [q.queueId, q])));
    for (const shift of context.shifts) {
      const list = this.shiftsByAgent.get(shift.agentId) ?? [];
      list.push(shift);
      this.shiftsByAgent.set(shift.agentId, list);
    }
  }

  /** The best start times for one session of the given invitees, best first. */
  propose(request: SessionRequest): SessionOption[] {
    validate(request);
    const options: SessionOption[] = [];
    for (const candidate of this.candidates(request, request.invitees, request.trainerBusy)) {
      const option = this.price(candidate, request);
      if (option && (request.allowBelowMinimum || !option.belowMinimum)) options.push(option);
    }
    return options.sort(betterOption).slice(0, request.options ?? 5);
  }

  /** Repeated sessions until every invitee who can be placed is; the rest need make-up coaching. */
  plan(request: SessionRequest): SessionPlan {
    validate(request);
    let remaining = [...request.invitees];
    const busy = [...request.trainerBusy];
    const sessions: SessionOption[] = [];
    while (remaining.length > 0) {
      const [best] = this.propose({ ...request, invitees: remaining, trainerBusy: busy, options: 1 });
      if (!best) break;
      sessions.push(best);
      busy.push({ start: best.start, end: best.end });
      const placed = new Set(best.attendees);
      remaining = remaining.filter((agent) => !placed.has(agent));
    }
    return { sessions: sessions.sort((a, b) => a.start - b.start), makeUp: remaining };
  }

  private *candidates(request: SessionRequest, invitees: string[], trainerBusy: TimeRange[]): Generator<Candidate> {
    const length = request.lengthMinutes * MINUTE;
    for (
      let start = Math.ceil(request.window.start / this.slotMs) * this.slotMs;
      start + length <= request.window.end;
      start += this.slotMs
    ) {
      const range = { start, end: start + length };
      if (trainerBusy.some((busy) => overlaps(busy, range))) continue;
      if (!this.withinLocalHours(request, range)) continue;
      const eligibleByQueue = new Map<string, string[]>();
      for (const agent of invitees) {
        const shift = (this.shiftsByAgent.get(agent) ?? []).find(
          (s) => covers(s, range) && !s.breaks.some((b) => overlaps(b, range)),
        );
        if (!shift) continue;
        const list = eligibleByQueue.get(shift.queueId) ?? [];
        list.push(agent);
        eligibleByQueue.set(shift.queueId, list);
      }
      if (eligibleByQueue.size === 0) continue;
      const slots: number[] = [];
      for (let slot = Math.floor(start / this.slotMs) * this.slotMs; slot < range.end; slot += this.slotMs)
        slots.push(slot);
      yield { range, slots, eligibleByQueue };
    }
  }

  private withinLocalHours(request: SessionRequest, range: TimeRange): boolean {
    if (!request.localHours) return true;
    const minuteOf = this.context.localMinuteOfDay;
    if (!minuteOf) throw new RangeError('localHours needs the context to give localMinuteOfDay');
    const from = minuteOf(range.start);
    const lengthMinutes = (range.end - range.start) / MINUTE;
    return from >= request.localHours.fromMinutes && from + lengthMinutes <= request.localHours.toMinutes;
  }

  /**
   * Attendees chosen greedily, one at a time from the queue where one more absence costs least,
   * while no slot falls below the minimum (unless allowed) and up to the capacity.
   */
  private price(candidate: Candidate, request: SessionRequest): SessionOption | null {
    const removed = new Map<string, number>();
    let lost = 0;
    let attendees = 0;
    while (attendees < request.capacity) {
      let pick: { queueId: string; cost: number } | null = null;
      for (const [queueId, agents] of [...candidate.eligibleByQueue].sort(([a], [b]) => a.localeCompare(b))) {
        const already = removed.get(queueId) ?? 0;
        if (already >= agents.length) continue;
        if (
          !request.allowBelowMinimum &&
          this.minimumBroken(candidate.slots, queueId, already + 1, request.minServiceLevel)
        )
          continue;
        const cost = this.removalCost(candidate.slots, queueId, already);
        if (!pick || cost < pick.cost - 1e-9) pick = { queueId, cost };
      }
      if (!pick) break;
      removed.set(pick.queueId, (removed.get(pick.queueId) ?? 0) + 1);
      lost += pick.cost;
      attendees++;
    }
    if (attendees === 0) return null;
    const chosen = [...removed].flatMap(([queueId, n]) => candidate.eligibleByQueue.get(queueId)!.slice(0, n));
    const slots = this.impacts(candidate.slots, removed);
    const worst = slots.length ? Math.min(...slots.map((s) => s.serviceLevelAfter)) : null;
    const belowMinimum = slots.some(
      (s) => s.serviceLevelAfter < request.minServiceLevel && s.serviceLevelAfter < s.serviceLevelBefore,
    );
    return {
      ...candidate.range,
      attendees: chosen.sort(),
      lostContactsWithinTarget: lost,
      worstServiceLevel: worst,
      belowMinimum,
      slots,
    };
  }

  /** Contacts that miss the threshold because one more agent leaves the queue during the session. */
  private removalCost(slots: number[], queueId: string, alreadyRemoved: number): number {
    let cost = 0;
    for (const slot of slots) {
      const present = this.presence.agents(slot, queueId);
      const before = this.levels.at(queueId, slot, present - alreadyRemoved);
      cost +=
        this.levels.contacts(queueId, slot) * (before - this.levels.at(queueId, slot, present - alreadyRemoved - 1));
    }
    return cost;
  }

  private minimumBroken(slots: number[], queueId: string, removed: number, minimum: number): boolean {
    return slots.some((slot) => {
      const present = this.presence.agents(slot, queueId);
      const after = this.levels.at(queueId, slot, present - removed);
      return after < minimum && after < this.levels.at(queueId, slot, present);
    });
  }

  private impacts(slots: number[], removed: Map<string, number>): SlotImpact[] {
    const impacts: SlotImpact[] = [];
    for (const slot of slots) {
      for (const [queueId, n] of removed) {
        const present = this.presence.agents(slot, queueId);
        impacts.push({
          slotStart: slot,
          queueId,
          contacts: this.levels.contacts(queueId, slot),
          agentsBefore: present,
          agentsAfter: present - n,
          serviceLevelBefore: this.levels.at(queueId, slot, present),
          serviceLevelAfter: this.levels.at(queueId, slot, present - n),
        });
      }
    }
    return impacts;
  }
}

/** More attendees first, then less service lost, then earlier. */
function betterOption(a: SessionOption, b: SessionOption): number {
  return (
    b.attendees.length - a.attendees.length ||
    a.lostContactsWithinTarget - b.lostContactsWithinTarget ||
    a.start - b.start
  );
}

function validate(request: SessionRequest): void {
  if (!(Number.isInteger(request.lengthMinutes) && request.lengthMinutes > 0))
    throw new RangeError(`lengthMinutes must be a whole number > 0, got ${request.lengthMinutes}`);
  if (!(Number.isInteger(request.capacity) && request.capacity > 0))
    throw new RangeError(`capacity must be a whole number > 0, got ${request.capacity}`);
  if (!(request.minServiceLevel >= 0 && request.minServiceLevel <= 1))
    throw new RangeError(`minServiceLevel must be in [0, 1], got ${request.minServiceLevel}`);
  if (!(request.window.end > request.window.start)) throw new RangeError('window must end after it starts');
}
