import { Injectable } from '@nestjs/common';
import { and, asc, eq } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { scorecards } from 'src/platform/db/schema';

export type Scorecard = typeof scorecards.$inferSelect;
export type NewScorecard = typeof scorecards.$inferInsert;

@Injectable()
export class ScorecardRepository {
  constructor(private readonly db: Db) {}

  async insert(values: NewScorecard): Promise<Scorecard> {
    const [row] = await this.db.q.insert(scorecards).values(values).returning();
    return row;
  }

  async update(shopId: string, id: string, values: Partial<NewScorecard>): Promise<Scorecard | undefined> {
    const [row] = await this.db.q
      .update(scorecards)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(scorecards.shopId, shopId), eq(scorecards.id, id)))
      .returning();
    return row;
  }

  async find(shopId: string, id: string): Promise<Scorecard | undefined> {
    const [row] = await this.db.q
      .select()
      .from(scorecards)
      .where(and(eq(scorecards.shopId, shopId), eq(scorecards.id, id)))
      .limit(1);
    return row;
  }

  async findByName(shopId: string, name: string): Promise<Scorecard | undefined> {
    const [row] = await this.db.q
      .select()
      .from(scorecards)
      .where(and(eq(scorecards.shopId, shopId), eq(scorecards.name, name)))
      .limit(1);
    return row;
  }

  list(shopId: string): Promise<Scorecard[]> {
    return this.db.q.select().from(scorecards).where(eq(scorecards.shopId, shopId)).orderBy(asc(scorecards.name));
  }
}
