import type { Locale } from 'src/platform/i18n/locale';
import { say } from 'src/platform/i18n/request-locale';
import type { AgentName } from './agent-name';
import type { RosterActivity } from './roster-activity.reads';
import type {
  Publication,
  Roster,
  RosterShift,
  RosterVersion,
  RosterVersionHead,
  VersionAuthors,
} from './roster.repository';
import { RosterWeek } from './roster-week';
import { leaveTimes } from './roster-leave';
import type { ShiftTemplate } from './shift-template.repository';
import { underCover } from './roster-under-cover';
import { RosterRefusals } from './roster-refusals';
import { awayDuring, overlaps } from './roster-away';
import { shownDraftWarnings } from './roster-warning-ids';
import type { RosterAssignment, RosterEvaluation, RosterProblem, RosterRuleViolation } from './solver';

export type StoredSolve = {
  seed?: number;
  maxIterations?: number;
  /** When the request arrived (epoch ms; the time limit counts from it) and the language it asked in (progress notes). */
  requestedAt?: number;
  locale?: Locale;
  /** Epoch ms the solver was to hand its roster back by. */
  solveBy?: number;
  lowerBound?: number | null;
  gap?: number | null;
  stoppedBy?: string;
  seconds?: number;
  infeasibilities?: RosterRuleViolation[];
  /** Rules the solved roster breaks because no roster could keep them (publishing accepts only these). */
  violations?: RosterRuleViolation[];
};

const at = (week: RosterWeek, instant: Date) => ({ utc: instant.toISOString(), local: week.local(instant) });

/** A stored shift as the API shows it: template, skill, UTC and local start and end, breaks. */
export function shiftView(week: RosterWeek, s: RosterShift, template: ShiftTemplate | undefined) {
  return {
    shiftTemplateId: s.shiftTemplateId,
    code: template?.code ?? null,
    name: template?.name ?? null,
    colour: template?.colour ?? null,
    skill: s.skill,
    start: at(week, s.startsAt),
    end: at(week, s.endsAt),
    lengthMinutes: s.lengthMinutes,
    // Paid breaks count as worked time (contract minutes), unpaid ones do not.
    breaks: s.breaks.map((b) => ({
      name: b.name,
      minutes: b.minutes,
      paid: template?.breaks.find((r) => r.name === b.name)?.paid ?? false,
      start: at(week, week.breakStart(s, b)),
    })),
  };
}

/** A solver assignment as a stored shift of the week (UTC span from the local wall clock). */
export function shiftOf(week: RosterWeek, a: RosterAssignment): RosterShift {
  const { startsAt, endsAt } = week.span(a.day, a.startMinutes, a.lengthMinutes);
  return {
    agentId: a.agentId,
    day: a.day,
    localDate: week.dates[a.day],
    shiftTemplateId: a.shiftTypeId,
    startMinutes: a.startMinutes,
    lengthMinutes: a.lengthMinutes,
    skill: a.skill ?? null,
    startsAt,
    endsAt,
    breaks: a.breaks.map((b) => ({
      name: b.name,
      startMinutes: b.startMinutes,
      minutes: b.minutes,
      ...(b.offsetMinutes !== undefined ? { offsetMinutes: b.offsetMinutes } : {}),
    })),
  };
}

export function assignmentOf(s: RosterShift): RosterAssignment {
  return {
    agentId: s.agentId,
    day: s.day,
    shiftTypeId: s.shiftTemplateId,
    startMinutes: s.startMinutes,
    lengthMinutes: s.lengthMinutes,
    ...(s.skill ? { skill: s.skill } : {}),
    breaks: s.breaks.map((b) => ({ ...b })),
  };
}

export function rosterSummary(roster: Roster, versions: RosterVersionHead[]) {
  const latest = versions[versions.length - 1];
  return {
    id: roster.id,
    weekStart: roster.weekStart,
    teamIds: roster.teamIds,
    demand: roster.demand,
    status: roster.status,
    error: roster.error,
    jobRunId: roster.jobRunId,
    revision: roster.revision,
    latestVersion: latest ? { version: latest.version, status: latest.status, publishedAt: latest.publishedAt } : null,
    createdAt: roster.createdAt,
    updatedAt: roster.updatedAt,
  };
}

export type RosterReadModel = {
  roster: Roster;
  versions: RosterVersionHead[];
  version: RosterVersion | undefined;
  shifts: RosterShift[];
  templates: ShiftTemplate[];
  agents: AgentName[];
  week: RosterWeek;
  visible?: Set<string>;
  /** Booked training and the like: shown inside the shifts, and taken off the slots' scheduled agents. */
  activities?: RosterActivity[];
  /** Where each agent's published week comes from now (the week's one truth). */
  publications?: Publication[];
  /** The version that superseded the one shown. */
  successor?: RosterVersion;
  /** Skill names by code (under-cover warnings name skills as the shop does). */
  skillNames?: Map<string, string>;
  /** Who made and who published each version (display names). */
  authors?: VersionAuthors[];
};

