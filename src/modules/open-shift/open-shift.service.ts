import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import type { Page } from 'src/platform/http/pagination';
import { fillText, text } from 'src/platform/i18n/locale';
import { labelIn, labelOf } from 'src/platform/i18n/texts';
import { Notices } from 'src/modules/notification/notification.service';
import { agentName } from 'src/modules/org/org.labels';
import type { ShiftChange } from 'src/modules/roster/roster.dto';
import { RosterReading } from 'src/modules/roster/roster-reading.service';
import { changeStart, clockMinutes, clockText } from 'src/modules/roster/roster-week';
import { ShiftTemplateService } from 'src/modules/roster/shift-template.service';
import { PublishedWeeks } from 'src/modules/self-service/published-weeks.service';
import { SelfServiceProblems } from 'src/modules/self-service/self-service.problems';
import type { AgentFacts } from 'src/modules/self-service/self-service.repository';
import { AssignBody, ListOpenShiftsQuery, PostGapsBody, PostOpenShiftsBody, VolunteerBody } from './open-shift.dto';
import { OpenShiftStatusLabels } from './open-shift.labels';
import { OpenShiftProblems } from './open-shift.problems';
import { OpenShift, OpenShiftRepository, PostedShift } from './open-shift.repository';
import { OpenShiftListReads } from './open-shift-list.reads';

type Template = Awaited<ReturnType<ShiftTemplateService['all']>>[number];

/**
 * Uncovered hours of a published week posted as open shifts: agents of the roster's teams who may
 * legally work one (hard rules, skill, no second shift that day) volunteer; the first valid
 * volunteer gets it, or the manager picks. Assignment publishes the roster's next version.
 */
@Injectable()
export class OpenShiftService {
  constructor(
    private readonly db: Db,
    private readonly open: OpenShiftRepository,
    private readonly listing: OpenShiftListReads,
    private readonly weeks: PublishedWeeks,
    private readonly rosters: RosterReading,
    private readonly templates: ShiftTemplateService,
    private readonly notices: Notices,
  ) {}

  async post(actor: Actor, body: PostOpenShiftsBody) {
    const { week } = await this.rosters.readable(actor, body.rosterId);
    if (!week.dates.includes(body.date))
      throw OpenShiftProblems.dateOutsideWeek.at('date', {
        date: body.date,
        from: week.dates[0],
        to: week.dates[week.dates.length - 1],
      });
    await this.weeks.refusePast(actor.shopId, body.date, 'date');
    const template = (await this.templates.all(actor.shopId)).find((t) => t.code === body.shiftTemplate);
    if (!template) throw OpenShiftProblems.unknownTemplate.at('shiftTemplate', { template: body.shiftTemplate });
    const start = body.start ? clockMinutes(body.start) : this.startOf(template);
    const row = {
      rosterId: body.rosterId,
      date: body.date,
      shiftTemplateId: template.id,
      startMinutes: start,
      skill: body.skill ?? null,
      policy: body.policy,
    };
    return this.store(
      actor,
      Array.from({ length: body.count }, () => row),
    );
  }

  /** The day-cover gaps of the roster's newest version (today on), each missing agent one open shift, less those still open. */
  async postGaps(actor: Actor, body: PostGapsBody) {
    const { week } = await this.rosters.readable(actor, body.rosterId);
    const [{ before }] = await this.weeks.check(actor.shopId, new Map([[body.rosterId, []]]));
    const today = await this.weeks.today(actor.shopId);
    const posted = await this.open.openCounts(actor.shopId, body.rosterId);
    const byId = new Map((await this.templates.all(actor.shopId)).map((t) => [t.id, t]));
    const rows = before.dayCoverage.flatMap((c) => {
      const date = week.dates[c.day];
      const template = byId.get(c.shiftTypeId);
      const missing = c.required - c.scheduled - (posted.get(`${date}/${c.shiftTypeId}/${c.skill ?? ''}`) ?? 0);
      if (!template || date < today || missing <= 0) return [];
      return Array.from({ length: missing }, () => ({
        rosterId: body.rosterId,
        date,
        shiftTemplateId: template.id,
        startMinutes: this.startOf(template),
        skill: c.skill,
        policy: body.policy,
      }));
    });
    return this.store(actor, rows);
  }

