import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { labelOf } from 'src/platform/i18n/texts';
import { RosterProblems } from './roster.problems';
import { RosterStates } from './roster.texts';
import type { Page } from 'src/platform/http/pagination';
import { SerialisedView, ViewCache } from 'src/platform/cache/view-cache';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { TeamService } from 'src/modules/org/team.service';
import { DiffQuery, ListRostersQuery, MyShiftsQuery, ReadRosterQuery } from './roster.dto';
import { RosterActivity, RosterActivityReads } from './roster-activity.reads';
import { Roster, RosterRepository } from './roster.repository';
import { RosterInputReads } from './roster-input.reads';
import { leaveByDate } from './roster-leave';
import { RosterViewStampReads } from './roster-view-stamp.reads';
import { rosterSummary, rosterView, shiftView } from './roster-view';
import { rosterDiff } from './roster-diff';
import { currentLocale } from 'src/platform/i18n/request-locale';
import { RosterWeek } from './roster-week';
import { addDays } from 'src/platform/time/calendar-date';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { ShiftTemplateService } from './shift-template.service';
import { ruleKey } from './roster-violations';
import type { RosterEvaluation, RosterProblem } from './solver';

export type ReadableRoster = { roster: Roster; week: RosterWeek; visible?: Set<string> };

/**
 * Reading weekly rosters: the list, one roster's view (cached per stamp), the difference between
 * versions, an agent's own shifts, and the published shifts other modules plan around. Requesting
 * and stopping a solve are RosterCommands'; publishing and editing have services of their own.
 */
@Injectable()
export class RosterReading {
  constructor(
    private readonly rosters: RosterRepository,
    private readonly input: RosterInputReads,
    private readonly templates: ShiftTemplateService,
    private readonly teams: TeamService,
    private readonly scope: AgentScope,
    private readonly activities: RosterActivityReads,
    private readonly viewCache: ViewCache,
    private readonly stamps: RosterViewStampReads,
    private readonly queue: JobQueue,
  ) {}

