import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import type { FieldError } from 'src/platform/errors/problem';
import { CustomerKeyHasher } from 'src/modules/ingest/customer-key';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import type { ComplaintIntakeBody } from './complaint.dto';
import { ComplaintRepository, NewComplaint, NewComplaintEvent } from './complaint.repository';
import { ComplaintRules } from './complaint-rules.service';
import { IntakeChecks } from './complaints.problems';
import { complaintDueTimes } from './engine/complaint-deadlines';

export type IntakeRow = { row: number; body: ComplaintIntakeBody };
export type RowRejection = FieldError & { row: number };

/** Clocks differ a little; a complaint "received" further ahead than this is a mistake. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Turns checked intake rows (API or import) into complaints: agent resolved within what the caller
 * may see, customer key hashed, department routed and due times computed by the shop's rules.
 */
@Injectable()
export class ComplaintIntake {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly rules: ComplaintRules,
    private readonly scope: AgentScope,
    private readonly hasher: CustomerKeyHasher,
  ) {}

  async prepare(
    actor: Actor,
    rows: IntakeRow[],
    now = new Date(),
  ): Promise<{ ready: { row: number; values: NewComplaint }[]; rejected: RowRejection[] }> {
    const shopRules = await this.rules.forShop(actor.shopId);
    const hash = this.hasher.forShop(actor.shopId);
    const agentOf = await this.agentResolver(actor, rows);
    const ready: { row: number; values: NewComplaint }[] = [];
    const rejected: RowRejection[] = [];
    for (const { row, body } of rows) {
      const agent = agentOf(body);
      if ('error' in agent) {
        rejected.push({ row, ...agent.error });
        continue;
      }
      const receivedAt = body.receivedAt ? new Date(body.receivedAt) : now;
      if (receivedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
        rejected.push({ row, field: 'receivedAt', message: IntakeChecks.futureReceipt });
        continue;
      }
      const due = complaintDueTimes(
        receivedAt,
        shopRules.timeZone,
        shopRules.deadlineFor(body.category, body.severity),
        body.negativeReview,
      );
      ready.push({
        row,
        values: {
          id: randomUUID(),
          shopId: actor.shopId,
          externalId: body.externalId ?? null,
          channel: body.channel,
          customerHash: hash(body.customerKey),
          orderExternalId: body.orderExternalId ?? null,
          agentId: agent.id,
          agentAtFault: body.agentAtFault,
          category: body.category,
          severity: body.severity,
          negativeReview: body.negativeReview,
          description: body.description ?? null,
          department: shopRules.departmentFor(body.category),
          status: 'open',
          receivedAt,
          ...due,
          createdBy: actor.userId,
        },
      });
    }
    return { ready, rejected };
  }

  /** Stores prepared complaints with their first audit events; returns the ids stored (known external ids are skipped). */
  async store(actor: Actor, ready: NewComplaint[]): Promise<string[]> {
    const inserted = await this.complaints.insertMany(ready);
    const ids = new Set(inserted.map((r) => r.id));
    const events: NewComplaintEvent[] = ready
      .filter((c) => ids.has(c.id!))
      .flatMap((c) => [
        {
          shopId: c.shopId,
          complaintId: c.id!,
          kind: 'created',
          toValue: 'open',
          note: null,
          actorUserId: actor.userId,
          actorRole: actor.role,
        },
        {
          shopId: c.shopId,
          complaintId: c.id!,
          kind: 'routed',
          toValue: c.department,
          note: null,
          actorUserId: actor.userId,
          actorRole: actor.role,
        },
      ]);
    await this.complaints.insertEvents(events);
    return ready.filter((c) => ids.has(c.id!)).map((c) => c.id!);
  }

  /** One query for every agent the rows name; a supervisor may name only the agents they lead. */
  private async agentResolver(
    actor: Actor,
    rows: IntakeRow[],
  ): Promise<(body: ComplaintIntakeBody) => { id: string | null } | { error: FieldError }> {
    const employeeNos = [...new Set(rows.map((r) => r.body.agentEmployeeNo).filter((v): v is string => !!v))];
    const ids = [...new Set(rows.map((r) => r.body.agentId).filter((v): v is string => !!v))];
    const found = await this.complaints.agentIds(actor.shopId, employeeNos, ids);
    const visible = await this.scope.visibleAgentIds(actor);
    const usable = found.filter((a) => !visible || visible.includes(a.id));
    const byNo = new Map(usable.map((a) => [a.employeeNo, a.id]));
    const byId = new Set(usable.map((a) => a.id));
    return (body) => {
      if (body.agentEmployeeNo) {
        const id = byNo.get(body.agentEmployeeNo);
        return id
          ? { id }
          : {
              error: {
                field: 'agentEmployeeNo',
                message: { template: IntakeChecks.unknownEmployeeNo, params: { employeeNo: body.agentEmployeeNo } },
                code: 'unknown_agent',
              },
            };
      }
      if (body.agentId)
        return byId.has(body.agentId)
          ? { id: body.agentId }
          : { error: { field: 'agentId', message: IntakeChecks.unknownAgent, code: 'unknown_agent' } };
      return { id: null };
    };
  }
}
