import { Injectable } from '@nestjs/common';
import { and, asc, count, desc, eq, getTableColumns, inArray, isNull, or, SQL, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { agents, complaintEvents, complaints, users } from 'src/platform/db/schema';
import type { PageRequest } from 'src/platform/http/pagination';
import type { ListComplaintsQuery } from './complaint.dto';
import { complaintEventId } from './complaint-event-id';

export type NewComplaint = typeof complaints.$inferInsert;
export type ComplaintRow = typeof complaints.$inferSelect;
export type NewComplaintEvent = typeof complaintEvents.$inferInsert;
/** An event of the trail with the name of the user who made it (null: the system, e.g. the nightly overdue step). */
export type ComplaintEvent = Omit<typeof complaintEvents.$inferSelect, 'shopId' | 'complaintId'> & {
  actorName: string | null;
};
/** What callers see: the customer's hash and the import link stay inside. */
export type ComplaintView = Omit<ComplaintRow, 'customerHash' | 'importId'>;

/** Whose complaints a user may see: `undefined` is the whole shop. */
export type ComplaintScope = { agentIds: string[]; unattributed: boolean } | undefined;

const { customerHash: _hash, importId: _import, ...viewColumns } = getTableColumns(complaints);
const { shopId: _shop, complaintId: _complaint, ...eventColumns } = getTableColumns(complaintEvents);

function scopeCondition(scope: ComplaintScope): SQL | undefined {
  if (!scope) return undefined;
  const parts: SQL[] = [];
  if (scope.agentIds.length) parts.push(inArray(complaints.agentId, scope.agentIds));
  if (scope.unattributed) parts.push(isNull(complaints.agentId));
  return parts.length ? or(...parts) : sql`false`;
}

@Injectable()
export class ComplaintRepository {
  constructor(private readonly db: Db) {}

  /** Rows whose external id the shop already has are skipped (returned ids are the new ones only). */
  async insertMany(values: NewComplaint[]): Promise<{ id: string; externalId: string | null }[]> {
    if (!values.length) return [];
    return this.db.q
      .insert(complaints)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: complaints.id, externalId: complaints.externalId });
  }

  async insertEvents(values: NewComplaintEvent[]): Promise<void> {
    if (values.length)
      await this.db.q.insert(complaintEvents).values(values.map((v) => ({ id: complaintEventId(), ...v })));
  }

  async find(shopId: string, id: string, scope: ComplaintScope): Promise<ComplaintView | undefined> {
    const [row] = await this.db.q
      .select(viewColumns)
      .from(complaints)
      .where(and(eq(complaints.shopId, shopId), eq(complaints.id, id), scopeCondition(scope)))
      .limit(1);
    return row;
  }

  async list(
    shopId: string,
    query: ListComplaintsQuery,
    scope: ComplaintScope,
    page: PageRequest,
  ): Promise<{ rows: ComplaintView[]; total: number }> {
    const where = and(
      eq(complaints.shopId, shopId),
      scopeCondition(scope),
      query.overdue === undefined ? undefined : eq(complaints.overdue, query.overdue),
      query.status ? eq(complaints.status, query.status) : undefined,
      query.agent ? eq(complaints.agentId, query.agent) : undefined,
      query.team
        ? inArray(
            complaints.agentId,
            this.db.q
              .select({ id: agents.id })
              .from(agents)
              .where(and(eq(agents.shopId, shopId), eq(agents.teamId, query.team))),
          )
        : undefined,
      query.category ? eq(complaints.category, query.category) : undefined,
      query.department ? eq(complaints.department, query.department) : undefined,
      query.agentAtFault === undefined ? undefined : eq(complaints.agentAtFault, query.agentAtFault),
    );
    const [rows, [{ total }]] = await Promise.all([
      // Overdue lists read best soonest-due first; everything else newest first.
      this.db.q
        .select(viewColumns)
        .from(complaints)
        .where(where)
        .orderBy(
          ...(query.overdue
            ? [asc(complaints.resolveDueAt), asc(complaints.id)]
            : [desc(complaints.receivedAt), asc(complaints.id)]),
        )
        .limit(page.limit)
        .offset(page.offset),
      this.db.q.select({ total: count() }).from(complaints).where(where),
    ]);
    return { rows, total };
  }

  /** Changes a complaint only if it is still in `fromStatus`: a concurrent change loses the race (undefined). */
  async update(
    shopId: string,
    id: string,
    fromStatus: string,
    values: Partial<NewComplaint>,
  ): Promise<ComplaintView | undefined> {
    const [row] = await this.db.q
      .update(complaints)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(complaints.shopId, shopId), eq(complaints.id, id), eq(complaints.status, fromStatus)))
      .returning(viewColumns);
    return row;
  }

  events(shopId: string, complaintId: string): Promise<ComplaintEvent[]> {
    return this.db.q
      .select({ ...eventColumns, actorName: users.displayName })
      .from(complaintEvents)
      .leftJoin(users, eq(users.id, complaintEvents.actorUserId))
      .where(and(eq(complaintEvents.shopId, shopId), eq(complaintEvents.complaintId, complaintId)))
      .orderBy(asc(complaintEvents.at), asc(complaintEvents.id));
  }

  async findAgent(shopId: string, id: string): Promise<{ id: string } | undefined> {
    const [row] = await this.db.q
      .select({ id: agents.id })
      .from(agents)
      .where(and(eq(agents.shopId, shopId), eq(agents.id, id)))
      .limit(1);
    return row;
  }

  /** Names and numbers of some agents of the shop (to name them in the audit trail). */
  async agentNames(shopId: string, ids: string[]): Promise<{ id: string; name: string; employeeNo: string }[]> {
    if (!ids.length) return [];
    return this.db.q
      .select({ id: agents.id, name: agents.name, employeeNo: agents.employeeNo })
      .from(agents)
      .where(and(eq(agents.shopId, shopId), inArray(agents.id, ids)));
  }

  /** Employee numbers and ids of the shop's agents, for resolving a batch of rows at once. */
  async agentIds(shopId: string, employeeNos: string[], ids: string[]): Promise<{ id: string; employeeNo: string }[]> {
    if (!employeeNos.length && !ids.length) return [];
    const match = [
      employeeNos.length ? inArray(agents.employeeNo, employeeNos) : undefined,
      ids.length ? inArray(agents.id, ids) : undefined,
    ].filter((c): c is SQL => !!c);
    return this.db.q
      .select({ id: agents.id, employeeNo: agents.employeeNo })
      .from(agents)
      .where(and(eq(agents.shopId, shopId), or(...match)));
  }

  /**
   * The nightly flag in one statement: every complaint still being worked on gets the deadline it
   * has missed at `asOf` (or none); handled ones lose the flag. Only changed rows are written, and
   * each newly missed deadline leaves an audit event, so a re-run changes nothing.
   */
  async flagOverdue(shopId: string, asOf: Date): Promise<{ flagged: number; cleared: number; overdue: number }> {
    const at = asOf.toISOString();
    const rows = await this.db.q.execute<{ flagged: number; cleared: number; overdue: number }>(sql`
      WITH calc AS (
        SELECT id, overdue_reason AS old_reason,
          CASE WHEN status IN ('resolved', 'closed') THEN NULL
               WHEN resolve_due_at <= ${at}::timestamptz THEN 'resolution'
               WHEN first_responded_at IS NULL AND first_response_due_at <= ${at}::timestamptz THEN 'first_response' END AS reason
        FROM complaints
        WHERE shop_id = ${shopId}::uuid AND (status NOT IN ('resolved', 'closed') OR overdue)
      ), changed AS (
        UPDATE complaints c
        SET overdue = calc.reason IS NOT NULL, overdue_reason = calc.reason,
            overdue_flagged_at = CASE WHEN calc.reason IS NULL THEN NULL ELSE ${at}::timestamptz END
        FROM calc
        WHERE c.id = calc.id AND c.overdue_reason IS DISTINCT FROM calc.reason
        RETURNING c.id, calc.reason, calc.old_reason
      ), audit AS (
        INSERT INTO complaint_events (shop_id, complaint_id, kind, from_value, to_value, note)
        SELECT ${shopId}::uuid, id, 'overdue', old_reason, reason, NULL FROM changed WHERE reason IS NOT NULL
      )
      SELECT (SELECT count(*)::int FROM changed WHERE reason IS NOT NULL) AS flagged,
             (SELECT count(*)::int FROM changed WHERE reason IS NULL) AS cleared,
             (SELECT count(*)::int FROM calc WHERE reason IS NOT NULL) AS overdue`);
    return rows[0];
  }
}
