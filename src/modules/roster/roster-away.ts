import type { RosterActivity } from './roster-activity.reads';
import type { RosterShift } from './roster.repository';
import type { RosterWeek } from './roster-week';

export const overlaps = (a: { startsAt: Date; endsAt: Date }, from: Date, to: Date) =>
  a.startsAt < to && a.endsAt > from;

/** The shift counts for the slot as the solver counts it: on duty the whole slot, not on a break. */
function workingThrough(week: RosterWeek, s: RosterShift, from: Date, to: Date): boolean {
  if (s.startsAt > from || s.endsAt < to) return false;
  return !s.breaks.some((b) => {
    const start = week.breakStart(s, b);
    return overlaps({ startsAt: start, endsAt: new Date(start.getTime() + b.minutes * 60_000) }, from, to);
  });
}

/**
 * Agents of a skill away on an activity during a slot, counted once each, and only if the slot
 * counted them as scheduled: an agent on a break and in training at once is not taken off twice.
 */
export function awayDuring(
  week: RosterWeek,
  shiftsOf: Map<string, RosterShift[]>,
  activities: RosterActivity[],
  skill: string | null,
  from: Date,
  to: Date,
): number {
  const away = new Set<string>();
  for (const a of activities) {
    if (!overlaps(a, from, to) || away.has(a.agentId)) continue;
    if (
      (shiftsOf.get(a.agentId) ?? []).some(
        (s) => (skill === null || s.skill === skill) && workingThrough(week, s, from, to),
      )
    )
      away.add(a.agentId);
  }
  return away.size;
}