  async list(
    actor: Actor,
    query: ListOpenShiftsQuery,
  ): Promise<Page<Awaited<ReturnType<OpenShiftService['views']>>[number]>> {
    // Agents and supervisors see those open to their own team; managers the shop's.
    const teamId =
      actor.role === 'agent' || actor.role === 'supervisor'
        ? actor.agentId
          ? (await this.weeks.agent(actor.shopId, actor.agentId)).teamId
          : null
        : undefined;
    const { rows, total } = await this.listing.list(actor.shopId, query, teamId);
    return { items: await this.views(actor.shopId, rows), total, limit: query.limit, offset: query.offset };
  }

  /** A volunteer who may legally work it: under `first` they get it at once, else they wait for the manager's pick. */
  async volunteer(actor: Actor, id: string, body: VolunteerBody) {
    const row = await this.db.transaction(async () => {
      const shift = await this.openOne(actor, id);
      const agent = await this.weeks.actedFor(actor, body.agentId);
      const change = await this.assess(actor.shopId, shift, agent);
      await this.open.volunteer(actor.shopId, id, agent.id);
      await this.audit(actor, shift, 'volunteered', agent.id, [shift.rosterId]);
      if (shift.policy === 'first') return this.assign(actor, shift, agent, change);
      await this.notices.tellSupervisorsOf(actor.shopId, [agent.id], {
        kind: 'request-waiting',
        subject: 'open-shift',
        subjectId: id,
        message: fillText(text('{agent} volunteers for {shift} on {date}', '{agent}报名 {date} 的{shift}'), {
          agent: agentName(agent),
          shift: await this.name(actor.shopId, shift),
          date: shift.date,
        }),
      });
      return shift;
    });
    await this.notices.deliver(actor.shopId);
    return (await this.views(actor.shopId, [row]))[0];
  }

  /** The manager's pick among the volunteers, checked again now. */
  async pick(actor: Actor, id: string, body: AssignBody) {
    const row = await this.db.transaction(async () => {
      const shift = await this.openOne(actor, id);
      const agent = await this.weeks.actedFor(actor, body.agentId);
      if (!(await this.open.volunteers([id])).get(id)?.includes(agent.id)) {
        throw OpenShiftProblems.notVolunteered({
          agent: agentName(agent),
          shift: await this.name(actor.shopId, shift),
          date: shift.date,
        });
      }
      return this.assign(actor, shift, agent, await this.assess(actor.shopId, shift, agent));
    });
    await this.notices.deliver(actor.shopId);
    return (await this.views(actor.shopId, [row]))[0];
  }

  async cancel(actor: Actor, id: string) {
    const row = await this.db.transaction(async () => {
      const shift = await this.openOne(actor, id);
      const cancelled = await this.open.update(id, {
        status: 'cancelled',
        decidedBy: actor.userId,
        decidedAt: new Date(),
      });
      await this.audit(actor, cancelled, 'cancelled', null, [shift.rosterId]);
      return cancelled;
    });
    return (await this.views(actor.shopId, [row]))[0];
  }

  private async store(actor: Actor, rows: PostedShift[]) {
    const saved = await this.db.transaction(async () => {
      const inserted = await this.open.insert(
        rows.map((r) => ({ ...r, shopId: actor.shopId, status: 'open', postedBy: actor.userId })),
      );
      for (const s of inserted) await this.audit(actor, s, 'posted', null, [s.rosterId]);
      return inserted;
    });
    return { items: await this.views(actor.shopId, saved) };
  }

  private startOf(template: Template): number {
    return template.startMinutes ?? template.startEarliest ?? 0;
  }