  /** Supervisors see the rosters that cover one of their teams (a roster of no named team covers all). */
  async list(actor: Actor, query: ListRostersQuery): Promise<Page<ReturnType<typeof rosterSummary>>> {
    const teamIds = actor.role === 'supervisor' ? await this.teams.supervisedTeamIds(actor) : undefined;
    const { rows, total } = await this.rosters.list(actor.shopId, query, teamIds);
    const versions = await this.rosters.versionsOf(rows.map((r) => r.id));
    return {
      items: rows.map((r) =>
        rosterSummary(
          r,
          versions.filter((v) => v.rosterId === r.id),
        ),
      ),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** The roster as the API shows it: one function builds it (`getSerialised` caches it per stamp and caller scope). */
  async get(actor: Actor, id: string, query: ReadRosterQuery = {}) {
    return this.buildView(await this.viewInputs(actor, id, query));
  }

  /**
   * The same view as `get`, serialised, rebuilt only when one of its inputs changed: a cached read
   * costs one statement (the view's stamp) besides the caller's access checks.
   */
  async getSerialised(actor: Actor, id: string, query: ReadRosterQuery = {}): Promise<SerialisedView> {
    let stamp = await this.stamps.viewStamp(actor.shopId, id);
    // A solve abandoned in its last attempt reads as failed, without waiting for a worker or a stop.
    if (stamp?.runningRunId && (await this.queue.endIfAbandoned(stamp.runningRunId)))
      stamp = await this.stamps.viewStamp(actor.shopId, id);
    if (!stamp) throw RosterProblems.notFound();
    const visible = await this.visibleTo(actor, stamp.teamIds);
    const version = query.version
      ? stamp.versions.find((v) => v.version === query.version)
      : stamp.versions[stamp.versions.length - 1];
    if (query.version && !version) throw RosterProblems.versionNotFound({ version: query.version });
    // A build reads the inputs after the stamp: a change landing in between is shown, never hidden.
    // Warnings and under-cover reasons are worded in the reader's language: one cached view per language.
    return this.viewCache.serialised(
      'roster',
      { stamp, version: version?.id, visible: visible && [...visible].sort(), locale: currentLocale() },
      () => this.get(actor, id, query),
    );
  }

  /** What a view is built from, without the version's shifts and scores (the large part). */
  private async viewInputs(actor: Actor, id: string, query: ReadRosterQuery) {
    const { roster, week, visible } = await this.readable(actor, id);
    const versions = await this.rosters.versionHeads(id);
    const version = query.version ? versions.find((v) => v.version === query.version) : versions[versions.length - 1];
    if (query.version && !version) throw RosterProblems.versionNotFound({ version: query.version });
    const problem = roster.problem as unknown as RosterProblem;
    const agentIds = problem.agents.map((a) => a.id);
    const [templates, agents, activities, publications, successor, skillNames, authors] = await Promise.all([
      this.templates.all(actor.shopId),
      this.input.names(actor.shopId, agentIds),
      this.activities.during(
        actor.shopId,
        agentIds,
        week.midnight(0).toJSDate(),
        week.midnight(week.days + 1).toJSDate(),
      ),
      this.rosters.publications(actor.shopId, roster.weekStart, agentIds),
      version?.supersededBy ? this.rosters.versionById(actor.shopId, version.supersededBy) : Promise.resolve(undefined),
      this.input.skillNames(actor.shopId),
      this.rosters.versionAuthors(id),
    ]);
    return {
      roster,
      week,
      visible,
      versions,
      version,
      templates,
      agents,
      activities,
      publications,
      successor,
      skillNames,
      authors,
    };
  }

  private async buildView(inputs: Awaited<ReturnType<RosterReading['viewInputs']>>) {
    const { version } = inputs;
    const [shifts, evaluation] = version
      ? await Promise.all([this.rosters.shifts(version.id), this.rosters.evaluation(version.id)])
      : [[], null];
    return rosterView({ ...inputs, shifts, version: version && { ...version, evaluation: evaluation ?? {} } });
  }

  /**
   * Agent-days that differ between two versions; without `to`, between a superseded version and its
   * successor (maybe another roster of the week), for the agents of this roster.
   */
  async diff(actor: Actor, id: string, query: DiffQuery) {
    const { roster, week, visible } = await this.readable(actor, id);
    const versions = await this.rosters.versionHeads(id);
    const from = versions.find((v) => v.version === query.from);
    if (!from) throw RosterProblems.versionNotFound({ version: query.from });
    const to =
      query.to !== undefined
        ? versions.find((v) => v.version === query.to)
        : from.supersededBy
          ? await this.rosters.versionById(actor.shopId, from.supersededBy)
          : undefined;
    if (!to) {
      throw query.to !== undefined
        ? RosterProblems.versionNotFound({ version: query.to })
        : RosterProblems.notSuperseded(
            { version: query.from, state: labelOf(RosterStates, from.status) },
            { extra: { version: query.from } },
          );
    }
    const problem = roster.problem as unknown as RosterProblem;
    const agentIds = new Set(problem.agents.map((a) => a.id));
    const [before, after, templates, agents] = await Promise.all([
      this.rosters.shifts(from.id),
      this.rosters.shifts(to.id),
      this.templates.all(actor.shopId),
      this.input.names(actor.shopId, [...agentIds]),
    ]);
    const changes = rosterDiff(
      week,
      before,
      after.filter((s) => agentIds.has(s.agentId)),
      templates,
      agents,
      visible,
    );
    return { rosterId: id, from: query.from, to: to.version, toRosterId: to.rosterId, changes };
  }

  /** The caller's own shifts of published rosters (the newest published version of each). */
  async myShifts(actor: Actor, query: MyShiftsQuery) {
    if (!actor.agentId) throw RosterProblems.noAgentRecord();
    const [shifts, templates, leave] = await Promise.all([
      this.rosters.published(actor.shopId, [actor.agentId], query.from, query.to),
      this.templates.all(actor.shopId),
      this.input.leaveOfAgent(actor.shopId, actor.agentId, query.from, query.to),
    ]);
    const byId = new Map(templates.map((t) => [t.id, t]));
    return {
      agentId: actor.agentId,
      from: query.from,
      to: query.to,
      items: shifts.map((s) => ({
        date: s.localDate,
        rosterId: s.rosterId,
        version: s.version,
        ...shiftView(new RosterWeek(addDays(s.localDate, -s.day), s.timeZone), s, byId.get(s.shiftTemplateId)),
      })),
      // Approved leave per local date with its times (whole days 00:00–24:00).
      leave: leave.length ? leaveByDate(leave, leave[0].timeZone, query.from, query.to) : [],
    };
  }

  /**
   * For other modules (e.g. training sessions placed while agents are on shift): the shifts of
   * published rosters in UTC, with their breaks, between two local dates (inclusive).
   */
  async publishedShifts(shopId: string, agentIds: string[], fromDate: string, toDate: string) {
    return (await this.rosters.published(shopId, agentIds, fromDate, toDate)).map((s) => {
      const week = new RosterWeek(addDays(s.localDate, -s.day), s.timeZone);
      return {
        agentId: s.agentId,
        date: s.localDate,
        shiftTemplateId: s.shiftTemplateId,
        skill: s.skill,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        rosterId: s.rosterId,
        version: s.version,
        startMinutes: s.startMinutes,
        lengthMinutes: s.lengthMinutes,
        breaks: s.breaks.map((b) => {
          const startsAt = week.breakStart(s, b);
          return { name: b.name, startsAt, endsAt: new Date(startsAt.getTime() + b.minutes * 60_000) };
        }),
      };
    });
  }

  /** For other modules (e.g. the intraday view): the booked training that takes agents off the queues in a window. */
  trainingDuring(shopId: string, agentIds: string[], from: Date, to: Date): Promise<RosterActivity[]> {
    return this.activities.during(shopId, agentIds, from, to);
  }

  /**
   * For other modules (cancelled leave giving shifts back): a numbered version's shifts, the rules it
   * broke, and the agents the roster was made for, or null when the shop has no such roster or version.
   */
  async versionShifts(shopId: string, rosterId: string, version: number) {
    const roster = await this.rosters.find(shopId, rosterId);
    const head = roster && (await this.rosters.versionHeads(rosterId)).find((v) => v.version === version);
    if (!roster || !head) return null;
    const agentIds = ((roster.problem as unknown as RosterProblem | null)?.agents ?? []).map((a) => a.id);
    const [shifts, evaluation] = await Promise.all([this.rosters.shifts(head.id), this.rosters.evaluation(head.id)]);
    const violations = ((evaluation as unknown as RosterEvaluation | null)?.violations ?? []).map(ruleKey);
    return { agentIds, shifts, violations };
  }

  /** For other modules: which publication each agent's week comes from (agents of an unpublished week are absent). */
  publications(shopId: string, weekStart: string, agentIds: string[]) {
    return this.rosters.publications(shopId, weekStart, agentIds);
  }

  /** Another shop's roster, or one a supervisor has no team on, is not found. */
  async readable(actor: Actor, id: string): Promise<ReadableRoster> {
    const roster = await this.rosters.find(actor.shopId, id);
    if (!roster) throw RosterProblems.notFound();
    const visible = await this.visibleTo(actor, roster.teamIds);
    const problem = roster.problem as unknown as RosterProblem;
    return { roster, week: new RosterWeek(roster.weekStart, problem.horizon.timeZone, problem.horizon.days), visible };
  }

  /** The agents a supervisor may see on a roster of these teams (everyone else sees all). */
  private async visibleTo(actor: Actor, rosterTeamIds: string[]): Promise<Set<string> | undefined> {
    if (actor.role !== 'supervisor') return undefined;
    const teams = await this.teams.supervisedTeamIds(actor);
    if (rosterTeamIds.length > 0 && !rosterTeamIds.some((t) => teams.includes(t))) throw RosterProblems.notFound();
    return new Set((await this.scope.visibleAgentIds(actor)) ?? []);
  }
}
