import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import type { LeaveCredit } from 'src/platform/db/schema';
import { localDaysWindow } from 'src/platform/time/shop-calendar';
import { labelOf } from 'src/platform/i18n/texts';
import type { Page } from 'src/platform/http/pagination';
import { AgentRepository } from './agent.repository';
import { CreateLeaveBody, ListLeaveQuery } from './leave.dto';
import { Leave, LeaveRepository } from './leave.repository';
import { AgentScope } from './agent-scope.service';
import { LeaveStatusLabels } from './org.labels';
import { OrgProblems } from './org.problems';
import { ShopService } from './shop.service';

const localDaysWindowAs = (from: string, to: string, zone: string) => {
  const { start, end } = localDaysWindow(from, to, zone);
  return { startsAt: start, endsAt: end };
};

/** Leave requests: agents ask for their own, supervisors decide for their team, managers and HR for all. */
@Injectable()
export class LeaveService {
  constructor(
    private readonly db: Db,
    private readonly leaves: LeaveRepository,
    private readonly agents: AgentRepository,
    private readonly scope: AgentScope,
    private readonly shops: ShopService,
  ) {}

  request(actor: Actor, body: CreateLeaveBody): Promise<Leave> {
    return this.db.transaction(async () => {
      const agentId = body.agentId ?? actor.agentId;
      if (!agentId) throw OrgProblems.noAgentRecord();
      await this.checkReach(actor, agentId);
      const zone = (await this.shops.context(actor.shopId)).timeZone;
      const clash = await this.leaves.overlapping(actor.shopId, agentId, body.startDate, body.endDate);
      if (clash)
        throw OrgProblems.leaveOverlaps(
          { start: clash.startDate, end: clash.endDate, state: labelOf(LeaveStatusLabels, clash.status) },
          { extra: { leaveId: clash.id } },
        );
      return this.leaves.insert({
        shopId: actor.shopId,
        agentId,
        kind: body.kind,
        startDate: body.startDate,
        endDate: body.endDate,
        // Whole local days, planned ahead: no credit stored (a working day's share a day, see roster-leave).
        ...localDaysWindowAs(body.startDate, body.endDate, zone),
        reason: body.reason,
        status: 'requested',
      });
    });
  }

  /**
   * For other modules (a self-service time-off approval): leave granted at once, in the caller's
   * transaction, decided by the user who approved it.
   */
  grant(
    shopId: string,
    leave: {
      agentId: string;
      kind: string;
      startDate: string;
      endDate: string;
      startsAt: Date;
      endsAt: Date;
      credit: LeaveCredit[];
      reason?: string | null;
    },
    decidedBy: string,
  ): Promise<Leave> {
    return this.leaves.insert({
      shopId,
      ...leave,
      reason: leave.reason ?? null,
      status: 'approved',
      decidedBy,
      decidedAt: new Date(),
    });
  }

  async list(actor: Actor, query: ListLeaveQuery): Promise<Page<Leave>> {
    const only = await this.scope.visibleAgentIds(actor);
    const { rows, total } = await this.leaves.list(actor.shopId, query, only);
    return { items: rows, total, limit: query.limit, offset: query.offset };
  }

  /**
   * For the decision (time-off module, which lays approved leave on published rosters): the leave
   * locked in the caller's transaction, in the decider's reach and still requested.
   */
  async decidable(actor: Actor, id: string): Promise<Leave> {
    const leave = await this.visible(actor, id, true);
    if (actor.role === 'agent') throw OrgProblems.leaveNotFound();
    if (leave.status !== 'requested')
      throw OrgProblems.leaveNotRequested(
        { state: labelOf(LeaveStatusLabels, leave.status) },
        { extra: { state: leave.status, allowedFrom: ['requested'] } },
      );
    return leave;
  }

  /** The decision stored; approved leave that freed published shifts takes the instants and credit they give. */
  decided(
    actor: Actor,
    id: string,
    decision: 'approved' | 'rejected',
    window?: Pick<Leave, 'startsAt' | 'endsAt' | 'credit'>,
  ): Promise<Leave> {
    return this.leaves.setStatus(id, decision, actor.userId, window);
  }

  /** For other modules: the roster versions an approval published, kept so cancelling can give the shifts back. */
  recordPublished(id: string, published: Leave['published']): Promise<void> {
    return this.leaves.setPublished(id, published);
  }

  /**
   * For the cancellation (time-off module, which gives the shifts approved leave freed back): the
   * leave locked in the caller's transaction, in the caller's reach, and still requested or approved.
   */
  async cancellable(actor: Actor, id: string): Promise<Leave> {
    const leave = await this.visible(actor, id, true);
    if (!['requested', 'approved'].includes(leave.status))
      throw OrgProblems.leaveAlreadyDone(
        { state: labelOf(LeaveStatusLabels, leave.status) },
        { extra: { state: leave.status, allowedFrom: ['requested', 'approved'] } },
      );
    return leave;
  }

  cancelled(id: string): Promise<Leave> {
    return this.leaves.setStatus(id, 'cancelled', null);
  }

  private async visible(actor: Actor, id: string, lock = false): Promise<Leave> {
    const leave = await this.leaves.find(actor.shopId, id, lock);
    const only = await this.scope.visibleAgentIds(actor);
    if (!leave || (only && !only.includes(leave.agentId))) throw OrgProblems.leaveNotFound();
    return leave;
  }

  private async checkReach(actor: Actor, agentId: string): Promise<void> {
    const only = await this.scope.visibleAgentIds(actor);
    if ((only && !only.includes(agentId)) || !(await this.agents.find(actor.shopId, agentId)))
      throw OrgProblems.agentNotFound();
  }
}
