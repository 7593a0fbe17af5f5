import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import { FieldError, messageValue } from 'src/platform/errors/problem';
import { text, Text } from 'src/platform/i18n/locale';
import { Notices } from 'src/modules/notification/notification.service';
import { say } from 'src/platform/i18n/request-locale';
import type { Shop } from 'src/modules/org/shop.repository';
import { agentName } from 'src/modules/org/org.labels';
import { ShopService } from 'src/modules/org/shop.service';
import type { PlacementContext, SessionOption, SessionRequest } from './engine/placement-types';
import { SessionPlacement } from './engine/session-placement';
import { MakeupTask, MakeupTaskRepository } from './makeup-task.repository';
import { PlacementContextService } from './placement-context.service';
import { localDaysWindow } from 'src/platform/time/shop-calendar';
import { minServiceLevelOf } from './training-settings';
import type { BookBody, ProposalBody } from './training.dto';
import { AgentInTeam, TrainingInputReads } from './training-input.reads';
import { TrainingSession, TrainingSessionRepository } from './training-session.repository';
import { labelIn } from 'src/platform/i18n/texts';
import { MakeupReasonLabels } from './training.labels';
import { TrainingProblems, TrainingTexts } from './training.problems';
import { impactOf, MissingInvitee, optionView, sessionView } from './training-view';

type SessionFields = Pick<
  ProposalBody,
  'category' | 'title' | 'lengthMinutes' | 'capacity' | 'trainerUserId' | 'invitees' | 'allowBelowMinimum'
>;

const TRAINER_ROLES = new Set(['trainer', 'manager', 'supervisor', 'admin']);
const refused = (errors: FieldError[]) =>
  TrainingProblems.sessionRefused(
    { problems: errors.map((e) => messageValue(e.message)) },
    { errors: errors.map((e) => ({ code: TrainingProblems.sessionRefused.code, ...e, in: 'body' })) },
  );
