import type { CompiledShift } from './compiled-roster';
import type {
  AgentActivity,
  LeavePart,
  NeighbourShift,
  RosterAgent,
  RosterProblem,
  Unavailability,
} from './roster-model';
import { shiftStartMillis } from './shift-start';

const DAY = 1440;
const MINUTE = 60_000;

/** Why an agent may not work a concrete shift on a day, beyond skills, locks and type caps. */
export type ShiftBlocker =
  | { rule: 'leave'; day: number; fromMinutes?: number; toMinutes?: number }
  | { rule: 'fixed-day-off'; day: number }
  | { rule: 'unavailability'; day: number; fromMinutes?: number; toMinutes?: number }
  | { rule: 'min-rest'; neighbour: NeighbourShift; restMinutes: number; minRestMinutes: number }
  | { rule: 'training'; activity: AgentActivity };

/**
 * One agent's days as the hard rules see them. A shift is checked against every day it touches:
 * a night shift running past midnight is refused when the next day is leave, a fixed day off or
 * unavailable then (also the day after the horizon), and against the published shifts of the
 * neighbouring weeks (minimum rest in real minutes, so across a clock change too). Leave over part
 * of a day is compared as instants: a shift of any day that overlaps it is refused.
 */
export class AgentDays {
  private readonly leave: Set<number>;
  private readonly fixedOff: Set<number>;
  private readonly neighbours: { shift: NeighbourShift; start: number; end: number }[];
  private readonly leaveParts: { part: LeavePart; from: number; to: number }[];

  constructor(
    private readonly problem: RosterProblem,
    private readonly agent: RosterAgent,
    private readonly startMillis: (day: number, minutes: number) => number,
  ) {
    this.leave = new Set(agent.leaveDays ?? []);
    this.fixedOff = new Set(agent.fixedDaysOff ?? []);
    this.leaveParts = (agent.leaveParts ?? []).map((part) => ({
      part,
      from: startMillis(part.day, part.fromMinutes),
      to: part.toMinutes >= DAY ? startMillis(part.day + 1, 0) : startMillis(part.day, part.toMinutes),
    }));
    this.neighbours = (problem.neighbourShifts ?? [])
      .filter((n) => n.agentId === agent.id)
      .map((shift) => {
        const start = startMillis(shift.day, shift.startMinutes);
        return { shift, start, end: start + shift.lengthMinutes * MINUTE };
      });
  }

  /** Closed the whole day: leave or a fixed day off. */
  closed(day: number): ShiftBlocker | null {
    if (this.leave.has(day)) return { rule: 'leave', day };
    if (this.fixedOff.has(day)) return { rule: 'fixed-day-off', day };
    return null;
  }

  /** The first rule that keeps the agent from this shift on this day, or null. */
  blocker(day: number, shift: CompiledShift): ShiftBlocker | null {
    const end = shift.startMinutes + shift.lengthMinutes;
    const closedToday = this.closed(day);
    if (closedToday) return closedToday;
    if (end > DAY) {
      const closedTomorrow = this.closed(day + 1);
      if (closedTomorrow) return closedTomorrow;
    }
    const onLeave = this.leavePartBlocker(day, shift);
    if (onLeave) return onLeave;
    const unavailable = (this.agent.unavailable ?? []).find((u) =>
      overlapsUnavailability(u, day, shift.startMinutes, end),
    );
    if (unavailable)
      return {
        rule: 'unavailability',
        day: unavailable.day,
        fromMinutes: unavailable.fromMinutes,
        toMinutes: unavailable.toMinutes,
      };
    const rest = this.restBlocker(day, shift);
    if (rest) return rest;
    // Breaks are real minutes after the start; training is on the clock: both compared as instants.
    const activity = (this.agent.activities ?? []).find((a) => {
      const from = this.startMillis(a.day, a.fromMinutes);
      const to = this.startMillis(a.day, a.toMinutes);
      const start = this.startMillis(day, shift.startMinutes);
      return shift.breaks.some(
        (b) => start + b.offsetMinutes * MINUTE < to && from < start + (b.offsetMinutes + b.minutes) * MINUTE,
      );
    });
    return activity ? { rule: 'training', activity } : null;
  }

  private leavePartBlocker(day: number, shift: CompiledShift): ShiftBlocker | null {
    if (this.leaveParts.length === 0) return null;
    const start = this.startMillis(day, shift.startMinutes);
    const end = start + shift.lengthMinutes * MINUTE;
    const hit = this.leaveParts.find((l) => start < l.to && l.from < end);
    return hit
      ? { rule: 'leave', day: hit.part.day, fromMinutes: hit.part.fromMinutes, toMinutes: hit.part.toMinutes }
      : null;
  }

  private restBlocker(day: number, shift: CompiledShift): ShiftBlocker | null {
    if (this.neighbours.length === 0) return null;
    const minRest = this.problem.rules?.minRestMinutes ?? 0;
    const start = this.startMillis(day, shift.startMinutes);
    const end = start + shift.lengthMinutes * MINUTE;
    for (const n of this.neighbours) {
      const gap = n.start >= end ? n.start - end : start >= n.end ? start - n.end : -1;
      if (gap < 0 || gap < minRest * MINUTE) {
        return {
          rule: 'min-rest',
          neighbour: n.shift,
          restMinutes: Math.max(0, Math.round(gap / MINUTE)),
          minRestMinutes: minRest,
        };
      }
    }
    return null;
  }
}

/** Whole-day unavailability covers its local day; a clock range may also be met by yesterday's night shift. */
function overlapsUnavailability(u: Unavailability, day: number, start: number, end: number): boolean {
  const offset = (u.day - day) * DAY;
  if (offset !== 0 && offset !== DAY) return false;
  const from = (u.fromMinutes ?? 0) + offset;
  const to = (u.toMinutes ?? DAY) + offset;
  return start < to && from < end;
}

/** Wall-clock starts in UTC, computed once per (day, minutes) for a whole problem. */
export function startMillisOf(problem: RosterProblem): (day: number, minutes: number) => number {
  const known = new Map<number, number>();
  return (day, minutes) => {
    const key = day * 4 * DAY + minutes;
    let at = known.get(key);
    if (at === undefined) {
      at = shiftStartMillis(problem.horizon, day, minutes);
      known.set(key, at);
    }
    return at;
  };
}
