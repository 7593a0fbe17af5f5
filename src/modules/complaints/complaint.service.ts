import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import { AppError } from 'src/platform/errors/problem';
import { conflict, invalid, notFound } from 'src/platform/errors/common-problems';
import type { Page } from 'src/platform/http/pagination';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { AttributionBody, ComplaintIntakeBody, ListComplaintsQuery, ReassignBody, TransitionBody } from './complaint.dto';
import { ComplaintEvent, ComplaintRepository, ComplaintScope, ComplaintView, NewComplaint, NewComplaintEvent } from './complaint.repository';
import { ComplaintIntake } from './complaint-intake.service';
import { allowedTransitions, canTransition, ComplaintStatus, isReopen } from './engine/complaint-status';

export type ComplaintItem = ComplaintView & { allowedTransitions: readonly ComplaintStatus[] };
export type ComplaintDetail = ComplaintItem & { events: ComplaintEvent[] };

const item = (c: ComplaintView): ComplaintItem => ({ ...c, allowedTransitions: allowedTransitions(c.status as ComplaintStatus) });

/**
 * Complaints of a shop: intake, the status life cycle, reassignment and attribution, each change
 * kept in the audit trail. Agents see the complaints about them; supervisors their teams' and the
 * unattributed ones; managers, QC and admins the whole shop. What a caller may not see is 404.
 */
@Injectable()
export class ComplaintService {
  constructor(
    private readonly db: Db,
    private readonly complaints: ComplaintRepository,
    private readonly intake: ComplaintIntake,
    private readonly agentScope: AgentScope,
  ) {}

  async create(actor: Actor, body: ComplaintIntakeBody): Promise<ComplaintDetail> {
    const { ready, rejected } = await this.intake.prepare(actor, [{ row: 1, body }]);
    const problem = rejected[0];
    if (problem?.code === 'unknown_agent') throw notFound('Agent');
    if (problem) throw invalid(problem.field, problem.message);
    const [id] = await this.db.transaction(() => this.intake.store(actor, ready.map((r) => r.values)));
    if (!id) throw conflict(`A complaint with externalId ${body.externalId} already exists`);
    return this.get(actor, id);
  }

  async list(actor: Actor, query: ListComplaintsQuery): Promise<Page<ComplaintItem>> {
    const { rows, total } = await this.complaints.list(actor.shopId, query, await this.scopeOf(actor), query);
    return { items: rows.map(item), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<ComplaintDetail> {
    const complaint = await this.find(actor, id);
    return { ...item(complaint), events: await this.complaints.events(actor.shopId, id) };
  }

  async transition(actor: Actor, id: string, body: TransitionBody): Promise<ComplaintDetail> {
    return this.db.transaction(async () => {
      const current = await this.find(actor, id);
      const from = current.status as ComplaintStatus;
      if (!canTransition(from, body.to)) {
        const allowed = allowedTransitions(from);
        throw conflict(`A complaint that is ${from} cannot move to ${body.to}; allowed: ${allowed.join(', ')}`, { currentStatus: from, allowedTransitions: allowed });
      }
      const now = new Date();
      const values: Partial<NewComplaint> = { status: body.to };
      if (body.to === 'in_progress' && !current.firstRespondedAt) values.firstRespondedAt = now;
      if (body.to === 'in_progress' && current.overdueReason === 'first_response') Object.assign(values, { overdue: false, overdueReason: null, overdueFlaggedAt: null });
      if (body.to === 'resolved') Object.assign(values, { resolvedAt: now, outcome: body.outcome, customerFeedback: body.customerFeedback, overdue: false, overdueReason: null, overdueFlaggedAt: null });
      if (body.to === 'closed') values.closedAt = now;
      if (isReopen(from, body.to)) Object.assign(values, { resolvedAt: null, closedAt: null });
      const note = body.to === 'resolved' ? [body.note, `outcome: ${body.outcome}`, `customer: ${body.customerFeedback}`].filter(Boolean).join(' | ') : (body.note ?? null);
      await this.change(actor, current, values, { kind: isReopen(from, body.to) ? 'reopened' : 'status', fromValue: from, toValue: body.to, note });
      return this.get(actor, id);
    });
  }

  async reassign(actor: Actor, id: string, body: ReassignBody): Promise<ComplaintDetail> {
    return this.db.transaction(async () => {
      const current = await this.find(actor, id);
      if (current.status === 'closed') throw conflict('A closed complaint is not reassigned; reopen it first', { currentStatus: current.status });
      if (current.department === body.department) throw conflict(`The complaint is already with ${body.department}`);
      await this.change(actor, current, { department: body.department }, { kind: 'reassigned', fromValue: current.department, toValue: body.department, note: body.note });
      return this.get(actor, id);
    });
  }

  /** Who the complaint is about and whether they were at fault (what the KPIs count). */
  async attribute(actor: Actor, id: string, body: AttributionBody): Promise<ComplaintDetail> {
    return this.db.transaction(async () => {
      const current = await this.find(actor, id);
      const agentId = body.agentId === undefined ? current.agentId : body.agentId;
      const atFault = body.agentAtFault ?? (agentId ? current.agentAtFault : false);
      if (atFault && !agentId) throw invalid('agentAtFault', 'needs an agent (agentId)');
      if (agentId && agentId !== current.agentId && !(await this.mayAttributeTo(actor, agentId))) throw notFound('Agent');
      const events: Omit<NewComplaintEvent, 'shopId' | 'complaintId'>[] = [];
      if (agentId !== current.agentId) events.push({ kind: 'attribution', fromValue: current.agentId, toValue: agentId, note: body.note });
      if (atFault !== current.agentAtFault) events.push({ kind: 'fault', fromValue: String(current.agentAtFault), toValue: String(atFault), note: body.note });
      if (!events.length) throw conflict('Nothing changes: the complaint is already attributed so');
      await this.change(actor, current, { agentId, agentAtFault: atFault }, ...events);
      return this.get(actor, id);
    });
  }

  private async change(actor: Actor, current: ComplaintView, values: Partial<NewComplaint>, ...events: Omit<NewComplaintEvent, 'shopId' | 'complaintId'>[]): Promise<void> {
    const updated = await this.complaints.update(actor.shopId, current.id, current.status, values);
    if (!updated) throw new AppError('conflict', 'The complaint was changed meanwhile; read it again');
    await this.complaints.insertEvents(events.map((e) => ({ ...e, shopId: actor.shopId, complaintId: current.id, actorUserId: actor.userId, actorRole: actor.role })));
  }

  private async find(actor: Actor, id: string): Promise<ComplaintView> {
    const complaint = await this.complaints.find(actor.shopId, id, await this.scopeOf(actor));
    if (!complaint) throw notFound('Complaint');
    return complaint;
  }

  private async mayAttributeTo(actor: Actor, agentId: string): Promise<boolean> {
    return !!(await this.complaints.findAgent(actor.shopId, agentId)) && (await this.agentScope.canSee(actor, agentId));
  }

  private async scopeOf(actor: Actor): Promise<ComplaintScope> {
    if (actor.role === 'agent') return { agentIds: actor.agentId ? [actor.agentId] : [], unattributed: false };
    const visible = await this.agentScope.visibleAgentIds(actor);
    return visible ? { agentIds: visible, unattributed: true } : undefined;
  }
}
