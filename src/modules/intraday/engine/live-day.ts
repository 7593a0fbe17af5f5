import {
  intersect,
  onQueue,
  ScheduledShift,
  Span,
  StateReport,
  subtract,
  timeline,
} from 'src/modules/adherence/engine/adherence';
import { projectSlot, RealTimeQueue } from 'src/modules/staffing/engine';

/**
 * The live day of one queue, slot by slot: agents the published roster puts on the queue, agents
 * logged in on it, and the service the rest of the day is heading for. Pure: instants in epoch ms.
 */

export type DaySlot = Span & { contacts: number };
/** One agent's day as the queue sees it: the shifts (with breaks and training) and the reported states. */
export type AgentDay = { agentId: string; shifts: ScheduledShift[]; reports: StateReport[] };
export type Projection = { serviceLevel: number; asaSeconds: number | null };

const length = (spans: Span[]) => spans.reduce((n, s) => n + (s.to - s.from), 0);

/** Shift time on the queue: the shifts less their breaks and training. */
export const workSpans = (shifts: ScheduledShift[]): Span[] =>
  subtract(
    shifts,
    shifts.flatMap((s) => [...s.breaks, ...s.training]),
  );

/** Agents on the queue in a slot, time-weighted (an agent on a break for half the slot counts ½). */
export function scheduledIn(slot: Span, agents: AgentDay[]): number {
  const span = slot.to - slot.from;
  return agents.reduce((n, a) => n + length(intersect(workSpans(a.shifts), [slot])) / span, 0);
}

/** Agents online or busy in the part of the slot that is over (null before it starts), time-weighted. */
export function loggedInIn(slot: Span, agents: AgentDay[], now: number): number | null {
  const end = Math.min(slot.to, now);
  if (end <= slot.from) return null;
  const part = [{ from: slot.from, to: end }];
  return agents.reduce(
    (n, a) =>
      n +
      length(
        intersect(
          timeline(a.reports, now).filter((s) => onQueue(s.state)),
          part,
        ),
      ) /
        (end - slot.from),
    0,
  );
}

/**
 * Service level and answer time with a fractional number of agents on the queue: the queueing
 * models take whole agents, so the figures are interpolated between the whole numbers around it.
 */
export function projectWith(queue: RealTimeQueue, contacts: number, agents: number): Projection {
  const lower = Math.floor(agents + 1e-9);
  const share = Math.max(0, agents - lower);
  const at = (n: number) => {
    const s = projectSlot(queue, contacts, n);
    return { serviceLevel: s.serviceLevel, asa: s.asaSeconds };
  };
  const a = at(lower);
  if (share < 1e-9) return { serviceLevel: a.serviceLevel, asaSeconds: Number.isFinite(a.asa) ? a.asa : null };
  const b = at(lower + 1);
  const asa = Number.isFinite(a.asa) && Number.isFinite(b.asa) ? a.asa + (b.asa - a.asa) * share : null;
  return { serviceLevel: a.serviceLevel + (b.serviceLevel - a.serviceLevel) * share, asaSeconds: asa };
}

/** Projections for the slots not yet over (null for slots already over), with the agents the roster puts on the queue. */
export function projectRest(
  queue: RealTimeQueue,
  slots: DaySlot[],
  agents: AgentDay[],
  now: number,
): (Projection | null)[] {
  return slots.map((s) => (s.to <= now ? null : projectWith(queue, s.contacts, scheduledIn(s, agents))));
}

/** The rest of the day's service level: answered-in-time contacts over all contacts of the remaining slots (null without contacts). */
export function restServiceLevel(slots: DaySlot[], projections: (Projection | null)[]): number | null {
  let contacts = 0;
  let inTime = 0;
  slots.forEach((s, i) => {
    const p = projections[i];
    if (!p || s.contacts <= 0) return;
    contacts += s.contacts;
    inTime += s.contacts * p.serviceLevel;
  });
  return contacts > 0 ? inTime / contacts : null;
}
