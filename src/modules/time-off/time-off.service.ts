import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import type { Page } from 'src/platform/http/pagination';
import { fillText, text } from 'src/platform/i18n/locale';
import { labelIn, labelOf } from 'src/platform/i18n/texts';
import { Notices } from 'src/modules/notification/notification.service';
import { agentName } from 'src/modules/org/org.labels';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { LeaveService } from 'src/modules/org/leave.service';
import { ShopService } from 'src/modules/org/shop.service';
import type { Shop } from 'src/modules/org/shop.repository';
import { datesBetween, PublishedWeeks } from 'src/modules/self-service/published-weeks.service';
import { SelfServiceProblems } from 'src/modules/self-service/self-service.problems';
import type { AgentFacts } from 'src/modules/self-service/self-service.repository';
import { CreateTimeOffBody, DecideTimeOffBody, ListTimeOffQuery } from './time-off.dto';
import { TimeOffStatusLabels, TimeOffWords } from './time-off.labels';
import { TimeOffProblems } from './time-off.problems';
import { LeaveTakenReads } from './leave-taken.reads';
import { timeOffEvent } from './time-off-audit';
import { TimeOffRepository, TimeOffRequest } from './time-off.repository';
import { allowancesFor, allowanceVerdict, coverageHolds, OffCount } from './time-off-rules';
import { wishWindow } from './time-off-leave';
import { datesOf, Freed, TimeOffFreeing, Weighed, Wish } from './time-off-freeing';
import { LeaveWithdrawal } from './leave-withdrawal.service';

/**
 * Time off asked for by agents: approved at once within the shop's allowance (or while cover holds),
 * else a supervisor decides. Approval grants leave and frees the shifts in the published roster
 * as its next version; a hard rule or a cap it would break refuses it with the reason.
 */
@Injectable()
export class TimeOffService {
  constructor(
    private readonly db: Db,
    private readonly requests: TimeOffRepository,
    private readonly leaveTaken: LeaveTakenReads,
    private readonly weeks: PublishedWeeks,
    private readonly shops: ShopService,
    private readonly scope: AgentScope,
    private readonly leave: LeaveService,
    private readonly notices: Notices,
    private readonly freeing: TimeOffFreeing,
    private readonly withdrawal: LeaveWithdrawal,
  ) {}

  async request(actor: Actor, body: CreateTimeOffBody) {
    const agentId = body.agentId ?? actor.agentId;
    if (!agentId) throw SelfServiceProblems.noAgentRecord();
    if (!(await this.scope.canSee(actor, agentId))) throw TimeOffProblems.notFound();
    const agent = await this.weeks.agent(actor.shopId, agentId);
    const wish: Wish = {
      agentId,
      startDate: body.startDate,
      endDate: body.endDate,
      startTime: body.startTime ?? null,
      endTime: body.endTime ?? null,
    };
    const zone = (await this.shops.context(actor.shopId)).timeZone;
    const saved = await this.db.transaction(async () => {
      await this.requests.lockAllowances(actor.shopId);
      const clash =
        (await this.leaveTaken.overlapping(actor.shopId, agentId, wishWindow(wish, zone))) ??
        (await this.requests.pendingOverlap(actor.shopId, agentId, wish));
      if (clash)
        throw TimeOffProblems.overlaps({
          agent: agentName(agent),
          what: labelOf(TimeOffWords, clash.what),
          start: clash.startDate,
          end: clash.endDate,
        });
      const { shop, freed, verdict } = await this.assess(actor.shopId, agent, wish);
      let row = await this.requests.insert({
        shopId: actor.shopId,
        ...wish,
        kind: body.kind,
        reason: body.reason ?? null,
        status: 'pending',
        requestedBy: actor.userId,
      });
      await this.audit(actor, row, 'requested', []);
      if (verdict === 'within' || this.coverageAllows(shop, freed))
        row = await this.approve(actor, row, agent, freed, true);
      else {
        await this.notices.tellSupervisorsOf(actor.shopId, [agentId], {
          kind: 'request-waiting',
          subject: 'time-off',
          subjectId: row.id,
          message: fillText(text('{agent} asks for time off {dates}', '{agent}申请休假 {dates}'), {
            agent: agentName(agent),
            dates: datesOf(row),
          }),
        });
      }
      return row;
    });
    await this.notices.deliver(actor.shopId);
    return this.view(saved, agent);
  }

