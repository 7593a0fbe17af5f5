import { Injectable } from '@nestjs/common';
import { and, asc, count, eq, gte, isNull, lte, or, SQL } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { forecastEvents } from 'src/platform/db/schema';
import type { ListEventsQuery } from './forecast-event.dto';

export type ForecastEvent = typeof forecastEvents.$inferSelect;

/** The shop's calendar of promotion days, holidays and closed days. */
@Injectable()
export class ForecastEventRepository {
  constructor(private readonly db: Db) {}

  async insert(values: typeof forecastEvents.$inferInsert): Promise<ForecastEvent> {
    const [row] = await this.db.q.insert(forecastEvents).values(values).returning();
    return row;
  }

  async find(shopId: string, id: string): Promise<ForecastEvent | undefined> {
    const [row] = await this.db.q
      .select()
      .from(forecastEvents)
      .where(and(eq(forecastEvents.shopId, shopId), eq(forecastEvents.id, id)))
      .limit(1);
    return row;
  }

  async update(
    shopId: string,
    id: string,
    values: Partial<typeof forecastEvents.$inferInsert>,
  ): Promise<ForecastEvent> {
    const [row] = await this.db.q
      .update(forecastEvents)
      .set(values)
      .where(and(eq(forecastEvents.shopId, shopId), eq(forecastEvents.id, id)))
      .returning();
    return row;
  }

  async remove(shopId: string, id: string): Promise<void> {
    await this.db.q.delete(forecastEvents).where(and(eq(forecastEvents.shopId, shopId), eq(forecastEvents.id, id)));
  }

  async list(shopId: string, query: ListEventsQuery): Promise<{ rows: ForecastEvent[]; total: number }> {
    const filters: (SQL | undefined)[] = [
      eq(forecastEvents.shopId, shopId),
      query.from ? gte(forecastEvents.date, query.from) : undefined,
      query.to ? lte(forecastEvents.date, query.to) : undefined,
      query.kind ? eq(forecastEvents.kind, query.kind) : undefined,
      query.queueId ? or(isNull(forecastEvents.queueId), eq(forecastEvents.queueId, query.queueId)) : undefined,
    ];
    const where = and(...filters);
    const [rows, [{ total }]] = await Promise.all([
      this.db.q
        .select()
        .from(forecastEvents)
        .where(where)
        .orderBy(asc(forecastEvents.date), asc(forecastEvents.createdAt))
        .limit(query.limit)
        .offset(query.offset),
      this.db.q.select({ total: count() }).from(forecastEvents).where(where),
    ]);
    return { rows, total };
  }
}
