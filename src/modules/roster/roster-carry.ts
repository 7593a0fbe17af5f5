import type { RosterActivity } from './roster-activity.reads';
import type { PublishedShift } from './roster.repository';
import { RosterWeek } from './roster-week';
import { addDays } from 'src/platform/time/calendar-date';
import type { AgentActivity, NeighbourRun, NeighbourShift, RosterAgent, RosterProblem } from './solver';

/** What the published truth of a neighbouring week says about some agents. */
export type NeighbourWeek = {
  /** Agents that week's publications roster (an agent of none tells nothing: no run is carried). */
  rostered: Set<string>;
  shifts: PublishedShift[];
};

/**
 * The run of equal working state at the edge of a neighbouring week: counted back from its last
 * day (the week before) or forward from its first (the week after).
 */
function runAtEdge(weekStart: string, worked: Set<string>, backwards: boolean): NeighbourRun {
  const dates = Array.from({ length: 7 }, (_, d) => addDays(weekStart, backwards ? 6 - d : d));
  const working = worked.has(dates[0]);
  let days = 0;
  while (days < dates.length && worked.has(dates[days]) === working) days++;
  return { working, days };
}

const asNeighbour = (s: PublishedShift, day: number): NeighbourShift => ({
  agentId: s.agentId,
  day,
  shiftTypeId: s.shiftTemplateId,
  startMinutes: s.startMinutes,
  lengthMinutes: s.lengthMinutes,
  ...(s.skill ? { skill: s.skill } : {}),
  breaks: s.breaks.map((b) => ({
    startMinutes: b.startMinutes,
    minutes: b.minutes,
    ...(b.offsetMinutes !== undefined ? { offsetMinutes: b.offsetMinutes } : {}),
  })),
});

/**
 * The week is not an island: the runs the published weeks around it end and start with, and their
 * shifts on the days next to it (rest owed to them, cover they give in its first hours). Replaces
 * whatever the problem carried before, so a stored problem can be brought up to date.
 */
export function withNeighbours(
  problem: RosterProblem,
  week: RosterWeek,
  before: NeighbourWeek,
  after: NeighbourWeek,
): RosterProblem {
  const previousStart = addDays(week.weekStart, -7);
  const nextStart = addDays(week.weekStart, week.days);
  const lastBefore = addDays(week.weekStart, -1);
  const datesOf = (shifts: PublishedShift[], agentId: string) =>
    new Set(shifts.filter((s) => s.agentId === agentId).map((s) => s.localDate));
  const agents = problem.agents.map((a): RosterAgent => {
    const { runBefore: _before, runAfter: _after, ...rest } = a;
    return {
      ...rest,
      ...(before.rostered.has(a.id) ? { runBefore: runAtEdge(previousStart, datesOf(before.shifts, a.id), true) } : {}),
      ...(after.rostered.has(a.id) ? { runAfter: runAtEdge(nextStart, datesOf(after.shifts, a.id), false) } : {}),
    };
  });
  const neighbourShifts = [
    ...before.shifts.filter((s) => s.localDate === lastBefore).map((s) => asNeighbour(s, -1)),
    ...after.shifts.filter((s) => s.localDate === nextStart).map((s) => asNeighbour(s, week.days)),
  ];
  const { neighbourShifts: _old, ...base } = problem;
  return { ...base, agents, ...(neighbourShifts.length ? { neighbourShifts } : {}) };
}

/** Booked training as the solver reads it: local minutes of the day it starts (breaks stay out of it). */
export function withActivities(problem: RosterProblem, week: RosterWeek, activities: RosterActivity[]): RosterProblem {
  const byAgent = new Map<string, AgentActivity[]>();
  for (const a of activities) {
    const local = week.localParts(a.startsAt);
    const day = week.offsetOf(local.date);
    if (day < -1 || day > week.days) continue;
    const minutes = Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000);
    byAgent.set(a.agentId, [
      ...(byAgent.get(a.agentId) ?? []),
      { day, fromMinutes: local.minutes, toMinutes: local.minutes + minutes, title: a.title },
    ]);
  }
  return {
    ...problem,
    agents: problem.agents.map(({ activities: _old, ...a }) =>
      byAgent.has(a.id) ? { ...a, activities: byAgent.get(a.id)! } : a,
    ),
  };
}
