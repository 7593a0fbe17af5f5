import { Injectable } from '@nestjs/common';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { availability } from 'src/platform/db/schema';

export type Availability = typeof availability.$inferSelect;

@Injectable()
export class AvailabilityRepository {
  constructor(private readonly db: Db) {}

  async insert(values: typeof availability.$inferInsert): Promise<Availability> {
    const [row] = await this.db.q.insert(availability).values(values).returning();
    return row;
  }

  async find(shopId: string, id: string): Promise<Availability | undefined> {
    const [row] = await this.db.q
      .select()
      .from(availability)
      .where(and(eq(availability.shopId, shopId), eq(availability.id, id)))
      .limit(1);
    return row;
  }

  list(shopId: string, agentIds?: string[]): Promise<Availability[]> {
    const scope = agentIds
      ? inArray(availability.agentId, agentIds.length ? agentIds : ['00000000-0000-0000-0000-000000000000'])
      : undefined;
    return this.db.q
      .select()
      .from(availability)
      .where(and(eq(availability.shopId, shopId), scope))
      .orderBy(asc(availability.agentId), asc(availability.weekday), asc(availability.startTime));
  }

  async remove(shopId: string, id: string): Promise<void> {
    await this.db.q.delete(availability).where(and(eq(availability.shopId, shopId), eq(availability.id, id)));
  }
}
