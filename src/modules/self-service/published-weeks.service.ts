import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Actor } from 'src/platform/auth/actor';
import { text, Text } from 'src/platform/i18n/locale';
import { labelOf } from 'src/platform/i18n/texts';
import type { PublishedChange } from 'src/platform/db/schema';
import { agentName } from 'src/modules/org/org.labels';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { ShopService } from 'src/modules/org/shop.service';
import type { ShiftChange } from 'src/modules/roster/roster.dto';
import { BrokenRule, ChangeOptions, LeaveOptions, RosterEditing } from 'src/modules/roster/roster-editing.service';
import { RosterPublishing } from 'src/modules/roster/roster-publishing.service';
import { RosterReading } from 'src/modules/roster/roster-reading.service';
import { addDays } from 'src/platform/time/calendar-date';
import { ShiftTemplateService } from 'src/modules/roster/shift-template.service';
import type { RosterEvaluation } from 'src/modules/roster/solver';
import { RuleLabels } from './self-service.labels';
import { SelfServiceProblems } from './self-service.problems';
import { AgentFacts, SelfServiceRepository } from './self-service.repository';

export type PublishedShift = Awaited<ReturnType<RosterReading['publishedShifts']>>[number];
/** Changes to published rosters, by roster. */
export type RosterChanges = Map<string, ShiftChange[]>;
export type CheckedRoster = { rosterId: string; before: RosterEvaluation; after: RosterEvaluation; dates: string[] };

/** The Monday of a local date's week (rosters are weekly from Monday). */
export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** The day of its week a date is (0 = Monday). */
export const dayOfWeek = (date: string) => Math.round((Date.parse(date) - Date.parse(mondayOf(date))) / 86_400_000);

export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * The published weeks as self-service sees them: the rules every request shares (no past days, no
 * unpublished weeks, team mates only, skills held) and changes to the one truth per week made
 * through the roster module's own edit check and publishing.
 */
@Injectable()
export class PublishedWeeks {
  constructor(
    private readonly shops: ShopService,
    private readonly rosters: RosterReading,
    private readonly editing: RosterEditing,
    private readonly publishing: RosterPublishing,
    private readonly templates: ShiftTemplateService,
    private readonly scope: AgentScope,
    readonly org: SelfServiceRepository,
  ) {}

  async today(shopId: string): Promise<string> {
    const shop = await this.shops.context(shopId);
    return DateTime.now().setZone(shop.timeZone).toISODate()!;
  }

  /** Today or later in the shop's zone, else 400 naming the field. */
  async refusePast(shopId: string, date: string, field: string): Promise<void> {
    if (date < (await this.today(shopId))) throw SelfServiceProblems.pastDay.at(field, { date });
  }

  /** Every week touched must be published for the agent (its one truth exists). */
  async requirePublished(shopId: string, agent: AgentFacts, dates: string[]): Promise<void> {
    const week = await this.firstUnpublished(shopId, agent, dates);
    if (week) throw SelfServiceProblems.unpublishedWeek({ week, agent: agentName(agent) });
  }

  /** The Monday of the first week of the dates not published for the agent, or null when all are. */
  async firstUnpublished(shopId: string, agent: Pick<AgentFacts, 'id'>, dates: string[]): Promise<string | null> {
    for (const week of [...new Set(dates.map(mondayOf))]) {
      const publications = await this.rosters.publications(shopId, week, [agent.id]);
      if (publications.length === 0) return week;
    }
    return null;
  }

  /** The agent a request is made for: the caller's own record, or one the caller leads (else not found). */
  async actedFor(actor: Actor, agentId: string | undefined): Promise<AgentFacts> {
    const id = agentId ?? actor.agentId;
    if (!id) throw SelfServiceProblems.noAgentRecord();
    if (!(await this.scope.canSee(actor, id))) throw SelfServiceProblems.agentNotFound();
    return this.agent(actor.shopId, id);
  }

  /** The agent as rules need them, or 404. */
  async agent(shopId: string, agentId: string): Promise<AgentFacts> {
    const agent = (await this.org.agents(shopId, [agentId])).get(agentId);
    if (!agent) throw SelfServiceProblems.noAgentRecord();
    return agent;
  }

  /** The roster whose publication says what the agent works in the week of a date (where their changes go). */
  async rosterOf(shopId: string, agent: AgentFacts, date: string): Promise<string> {
    const [publication] = await this.rosters.publications(shopId, mondayOf(date), [agent.id]);
    if (!publication) throw SelfServiceProblems.unpublishedWeek({ week: mondayOf(date), agent: agentName(agent) });
    return publication.rosterId;
  }

  /** The agent's published shift on a date, or 409 naming agent and date. */
  async shiftOn(shopId: string, agent: AgentFacts, date: string): Promise<PublishedShift> {
    const [shift] = await this.shifts(shopId, [agent.id], date, date);
    if (!shift) throw SelfServiceProblems.noShift({ agent: agentName(agent), date });
    return shift;
  }