const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10} %`;
const covers = (outer: { start: number; end: number }, inner: { start: number; end: number }) =>
  outer.start <= inner.start && inner.end <= outer.end;

/** Proposing start times for a session and booking one (or a plan of repeated sessions). */
@Injectable()
export class SessionPlanning {
  constructor(
    private readonly db: Db,
    private readonly shops: ShopService,
    private readonly input: TrainingInputReads,
    private readonly placementContext: PlacementContextService,
    private readonly sessions: TrainingSessionRepository,
    private readonly makeup: MakeupTaskRepository,
    private readonly notices: Notices,
  ) {}

  async propose(actor: Actor, body: ProposalBody) {
    const { shop, invitees, request, context, warnings } = await this.prepare(
      actor,
      body,
      localDaysWindow(body.from, body.to, (await this.shops.context(actor.shopId)).timeZone),
    );
    const options = new SessionPlacement(context).propose({ ...request, options: body.options });
    return {
      minServiceLevel: request.minServiceLevel,
      invitees: invitees.length,
      options: options.map((o) =>
        optionView(o, this.missing(context, invitees, [o]), shop.timeZone, request.minServiceLevel),
      ),
      warnings: warnings.map(say),
    };
  }

  /** Books at the given start (priced afresh against today's roster) or a whole plan; absentees get make-up tasks. */
  async book(actor: Actor, body: BookBody) {
    const shop = await this.shops.context(actor.shopId);
    if (body.start && Date.parse(body.start) % (shop.slotMinutes * 60_000) !== 0)
      throw TrainingProblems.notOnSlotGrid.at('start', { minutes: shop.slotMinutes });
    // Priced and stored under one lock: a concurrent booking cannot take the same people or trainer meanwhile.
    const stored = await this.db.transaction(async () => {
      await this.sessions.lockShop(shop.id);
      return this.placeAndStore(actor, shop, body);
    });
    const attendees = await this.sessions.attendees(stored.sessions.map((s) => s.id));
    return {
      planId: stored.sessions[0].planId,
      sessions: stored.sessions.map((s) =>
        sessionView(
          s,
          attendees.filter((a) => a.sessionId === s.id),
          shop.timeZone,
        ),
      ),
      makeupTasks: stored.tasks.map((t) => ({
        id: t.id,
        agentId: t.agentId,
        reason: t.reason,
        reasonLabel: labelIn(MakeupReasonLabels, t.reason),
        supervisorAgentId: t.supervisorAgentId,
      })),
    };
  }

  private async placeAndStore(
    actor: Actor,
    shop: Shop,
    body: BookBody,
  ): Promise<{ sessions: TrainingSession[]; tasks: MakeupTask[] }> {
    const window = body.start
      ? { start: new Date(body.start), end: new Date(Date.parse(body.start) + body.lengthMinutes * 60_000) }
      : localDaysWindow(body.plan!.from, body.plan!.to, shop.timeZone);
    const { invitees, request, context } = await this.prepare(actor, body, window);
    const placement = new SessionPlacement(context);
    let chosen: SessionOption[];
    let missing: MissingInvitee[];
    if (body.start) {
      chosen = placement.propose({ ...request, options: 1 });
      missing = chosen.length ? this.missing(context, invitees, chosen) : [];
    } else {
      const plan = placement.plan(request);
      chosen = plan.sessions;
      const unplaced = new Set(plan.makeUp);
      missing = this.missing(context, invitees, chosen, window).filter((m) => unplaced.has(m.agentId));
    }
    if (chosen.length === 0) {
      const extra = { extra: { minServiceLevel: request.minServiceLevel } };
      throw body.start
        ? TrainingProblems.noInviteeAtStart({ level: percent(request.minServiceLevel) }, extra)
        : TrainingProblems.noTimeInWindow(undefined, extra);
    }
    const byId = new Map(invitees.map((a) => [a.id, a]));
    const planId = chosen.length > 1 ? randomUUID() : null;
    if (body.draftId && !(await this.sessions.deleteDraft(shop.id, body.draftId)))
      throw TrainingProblems.draftNotFound();
    const sessions: TrainingSession[] = [];
    for (const option of chosen) {
      sessions.push(
        await this.sessions.insert(
          {
            shopId: shop.id,
            category: body.category,
            title: body.title ?? body.category,
            status: 'booked',
            startsAt: new Date(option.start),
            endsAt: new Date(option.end),
            capacity: body.capacity,
            trainerUserId: body.trainerUserId,
            planId,
            impact: impactOf(option, request.minServiceLevel),
            lostContactsWithinTarget: option.lostContactsWithinTarget,
            createdBy: actor.userId,
          },
          option.attendees,
        ),
      );
    }
    const tasks = await this.makeup.insert(
      missing.map((m) => ({
        shopId: shop.id,
        sessionId: sessions[0].id,
        agentId: m.agentId,
        teamId: byId.get(m.agentId)?.teamId ?? null,
        supervisorAgentId: byId.get(m.agentId)?.supervisorAgentId ?? null,
        category: body.category,
        reason: m.reason,
      })),
    );
    const supervisors = [...new Set(tasks.map((t) => t.supervisorAgentId).filter((s): s is string => s !== null))];
    await this.notices.tellAgents(shop.id, supervisors, {
      kind: 'makeup-task',
      subject: 'training-session',
      subjectId: sessions[0].id,
      message: text(
        `Make-up coaching for agents who miss the training “${sessions[0].title}”`,
        `培训“${sessions[0].title}”缺席客服的补训任务`,
      ),
    });
    return { sessions, tasks };
  }

  private async prepare(
    actor: Actor,
    body: SessionFields,
    window: { start: Date; end: Date },
  ): Promise<{
    shop: Shop;
    invitees: AgentInTeam[];
    request: SessionRequest;
    context: PlacementContext;
    warnings: Text[];
  }> {
    const shop = await this.shops.context(actor.shopId);
    const trainer = await this.input.user(shop.id, body.trainerUserId);
    if (!trainer) throw TrainingProblems.trainerNotFound();
    const errors: FieldError[] = [];
    if (!trainer.active || !TRAINER_ROLES.has(trainer.role))
      errors.push({
        field: 'trainerUserId',
        message: { template: TrainingTexts.notATrainer, params: { user: trainer.displayName } },
      });
    const invitees = await this.invitees(shop.id, body.invitees, errors);
    if (errors.length) throw refused(errors);
    const { context, warnings } = await this.placementContext.load(actor, shop, window);
    const request: SessionRequest = {
      lengthMinutes: body.lengthMinutes,
      capacity: body.capacity,
      invitees: invitees.map((a) => a.id),
      window: { start: window.start.getTime(), end: window.end.getTime() },
      trainerBusy: await this.sessions.trainerBusy(shop.id, body.trainerUserId, window.start, window.end),
      minServiceLevel: minServiceLevelOf(shop),
      allowBelowMinimum: body.allowBelowMinimum,
    };
    return { shop, invitees, request, context, warnings };
  }

  private async invitees(
    shopId: string,
    invitees: SessionFields['invitees'],
    errors: FieldError[],
  ): Promise<AgentInTeam[]> {
    const ids = [...new Set(invitees.agentIds ?? [])];
    const named = new Map((await this.input.agentsByIds(shopId, ids)).map((a) => [a.id, a]));
    const unknown = (invitees.agentIds ?? []).findIndex((id) => !named.has(id));
    if (unknown >= 0)
      throw TrainingProblems.agentNotFound(undefined, {
        errors: [{ field: `invitees.agentIds.${unknown}`, message: TrainingTexts.agentUnknown, in: 'body' }],
      });
    if (invitees.teamId && !(await this.input.teamExists(shopId, invitees.teamId)))
      throw TrainingProblems.teamNotFound();
    const found = new Map([...named.values()].filter((a) => a.active).map((a) => [a.id, a]));
    (invitees.agentIds ?? []).forEach((id, i) => {
      const agent = named.get(id)!;
      if (!found.has(id))
        errors.push({
          field: `invitees.agentIds.${i}`,
          message: { template: TrainingTexts.agentInactive, params: { agent: agentName(agent) } },
        });
    });
    if (invitees.teamId)
      for (const member of await this.input.teamMembers(shopId, invitees.teamId)) found.set(member.id, member);
    if (!errors.length && found.size === 0) errors.push({ field: 'invitees.teamId', message: TrainingTexts.teamEmpty });
    return [...found.values()].sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
  }

  /**
   * Invitees the sessions do not take: off shift (or on a break or in other training) for the
   * whole of every session — or, for a plan, at any moment of the window — or on shift but left
   * out to keep the service minimum or the capacity.
   */
  private missing(
    context: PlacementContext,
    invitees: AgentInTeam[],
    sessions: SessionOption[],
    planWindow?: { start: Date; end: Date },
  ): MissingInvitee[] {
    const placed = new Set(sessions.flatMap((s) => s.attendees));
    const free = (agentId: string, range: { start: number; end: number }) =>
      context.shifts.some(
        (s) =>
          s.agentId === agentId &&
          covers(s, range) &&
          !s.breaks.some((b) => b.start < range.end && range.start < b.end),
      );
    const onShift = (agentId: string) =>
      planWindow
        ? context.shifts.some(
            (s) => s.agentId === agentId && s.start < planWindow.end.getTime() && planWindow.start.getTime() < s.end,
          )
        : sessions.some((session) => free(agentId, session));
    return invitees
      .filter((a) => !placed.has(a.id))
      .map((a) => ({ agentId: a.id, reason: onShift(a.id) ? 'not_placed' : 'off_shift' }));
  }
}
