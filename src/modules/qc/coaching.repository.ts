import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, inArray, SQL, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { qcCoachingTasks } from 'src/platform/db/schema';

export type CoachingTask = typeof qcCoachingTasks.$inferSelect;
export type CoachingFilter = {
  status?: 'open' | 'done';
  overdue?: boolean;
  agentIds?: string[];
  limit: number;
  offset: number;
};

@Injectable()
export class CoachingRepository {
  constructor(private readonly db: Db) {}

  /** One task per failing session and agent: a second reviewer's fail on the same session adds none. */
  async insertOnce(values: typeof qcCoachingTasks.$inferInsert, sessionId: string): Promise<CoachingTask | undefined> {
    const existing = await this.db.q.execute<{ id: string }>(sql`
      select t.id from qc_coaching_tasks t join qc_reviews r on r.id = t.review_id
      where t.shop_id = ${values.shopId} and r.session_id = ${sessionId} and t.agent_id = ${values.agentId} limit 1`);
    if (existing.length) return undefined;
    const [row] = await this.db.q.insert(qcCoachingTasks).values(values).returning();
    return row;
  }

  async find(shopId: string, id: string): Promise<CoachingTask | undefined> {
    const [row] = await this.db.q
      .select()
      .from(qcCoachingTasks)
      .where(and(eq(qcCoachingTasks.shopId, shopId), eq(qcCoachingTasks.id, id)))
      .limit(1);
    return row;
  }

  async list(shopId: string, filter: CoachingFilter): Promise<{ rows: CoachingTask[]; total: number }> {
    if (filter.agentIds && !filter.agentIds.length) return { rows: [], total: 0 };
    const conditions: (SQL | undefined)[] = [
      eq(qcCoachingTasks.shopId, shopId),
      filter.status ? eq(qcCoachingTasks.status, filter.status) : undefined,
      filter.overdue === undefined ? undefined : eq(qcCoachingTasks.overdue, filter.overdue),
      filter.agentIds ? inArray(qcCoachingTasks.agentId, filter.agentIds) : undefined,
    ];
    const where = and(...conditions);
    const [rows, [{ total }]] = await Promise.all([
      this.db.q
        .select()
        .from(qcCoachingTasks)
        .where(where)
        .orderBy(desc(qcCoachingTasks.createdAt), desc(qcCoachingTasks.id))
        .limit(filter.limit)
        .offset(filter.offset),
      this.db.q.select({ total: count() }).from(qcCoachingTasks).where(where),
    ]);
    return { rows, total };
  }

  /** Closes an open task; undefined when it was closed meanwhile. */
  async close(shopId: string, id: string, note: string, userId: string): Promise<CoachingTask | undefined> {
    const [row] = await this.db.q
      .update(qcCoachingTasks)
      .set({ status: 'done', note, closedBy: userId, closedAt: sql`now()`, overdue: false, updatedAt: sql`now()` })
      .where(and(eq(qcCoachingTasks.shopId, shopId), eq(qcCoachingTasks.id, id), eq(qcCoachingTasks.status, 'open')))
      .returning();
    return row;
  }

  /**
   * Recomputes the overdue flag of every task of the shop in one statement, as of the end of the
   * local day `date`: open and due on or before it. Re-running the night changes nothing.
   */
  async flagOverdue(shopId: string, date: string): Promise<{ flagged: number; overdue: number }> {
    const [row] = await this.db.q.execute<{ flagged: number; overdue: number }>(sql`
      with changed as (
        update qc_coaching_tasks t
        set overdue = (t.status = 'open' and t.due_date <= ${date}::date),
            overdue_flagged_at = case when t.status = 'open' and t.due_date <= ${date}::date then coalesce(t.overdue_flagged_at, now()) else null end,
            updated_at = now()
        where t.shop_id = ${shopId} and t.overdue is distinct from (t.status = 'open' and t.due_date <= ${date}::date)
        returning t.overdue
      )
      select (select count(*)::int from changed where overdue) as flagged,
             (select count(*)::int from qc_coaching_tasks where shop_id = ${shopId} and status = 'open' and due_date <= ${date}::date) as overdue`);
    return row;
  }
}