  /** Nobody is given a second shift on a day: a day the agent already works is refused, naming the shift. */
  async refuseBusy(shopId: string, agent: AgentFacts, date: string): Promise<void> {
    const [own] = await this.shifts(shopId, [agent.id], date, date);
    if (own)
      throw SelfServiceProblems.alreadyWorks({
        agent: agentName(agent),
        shift: (await this.shiftNames(shopId)).get(own.shiftTemplateId)?.name ?? '—',
        date,
      });
  }

  /** Only a team mate may take another agent's shift. */
  requireTeamMate(agent: AgentFacts, owner: AgentFacts, shift: string, date: string): void {
    if (!agent.teamId || agent.teamId !== owner.teamId) {
      throw SelfServiceProblems.otherTeam({
        shift,
        date,
        owner: agentName(owner),
        team: owner.teamName ?? '—',
        agent: agentName(agent),
      });
    }
  }

  /** The agent holds the skill a shift is worked with (a shift without one needs none). */
  async requireSkill(
    shopId: string,
    agent: AgentFacts,
    skill: string | null,
    shift: string,
    date: string,
  ): Promise<void> {
    if (!skill || agent.skills.includes(skill)) return;
    const name = (await this.org.skillNames(shopId)).get(skill) ?? skill;
    throw SelfServiceProblems.skillLacking({ agent: agentName(agent), skill: name, shift, date }, { extra: { skill } });
  }

  shifts(shopId: string, agentIds: string[], from: string, to: string): Promise<PublishedShift[]> {
    return this.rosters.publishedShifts(shopId, agentIds, from, to);
  }

  /** A roster's numbered version: its shifts and the agents it was made for (null if the shop has none such). */
  versionShifts(shopId: string, rosterId: string, version: number) {
    return this.rosters.versionShifts(shopId, rosterId, version);
  }

  /** Shift template names and codes by id (messages name shifts, never ids). */
  async shiftNames(shopId: string): Promise<Map<string, { code: string; name: string }>> {
    return new Map((await this.templates.all(shopId)).map((t) => [t.id, { code: t.code, name: t.name }]));
  }

  /** Every shift template by id (published shifts may use archived ones), and the active ones (for new shifts). */
  async templatesOf(shopId: string) {
    const [all, active] = await Promise.all([this.templates.all(shopId), this.templates.active(shopId)]);
    return { byId: new Map(all.map((t) => [t.id, t])), active };
  }

  async shiftCode(shopId: string, templateId: string): Promise<string> {
    const found = (await this.shiftNames(shopId)).get(templateId);
    if (!found) throw new Error(`shift template ${templateId} of a published roster is missing`);
    return found.code;
  }

  /**
   * The changes checked against every hard rule of the published version (a manager's pending draft
   * above it gets them when published); a rule they add is a 409 naming rules, people and dates.
   */
  async check(shopId: string, changes: RosterChanges, leave: LeaveOptions = {}): Promise<CheckedRoster[]> {
    const out: CheckedRoster[] = [];
    for (const [rosterId, list] of changes) {
      const { broken, before, after } = await this.editing.check(shopId, rosterId, list, { ...leave, published: true });
      if (broken.length > 0) throw await this.refusal(shopId, broken);
      out.push({ rosterId, before, after, dates: list.map((c) => c.date) });
    }
    return out;
  }

  /** The changes published as each roster's next version (in the caller's transaction), with the note given. */
  async publish(actor: Actor, changes: RosterChanges, leave: ChangeOptions = {}): Promise<PublishedChange[]> {
    const out: PublishedChange[] = [];
    for (const [rosterId, list] of changes) {
      try {
        out.push(await this.publishing.publishChanges(actor, rosterId, list, leave));
      } catch (e) {
        // The edit check's own 400 names rules by code and people by id: say it in names instead.
        const violations = (e as { extra?: { violations?: BrokenRule[] } }).extra?.violations;
        if (violations?.length) throw await this.refusal(actor.shopId, violations);
        throw e;
      }
    }
    return out;
  }

  private async refusal(shopId: string, broken: BrokenRule[]) {
    const people = await this.org.agents(shopId, [...new Set(broken.flatMap((v) => v.agentIds))]);
    const rules: Text[] = [...new Set(broken.map((v) => v.rule))].map((r) => labelOf(RuleLabels, r));
    const agents: Text[] = [...people.values()].map(agentName);
    const dates = [...new Set(broken.flatMap((v) => v.dates).filter((d): d is string => d !== null))].sort();
    return SelfServiceProblems.rulesBroken(
      { rules, agents, dates: dates.length ? dates : text('—', '—') },
      {
        extra: { violations: broken.map((v) => ({ rule: v.rule, dates: v.dates, agentIds: v.agentIds })) },
      },
    );
  }
}
