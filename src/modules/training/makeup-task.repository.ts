import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, inArray, SQL, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { trainingMakeupTasks } from 'src/platform/db/schema';

export type MakeupTask = typeof trainingMakeupTasks.$inferSelect;
export type NewMakeupTask = typeof trainingMakeupTasks.$inferInsert;
export type MakeupFilter = {
  status?: 'open' | 'done';
  agentIds?: string[];
  sessionId?: string;
  limit: number;
  offset: number;
};

/** Make-up coaching for invitees a session could not take. */
@Injectable()
export class MakeupTaskRepository {
  constructor(private readonly db: Db) {}

  async insert(values: NewMakeupTask[]): Promise<MakeupTask[]> {
    if (values.length === 0) return [];
    return this.db.q.insert(trainingMakeupTasks).values(values).onConflictDoNothing().returning();
  }

  async find(shopId: string, id: string): Promise<MakeupTask | undefined> {
    const [row] = await this.db.q
      .select()
      .from(trainingMakeupTasks)
      .where(and(eq(trainingMakeupTasks.shopId, shopId), eq(trainingMakeupTasks.id, id)))
      .limit(1);
    return row;
  }

  async list(shopId: string, filter: MakeupFilter): Promise<{ rows: MakeupTask[]; total: number }> {
    if (filter.agentIds && filter.agentIds.length === 0) return { rows: [], total: 0 };
    const where = and(
      ...([
        eq(trainingMakeupTasks.shopId, shopId),
        filter.status ? eq(trainingMakeupTasks.status, filter.status) : undefined,
        filter.sessionId ? eq(trainingMakeupTasks.sessionId, filter.sessionId) : undefined,
        filter.agentIds ? inArray(trainingMakeupTasks.agentId, filter.agentIds) : undefined,
      ] as (SQL | undefined)[]),
    );
    const [rows, [{ total }]] = await Promise.all([
      this.db.q
        .select()
        .from(trainingMakeupTasks)
        .where(where)
        .orderBy(desc(trainingMakeupTasks.createdAt), desc(trainingMakeupTasks.id))
        .limit(filter.limit)
        .offset(filter.offset),
      this.db.q.select({ total: count() }).from(trainingMakeupTasks).where(where),
    ]);
    return { rows, total };
  }

  /** Closes an open task; undefined when it was closed meanwhile. */
  async close(shopId: string, id: string, note: string, userId: string): Promise<MakeupTask | undefined> {
    const [row] = await this.db.q
      .update(trainingMakeupTasks)
      .set({ status: 'done', note, closedBy: userId, closedAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(trainingMakeupTasks.shopId, shopId),
          eq(trainingMakeupTasks.id, id),
          eq(trainingMakeupTasks.status, 'open'),
        ),
      )
      .returning();
    return row;
  }
}