  private async openOne(actor: Actor, id: string): Promise<OpenShift> {
    const shift = await this.open.lock(actor.shopId, id);
    if (!shift) throw OpenShiftProblems.notFound();
    if (shift.status !== 'open')
      throw SelfServiceProblems.decided(
        { state: labelOf(OpenShiftStatusLabels, shift.status) },
        { extra: { state: shift.status } },
      );
    return shift;
  }

  /** Who may work it: today or later, their week published on this roster, the skill, no shift that day, every hard rule. */
  private async assess(shopId: string, shift: OpenShift, agent: AgentFacts): Promise<ShiftChange> {
    await this.weeks.refusePast(shopId, shift.date, 'date');
    await this.weeks.requirePublished(shopId, agent, [shift.date]);
    const name = await this.name(shopId, shift);
    if ((await this.weeks.rosterOf(shopId, agent, shift.date)) !== shift.rosterId)
      throw OpenShiftProblems.notOnRoster({ shift: name, date: shift.date, agent: agentName(agent) });
    await this.weeks.requireSkill(shopId, agent, shift.skill, name, shift.date);
    await this.weeks.refuseBusy(shopId, agent, shift.date);
    const change: ShiftChange = {
      agentId: agent.id,
      date: shift.date,
      shiftTemplate: await this.weeks.shiftCode(shopId, shift.shiftTemplateId),
      ...changeStart(shift.startMinutes),
      ...(shift.skill ? { skill: shift.skill } : {}),
    };
    await this.weeks.check(shopId, new Map([[shift.rosterId, [change]]]));
    return change;
  }

  private async assign(actor: Actor, shift: OpenShift, agent: AgentFacts, change: ShiftChange): Promise<OpenShift> {
    const published = await this.weeks.publish(actor, new Map([[shift.rosterId, [change]]]));
    const row = await this.open.update(shift.id, {
      status: 'filled',
      assignedAgentId: agent.id,
      decidedBy: actor.userId,
      decidedAt: new Date(),
      published,
    });
    await this.audit(
      actor,
      row,
      'assigned',
      agent.id,
      published.map((p) => p.rosterId),
      { published },
    );
    await this.notices.tellAgents(actor.shopId, [agent.id], {
      kind: 'shift-changed',
      subject: 'open-shift',
      subjectId: row.id,
      message: fillText(text('You work {shift} on {date} (open shift)', '您将在 {date} 上{shift}（空缺班次）'), {
        shift: await this.name(actor.shopId, row),
        date: row.date,
      }),
    });
    return row;
  }

  private async name(shopId: string, shift: OpenShift): Promise<string> {
    return (await this.weeks.shiftNames(shopId)).get(shift.shiftTemplateId)?.name ?? '—';
  }

  private audit(
    actor: Actor,
    row: OpenShift,
    action: string,
    agentId: string | null,
    rosterIds: string[],
    detail: Record<string, unknown> = {},
  ) {
    return this.weeks.org.record([
      {
        shopId: actor.shopId,
        subject: 'open-shift',
        subjectId: row.id,
        action,
        actorUserId: actor.userId,
        agentIds: agentId ? [agentId] : [],
        rosterIds,
        detail: { date: row.date, start: clockText(row.startMinutes), skill: row.skill, ...detail },
      },
    ]);
  }

  private async views(shopId: string, rows: OpenShift[]) {
    const [names, volunteers] = await Promise.all([
      this.weeks.shiftNames(shopId),
      this.open.volunteers(rows.map((r) => r.id)),
    ]);
    return rows.map((r) => ({
      id: r.id,
      rosterId: r.rosterId,
      date: r.date,
      shiftTemplate: names.get(r.shiftTemplateId)?.code ?? null,
      shiftName: names.get(r.shiftTemplateId)?.name ?? null,
      start: clockText(r.startMinutes),
      skill: r.skill,
      policy: r.policy,
      status: r.status,
      statusLabel: labelIn(OpenShiftStatusLabels, r.status),
      assignedAgentId: r.assignedAgentId,
      volunteers: volunteers.get(r.id) ?? [],
      published: r.published,
      createdAt: r.createdAt,
    }));
  }
}
