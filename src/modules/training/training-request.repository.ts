import { Injectable } from '@nestjs/common';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { trainingRequests } from 'src/platform/db/schema';

export type TrainingRequest = typeof trainingRequests.$inferSelect;

/** Topics asked for by agents and supervisors. */
@Injectable()
export class TrainingRequestRepository {
  constructor(private readonly db: Db) {}

  async insert(values: typeof trainingRequests.$inferInsert): Promise<TrainingRequest> {
    const [row] = await this.db.q.insert(trainingRequests).values(values).returning();
    return row;
  }

  /** Requests made in [since, until). */
  since(shopId: string, since: Date, until: Date): Promise<TrainingRequest[]> {
    return this.db.q
      .select()
      .from(trainingRequests)
      .where(
        and(
          eq(trainingRequests.shopId, shopId),
          gte(trainingRequests.createdAt, since),
          lt(trainingRequests.createdAt, until),
        ),
      )
      .orderBy(asc(trainingRequests.createdAt));
  }

  async findSince(
    shopId: string,
    requestedBy: string,
    category: string,
    since: Date,
  ): Promise<TrainingRequest | undefined> {
    const [row] = await this.db.q
      .select()
      .from(trainingRequests)
      .where(
        and(
          eq(trainingRequests.shopId, shopId),
          eq(trainingRequests.requestedBy, requestedBy),
          eq(trainingRequests.category, category),
          gte(trainingRequests.createdAt, since),
        ),
      )
      .limit(1);
    return row;
  }
}