  async list(actor: Actor, query: ListTimeOffQuery): Promise<Page<ReturnType<TimeOffService['view']>>> {
    const only = await this.scope.visibleAgentIds(actor);
    const { rows, total } = await this.requests.list(actor.shopId, query, only);
    return {
      items: rows.map((r) => this.view(r, { name: r.agentName })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** One decision per request: the row is locked, so of two deciding at once the second gets 409. */
  async decide(actor: Actor, id: string, body: DecideTimeOffBody) {
    const { row, agent } = await this.db.transaction(async () => {
      const request = await this.visible(actor, id);
      const agent = await this.weeks.agent(actor.shopId, request.agentId);
      if (body.decision === 'rejected') {
        const rejected = await this.requests.update(id, {
          status: 'rejected',
          decidedBy: actor.userId,
          decidedAt: new Date(),
          note: body.note ?? null,
        });
        await this.audit(actor, rejected, 'rejected', [], { note: body.note ?? null });
        await this.tellDecision(actor.shopId, rejected);
        return { row: rejected, agent };
      }
      await this.requests.lockAllowances(actor.shopId);
      const { freed } = await this.assess(actor.shopId, agent, request);
      return { row: await this.approve(actor, { ...request, note: body.note ?? null }, agent, freed, false), agent };
    });
    await this.notices.deliver(actor.shopId);
    return this.view(row, agent);
  }

  /** Withdrawn while it waits; once approved, its leave is cancelled and the shifts it took given back where they can be. */
  async cancel(actor: Actor, id: string) {
    const { row, returned } = await this.db.transaction(async () => {
      const request = await this.visible(actor, id, ['pending', 'approved']);
      if (actor.role === 'agent' && request.agentId !== actor.agentId) throw TimeOffProblems.notFound();
      const back = await this.withdrawal.ofRequest(actor, request);
      const cancelled = await this.requests.update(id, { status: 'cancelled' });
      await this.audit(actor, cancelled, 'cancelled', back?.returned.map((p) => p.rosterId) ?? [], {
        ...(back ? { returned: back.returned } : {}),
      });
      return { row: cancelled, returned: back };
    });
    await this.notices.deliver(actor.shopId);
    return { ...this.view(row, await this.weeks.agent(actor.shopId, row.agentId)), ...returned };
  }

  /** The request locked, in the caller's reach and in one of the states given (waiting, unless said). */
  private async visible(actor: Actor, id: string, states = ['pending']): Promise<TimeOffRequest> {
    const request = await this.requests.lock(actor.shopId, id);
    if (!request || !(await this.scope.canSee(actor, request.agentId))) throw TimeOffProblems.notFound();
    if (!states.includes(request.status))
      throw SelfServiceProblems.decided(
        { state: labelOf(TimeOffStatusLabels, request.status) },
        { extra: { state: request.status } },
      );
    return request;
  }

  /**
   * The rules every answer needs: today or later, published weeks, the hard rules with the leave
   * granted, and the allowance (its cap refuses; within it, the request is approved at once).
   */
  private async assess(shopId: string, agent: AgentFacts, wish: Wish) {
    await this.weeks.refusePast(shopId, wish.startDate, 'startDate');
    const dates = datesBetween(wish.startDate, wish.endDate);
    // Hours past midnight into a week not yet published are rostered around later (leave is instants).
    await this.weeks.requirePublished(shopId, agent, wish.startTime ? [wish.startDate] : dates);
    const shop = await this.shops.context(shopId);
    const freed = await this.freeing.weighed(shop, agent, wish);
    const applicable = allowancesFor(shop.settings.timeOffAllowances ?? [], agent);
    const counts: OffCount[] = [];
    for (const [i, a] of applicable.entries()) {
      const off = await this.leaveTaken.offOn(shopId, dates, a, agent.id);
      counts.push(...dates.map((date) => ({ allowance: i, date, off: off.get(date) ?? 0 })));
    }
    const verdict = allowanceVerdict(applicable, counts);
    if (verdict.verdict === 'over') {
      const group = [
        verdict.allowance.teamId ? agent.teamName : null,
        verdict.allowance.skill
          ? ((await this.weeks.org.skillNames(shopId)).get(verdict.allowance.skill) ?? verdict.allowance.skill)
          : null,
      ]
        .filter(Boolean)
        .join(' · ');
      throw TimeOffProblems.allowanceExceeded({
        off: verdict.off,
        group: group || labelOf(TimeOffWords, 'everyone'),
        date: verdict.date,
        max: verdict.allowance.maxPerDay!,
      });
    }
    return { shop, freed, verdict: verdict.verdict };
  }

  private coverageAllows(shop: Shop, freed: Weighed): boolean {
    const min = shop.settings.timeOffMinCoveragePercent;
    if (min === undefined) return false;
    return freed.checked.every((c) => coverageHolds(c.after, freed.days.get(c.rosterId) ?? [], min));
  }

  /** Leave granted, the shifts freed in a new published version, the request approved: one transaction. */
  private async approve(
    actor: Actor,
    request: TimeOffRequest,
    agent: AgentFacts,
    freed: Freed,
    auto: boolean,
  ): Promise<TimeOffRequest> {
    const leave = await this.leave.grant(
      actor.shopId,
      {
        agentId: request.agentId,
        kind: request.kind,
        startDate: request.startDate,
        endDate: request.endDate,
        ...freed.leave,
        reason: request.reason,
      },
      actor.userId,
    );
    const published = await this.freeing.publish(actor, agent, request, freed);
    await this.leave.recordPublished(leave.id, published);
    const row = await this.requests.update(request.id, {
      status: 'approved',
      autoApproved: auto,
      decidedBy: actor.userId,
      decidedAt: new Date(),
      note: request.note,
      leaveId: leave.id,
      published,
    });
    await this.audit(
      actor,
      row,
      auto ? 'auto-approved' : 'approved',
      published.map((p) => p.rosterId),
      { published, note: request.note },
    );
    await this.tellDecision(actor.shopId, row);
    return row;
  }

  private tellDecision(shopId: string, row: TimeOffRequest) {
    const state = labelOf(TimeOffStatusLabels, row.status);
    const freed =
      row.published.length > 0
        ? text(' Your shift is taken off the published roster.', '已发布排班中的班次已取消。')
        : text('', '');
    return this.notices.tellAgents(shopId, [row.agentId], {
      kind: 'request-decided',
      subject: 'time-off',
      subjectId: row.id,
      message: fillText(
        text('Your time off {dates}: {state}.{freed}{note}', '您 {dates} 的休假申请：{state}。{freed}{note}'),
        { dates: datesOf(row), state, freed, note: row.note ? ` ${row.note}` : '' },
      ),
    });
  }

  private audit(
    actor: Actor,
    row: TimeOffRequest,
    action: string,
    rosterIds: string[],
    detail: Record<string, unknown> = {},
  ) {
    return this.weeks.org.record([timeOffEvent(actor, row, action, rosterIds, detail)]);
  }

  private view(row: TimeOffRequest, agent: { name: string }) {
    const { shopId: _shop, requestedBy: _by, updatedAt: _updated, ...rest } = row;
    return { ...rest, agentName: agent.name, statusLabel: labelIn(TimeOffStatusLabels, row.status) };
  }
}
