import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { FieldError, messageValue } from 'src/platform/errors/problem';
import { labelOf } from 'src/platform/i18n/texts';
import { agentName } from 'src/modules/org/org.labels';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { ShopService } from 'src/modules/org/shop.service';
import { categoryScore } from './category-score';
import { trainingEffect } from './engine/training-effect';
import type { AttendanceBody, EffectQuery, SessionsQuery } from './training.dto';
import { SESSION_PLANNERS } from './training-roles';
import { TrainingInputReads } from './training-input.reads';
import { TrainingSession, TrainingSessionRepository } from './training-session.repository';
import { sessionView, SessionView } from './training-view';
import { SessionStatusLabels } from './training.labels';
import { TrainingProblems, TrainingTexts } from './training.problems';

const DAY = 86_400_000;
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

/** Reading sessions within one's scope, recording attendance, and the effect report. */
@Injectable()
export class TrainingSessionService {
  constructor(
    private readonly shops: ShopService,
    private readonly sessions: TrainingSessionRepository,
    private readonly input: TrainingInputReads,
    private readonly scope: AgentScope,
  ) {}

  /**
   * Sessions overlapping [from, to) with their attendees: the time each agent is away from the
   * queues for training (coverage subtracts it). Agents see their own, supervisors their teams'.
   */
  async list(actor: Actor, query: SessionsQuery): Promise<{ from: string; to: string; items: SessionView[] }> {
    if (query.status === 'draft' && !SESSION_PLANNERS.includes(actor.role)) throw TrainingProblems.draftsForPlanners();
    const shop = await this.shops.context(actor.shopId);
    const visible = await this.scope.visibleAgentIds(actor);
    const rows = await this.sessions.list(shop.id, {
      from: new Date(query.from),
      to: new Date(query.to),
      status: query.status,
      agentIds: visible,
    });
    const attendees = await this.sessions.attendees(rows.map((s) => s.id));
    const seen = visible ? new Set(visible) : null;
    const items = rows.map((s) =>
      sessionView(
        s,
        attendees.filter((a) => a.sessionId === s.id && (!seen || seen.has(a.agentId))),
        shop.timeZone,
      ),
    );
    return { from: query.from, to: query.to, items };
  }

  async get(actor: Actor, id: string): Promise<SessionView> {
    const shop = await this.shops.context(actor.shopId);
    const { session, visible } = await this.find(actor, id);
    const attendees = (await this.sessions.attendees([id])).filter((a) => !visible || visible.has(a.agentId));
    return sessionView(session, attendees, shop.timeZone);
  }

  async attendance(actor: Actor, id: string, body: AttendanceBody): Promise<SessionView> {
    const { session } = await this.find(actor, id);
    if (session.status !== 'booked')
      throw TrainingProblems.attendanceOnlyBooked(
        { state: labelOf(SessionStatusLabels, session.status) },
        { extra: { state: session.status } },
      );
    const placed = new Set((await this.sessions.attendees([id])).map((a) => a.agentId));
    const strangers = body.attendees.map((a, i) => ({ ...a, i })).filter((a) => !placed.has(a.agentId));
    if (strangers.length) {
      const names = new Map(
        (
          await this.input.agentsByIds(
            actor.shopId,
            strangers.map((a) => a.agentId),
          )
        ).map((a) => [a.id, a]),
      );
      const errors: FieldError[] = strangers.map((a) => {
        const agent = names.get(a.agentId);
        return {
          field: `attendees.${a.i}.agentId`,
          message: agent
            ? { template: TrainingTexts.notAttendee, params: { agent: agentName(agent) } }
            : TrainingTexts.agentUnknown,
          code: TrainingProblems.attendanceRefused.code,
          in: 'body',
        };
      });
      throw TrainingProblems.attendanceRefused({ problems: errors.map((e) => messageValue(e.message)) }, { errors });
    }
    await this.sessions.markAttendance(id, body.attendees, actor.userId);
    return this.get(actor, id);
  }

  /**
   * Effect: the QC scores in the session's category of those who attended, N days before against
   * N days after, beside everyone else reviewed over the same days (a difference in differences).
   */
  async effect(actor: Actor, id: string, query: EffectQuery) {
    const { session } = await this.find(actor, id);
    if (session.status !== 'booked')
      throw TrainingProblems.effectOnlyBooked(
        { state: labelOf(SessionStatusLabels, session.status) },
        { extra: { state: session.status } },
      );
    const attendees = await this.sessions.attendees([id]);
    const attended = new Set(attendees.filter((a) => a.attendance === 'attended').map((a) => a.agentId));
    const from = new Date(session.startsAt.getTime() - query.days * DAY);
    const to = new Date(session.endsAt.getTime() + query.days * DAY);
    const scores = (await this.input.categoryScores(actor.shopId, session.category, from, to)).map((r) => ({
      agentId: r.agentId,
      at: r.at.getTime(),
      score: categoryScore(r),
    }));
    const effect = trainingEffect(
      scores,
      attended,
      { start: session.startsAt.getTime(), end: session.endsAt.getTime() },
      query.days,
    );
    const group = (g: typeof effect.attendees) => ({
      before: { ...g.before, mean: round2(g.before.mean) },
      after: { ...g.after, mean: round2(g.after.mean) },
      change: round2(g.change),
    });
    return {
      sessionId: id,
      category: session.category,
      days: query.days,
      attended: attended.size,
      absent: attendees.filter((a) => a.attendance === 'absent').length,
      notRecorded: attendees.filter((a) => a.attendance === 'invited').length,
      attendees: group(effect.attendees),
      others: group(effect.others),
      effect: round2(effect.effect),
    };
  }

  /** Another shop's session, or one outside an agent's or supervisor's reach, is not found. */
  private async find(actor: Actor, id: string): Promise<{ session: TrainingSession; visible: Set<string> | null }> {
    const session = await this.sessions.find(actor.shopId, id);
    if (!session || (session.status === 'draft' && !SESSION_PLANNERS.includes(actor.role)))
      throw TrainingProblems.sessionNotFound();
    const ids = await this.scope.visibleAgentIds(actor);
    if (!ids) return { session, visible: null };
    const visible = new Set(ids);
    const attendees = await this.sessions.attendees([id]);
    if (!attendees.some((a) => visible.has(a.agentId))) throw TrainingProblems.sessionNotFound();
    return { session, visible };
  }
}
