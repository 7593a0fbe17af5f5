import { Injectable } from '@nestjs/common';
import { and, asc, eq, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { queues, skills } from 'src/platform/db/schema';

export type Queue = typeof queues.$inferSelect;

@Injectable()
export class QueueRepository {
  constructor(private readonly db: Db) {}

  async insert(values: typeof queues.$inferInsert): Promise<Queue> {
    const [row] = await this.db.q.insert(queues).values(values).returning();
    return row;
  }

  async find(shopId: string, id: string): Promise<Queue | undefined> {
    const [row] = await this.db.q
      .select()
      .from(queues)
      .where(and(eq(queues.shopId, shopId), eq(queues.id, id)))
      .limit(1);
    return row;
  }

  async findByCode(shopId: string, code: string): Promise<Queue | undefined> {
    const [row] = await this.db.q
      .select()
      .from(queues)
      .where(and(eq(queues.shopId, shopId), eq(queues.code, code)))
      .limit(1);
    return row;
  }

  /** A skill of the shop by its code (a queue may require one). */
  async skillIdByCode(shopId: string, code: string): Promise<string | undefined> {
    const [row] = await this.db.q
      .select({ id: skills.id })
      .from(skills)
      .where(and(eq(skills.shopId, shopId), eq(skills.code, code)))
      .limit(1);
    return row?.id;
  }

  list(shopId: string): Promise<Queue[]> {
    return this.db.q.select().from(queues).where(eq(queues.shopId, shopId)).orderBy(asc(queues.code));
  }

  async update(shopId: string, id: string, values: Partial<typeof queues.$inferInsert>): Promise<Queue | undefined> {
    const [row] = await this.db.q
      .update(queues)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(queues.shopId, shopId), eq(queues.id, id)))
      .returning();
    return row;
  }
}
