import { deferredLateness, DeferredWork, spreadDeferredWork } from './engine';

const round4 = (n: number) => Math.round(n * 1e4) / 1e4;
const hours = (seconds: number | null) => (seconds === null ? null : round4(seconds / 3600));

/**
 * The deadline in slots, exact (45 minutes on 30-minute slots is 1.5, 10 on 15-minute slots ⅔; a
 * queue without one has one slot): the same rule for stored queues and what-if.
 */
export const deadlineSlotsOf = (deadlineMinutes: number | null, slotMinutes: number) =>
  (deadlineMinutes ?? slotMinutes) / slotMinutes;

/** How late the work gets with exactly `agents` in every slot (and after the horizon, until done). */
export function latenessWith(work: DeferredWork, agents: number) {
  const late = deferredLateness(
    work,
    work.arrivals.map(() => agents),
    agents,
  );
  return {
    agents,
    lateItems: round4(late.lateItems),
    maxHoursLate: hours(late.maxLateSeconds),
    lateItemHours: hours(late.lateItemSeconds),
    unfinishedItems: round4(late.unfinishedItems),
    finishedAfterHours: hours(late.finishedAfterSeconds),
  };
}

/**
 * Deferred work staffed by its deadline: agents per slot, and what one agent fewer than the peak
 * in every slot would cost in lateness (null hours: some work is never done).
 */
export function deferredFigures(work: DeferredWork & { shrinkage: number; starts?: string[] }, slotMinutes: number) {
  const plan = spreadDeferredWork(work);
  return {
    model: 'deferred' as const,
    deadlineMinutes: round4(work.deadlineSlots * slotMinutes),
    deadlineSlots: round4(work.deadlineSlots),
    peakAgents: plan.peakAgents,
    fluidPeak: round4(plan.fluidPeak),
    items: work.arrivals.map((contacts, i) => ({
      ...(work.starts ? { start: work.starts[i] } : {}),
      slotMinutes,
      contacts: round4(contacts),
      rawAgents: plan.agents[i],
      positions: plan.positions?.[i] ?? plan.agents[i],
      workSeconds: Math.round(plan.workSeconds[i]),
    })),
    spilloverAgents: plan.spilloverAgents,
    oneFewer: plan.peakAgents > 0 ? latenessWith(work, plan.peakAgents - 1) : null,
  };
}
