import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import { messageValue } from 'src/platform/errors/problem';
import { labelOf } from 'src/platform/i18n/texts';
import { agentName } from 'src/modules/org/org.labels';
import type { Page } from 'src/platform/http/pagination';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import {
  AttributionBody,
  ComplaintIntakeBody,
  ListComplaintsQuery,
  ReassignBody,
  TransitionBody,
} from './complaint.dto';
import {
  ComplaintRepository,
  ComplaintScope,
  ComplaintView,
  NewComplaint,
  NewComplaintEvent,
} from './complaint.repository';
import { ComplaintIntake } from './complaint-intake.service';
import { complaintItem, ComplaintItem, eventView, resolutionNote } from './complaint-view';
import { ComplaintStatusLabels, DepartmentLabels } from './complaints.labels';
import { ComplaintProblems } from './complaints.problems';
import { allowedTransitions, canTransition, ComplaintStatus, isReopen } from './engine/complaint-status';

export type ComplaintDetail = ComplaintItem & { events: ReturnType<typeof eventView>[] };

const status = (code: string) => labelOf(ComplaintStatusLabels, code);

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
    if (problem) {
      const { row: _row, ...field } = problem;
      if (problem.code === 'unknown_agent')
        throw ComplaintProblems.agentNotFound(undefined, { errors: [{ ...field, in: 'body' }] });
      throw ComplaintProblems.rowRefused(
        { reason: messageValue(problem.message) },
        { errors: [{ ...field, in: 'body' }] },
      );
    }
    const [id] = await this.db.transaction(() =>
      this.intake.store(
        actor,
        ready.map((r) => r.values),
      ),
    );
    if (!id) throw ComplaintProblems.externalIdTaken({ externalId: body.externalId });
    return this.get(actor, id);
  }

  async list(actor: Actor, query: ListComplaintsQuery): Promise<Page<ComplaintItem>> {
    const { rows, total } = await this.complaints.list(actor.shopId, query, await this.scopeOf(actor), query);
    return { items: rows.map(complaintItem), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<ComplaintDetail> {
    const complaint = await this.find(actor, id);
    const events = await this.complaints.events(actor.shopId, id);
    const named = events
      .filter((e) => e.kind === 'attribution')
      .flatMap((e) => [e.fromValue, e.toValue])
      .filter((v): v is string => !!v);
    const agents = new Map(
      (await this.complaints.agentNames(actor.shopId, [...new Set(named)])).map((a) => [a.id, agentName(a)]),
    );
    return { ...complaintItem(complaint), events: events.map((e) => eventView(e, complaint, agents)) };
  }

  async transition(actor: Actor, id: string, body: TransitionBody): Promise<ComplaintDetail> {
    return this.db.transaction(async () => {
      const current = await this.find(actor, id);
      const from = current.status as ComplaintStatus;
      if (!canTransition(from, body.to)) {
        const allowed = allowedTransitions(from);
        throw ComplaintProblems.illegalTransition(
          { from: status(from), to: status(body.to), allowed: allowed.map(status) },
          { extra: { currentStatus: from, allowedTransitions: allowed } },
        );
      }
      const now = new Date();
      const values: Partial<NewComplaint> = { status: body.to };
      if (body.to === 'in_progress' && !current.firstRespondedAt) values.firstRespondedAt = now;
      if (body.to === 'in_progress' && current.overdueReason === 'first_response')
        Object.assign(values, { overdue: false, overdueReason: null, overdueFlaggedAt: null });
      if (body.to === 'resolved')
        Object.assign(values, {
          resolvedAt: now,
          outcome: body.outcome,
          customerFeedback: body.customerFeedback,
          overdue: false,
          overdueReason: null,
          overdueFlaggedAt: null,
        });
      if (body.to === 'closed') values.closedAt = now;
      if (isReopen(from, body.to)) Object.assign(values, { resolvedAt: null, closedAt: null });
      const note =
        body.to === 'resolved' ? resolutionNote(body.note, body.outcome!, body.customerFeedback!) : (body.note ?? null);
      await this.change(actor, current, values, {
        kind: isReopen(from, body.to) ? 'reopened' : 'status',
        fromValue: from,
        toValue: body.to,
        note,
      });
      return this.get(actor, id);
    });
  }

  async reassign(actor: Actor, id: string, body: ReassignBody): Promise<ComplaintDetail> {
    return this.db.transaction(async () => {
      const current = await this.find(actor, id);
      if (current.status === 'closed')
        throw ComplaintProblems.closedNotReassigned(undefined, { extra: { currentStatus: current.status } });
      if (current.department === body.department)
        throw ComplaintProblems.alreadyWithDepartment({ department: labelOf(DepartmentLabels, body.department) });
      await this.change(
        actor,
        current,
        { department: body.department },
        { kind: 'reassigned', fromValue: current.department, toValue: body.department, note: body.note },
      );
      return this.get(actor, id);
    });
  }

  /** Who the complaint is about and whether they were at fault (what the KPIs count). */
  async attribute(actor: Actor, id: string, body: AttributionBody): Promise<ComplaintDetail> {
    return this.db.transaction(async () => {
      const current = await this.find(actor, id);
      const agentId = body.agentId === undefined ? current.agentId : body.agentId;
      const atFault = body.agentAtFault ?? (agentId ? current.agentAtFault : false);
      if (atFault && !agentId) throw ComplaintProblems.faultNeedsAgent.at('agentAtFault');
      if (agentId && agentId !== current.agentId && !(await this.mayAttributeTo(actor, agentId)))
        throw ComplaintProblems.agentNotFound();
      const events: Omit<NewComplaintEvent, 'shopId' | 'complaintId'>[] = [];
      if (agentId !== current.agentId)
        events.push({ kind: 'attribution', fromValue: current.agentId, toValue: agentId, note: body.note });
      if (atFault !== current.agentAtFault)
        events.push({
          kind: 'fault',
          fromValue: String(current.agentAtFault),
          toValue: String(atFault),
          note: body.note,
        });
      if (!events.length) throw ComplaintProblems.nothingChanges();
      await this.change(actor, current, { agentId, agentAtFault: atFault }, ...events);
      return this.get(actor, id);
    });
  }

  private async change(
    actor: Actor,
    current: ComplaintView,
    values: Partial<NewComplaint>,
    ...events: Omit<NewComplaintEvent, 'shopId' | 'complaintId'>[]
  ): Promise<void> {
    const updated = await this.complaints.update(actor.shopId, current.id, current.status, values);
    if (!updated) throw ComplaintProblems.changedMeanwhile();
    await this.complaints.insertEvents(
      events.map((e) => ({
        ...e,
        shopId: actor.shopId,
        complaintId: current.id,
        actorUserId: actor.userId,
        actorRole: actor.role,
      })),
    );
  }

  private async find(actor: Actor, id: string): Promise<ComplaintView> {
    const complaint = await this.complaints.find(actor.shopId, id, await this.scopeOf(actor));
    if (!complaint) throw ComplaintProblems.complaintNotFound();
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