/** Per agent per day the shift, per slot requirement/scheduled/gap, the objective and what could not be kept. */
export function rosterView(m: RosterReadModel) {
  const { roster, version, week } = m;
  const templates = new Map(m.templates.map((t) => [t.id, t]));
  const problem = roster.problem as RosterProblem | null;
  const solve = (roster.solve ?? {}) as StoredSolve;
  const evaluation = (version?.evaluation ?? null) as RosterEvaluation | null;
  const visible = (id: string) => !m.visible || m.visible.has(id);
  const slotMinutes = problem?.horizon.slotMinutes ?? 30;
  const byAgentDay = new Map(m.shifts.map((s) => [`${s.agentId}/${s.day}`, s]));
  const agentIds = new Set((problem?.agents ?? []).map((a) => a.id));
  const leave = new Map((problem?.agents ?? []).map((a) => [a.id, leaveTimes(a)]));
  const activities = m.activities ?? [];
  const shiftsOf = new Map<string, RosterShift[]>();
  for (const s of m.shifts) shiftsOf.set(s.agentId, [...(shiftsOf.get(s.agentId) ?? []), s]);
  const activitiesIn = (s: RosterShift) =>
    activities
      .filter((a) => a.agentId === s.agentId && overlaps(a, s.startsAt, s.endsAt))
      .map((a) => ({
        kind: a.kind,
        sessionId: a.sessionId,
        title: a.title,
        start: at(week, a.startsAt),
        end: at(week, a.endsAt),
      }));
  const publication = new Map((m.publications ?? []).map((p) => [p.agentId, p]));
  const publishedIn = (agentId: string) => {
    const p = publication.get(agentId);
    return p ? { rosterId: p.rosterId, version: p.version, current: p.versionId === version?.id } : null;
  };
  // Each rule named as a refusal names it (agent and number, date, shift, the rule with its numbers), in the reader's language.
  const words = new RosterRefusals({
    week,
    agents: m.agents,
    templates: m.templates,
    shifts: m.shifts,
    skillNames: m.skillNames ?? new Map(),
  });
  const onlyVisible = (list: RosterRuleViolation[]) =>
    (m.visible ? list.filter((v) => v.agentIds.length === 0 || v.agentIds.some(visible)) : list).map((v) => ({
      ...v,
      dates: v.days.map((d) => week.dates[d]),
      message: say(words.describe(v)),
    }));
  const coverage = (evaluation?.coverage ?? []).map((c) => {
    const start = week.slotStart(c.day, c.slot, slotMinutes);
    const away = activities.length
      ? awayDuring(week, shiftsOf, activities, c.skill, start, new Date(start.getTime() + slotMinutes * 60_000))
      : 0;
    return {
      skill: c.skill,
      date: week.dates[c.day],
      slot: c.slot,
      start: start.toISOString(),
      local: week.local(start),
      required: c.required,
      scheduled: c.scheduled - away,
      away,
      gap: c.gap - away,
    };
  });
  return {
    ...rosterSummary(roster, m.versions),
    timeZone: week.timeZone,
    version: version
      ? {
          version: version.version,
          status: version.status,
          publishedAt: version.publishedAt,
          publishedBy: version.publishedBy,
          supersededAt: version.supersededAt ?? null,
          supersededBy: m.successor ? { rosterId: m.successor.rosterId, version: m.successor.version } : null,
          // Self-service changes published beside this draft that replaced its shifts or could not be carried into it.
          warnings: shownDraftWarnings(version.warnings),
        }
      : null,
    versions: m.versions.map((v) => ({
      version: v.version,
      status: v.status,
      publishedAt: v.publishedAt,
      supersededAt: v.supersededAt ?? null,
      note: v.note ?? null,
      // Who changed what: the maker of the version (generated or edited) and its publisher, by name.
      createdByName: m.authors?.find((a) => a.version === v.version)?.createdBy ?? null,
      publishedByName: m.authors?.find((a) => a.version === v.version)?.publishedBy ?? null,
    })),
    days: week.dates.map((date, d) => ({ date, hours: week.dayMinutes(d) / 60 })),
    objective: evaluation?.objective ?? null,
    solve: {
      seed: solve.seed ?? null,
      lowerBound: solve.lowerBound ?? null,
      gap: solve.gap ?? null,
      stoppedBy: solve.stoppedBy ?? null,
      seconds: solve.seconds ?? null,
    },
    warnings: roster.warnings.map((w) => (typeof w === 'string' ? w : say(w))),
    infeasibilities: onlyVisible(solve.infeasibilities ?? []),
    violations: onlyVisible(evaluation?.violations ?? []),
    agents: m.agents
      .filter((a) => agentIds.has(a.id) && visible(a.id))
      .map((a) => ({
        agentId: a.id,
        employeeNo: a.employeeNo,
        name: a.name,
        teamId: a.teamId,
        // The publication this agent's week is read from now (this version, another, or none yet).
        publishedIn: publishedIn(a.id),
        days: week.dates.map((date, d) => {
          const s = byAgentDay.get(`${a.id}/${d}`);
          // A day without a shift is approved leave or an ordinary day off; grids and exports mark which.
          // `leave`: the local times of that day on approved leave (00:00–24:00 for the whole day).
          const onLeave = leave.get(a.id)?.get(d) ?? [];
          const absence = s ? null : onLeave.length ? 'leave' : 'day-off';
          const shift = s
            ? { ...shiftView(week, s, templates.get(s.shiftTemplateId)), activities: activitiesIn(s) }
            : null;
          return { date, shift, absence, leave: onLeave };
        }),
      })),
    coverage,
    // Warnings a manager can act on: per day, daypart and skill the agent-hours short and what binds.
    underCover: (problem
      ? underCover(problem, week, coverage, m.shifts, m.skillNames ?? new Map(), slotMinutes)
      : []
    ).map((u) => ({
      ...u,
      skillName: say(u.skillName),
      message: say(u.message),
      reason: u.reason && say(u.reason),
    })),
    dayCoverage: (evaluation?.dayCoverage ?? []).map((c) => ({
      date: week.dates[c.day],
      shiftTemplate: templates.get(c.shiftTypeId)?.code ?? c.shiftTypeId,
      skill: c.skill,
      required: c.required,
      scheduled: c.scheduled,
      gap: c.scheduled - c.required,
    })),
  };
}
