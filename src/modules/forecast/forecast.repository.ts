import { Injectable } from '@nestjs/common';
import { and, asc, count, desc, eq, gte, lt, sql, SQL } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { forecastSlots, forecastVersions } from 'src/platform/db/schema';
import type { ListForecastsQuery } from './forecast.dto';

export type ForecastVersion = typeof forecastVersions.$inferSelect;
export type NewForecastVersion = typeof forecastVersions.$inferInsert;
export type StoredSlot = Omit<typeof forecastSlots.$inferSelect, 'shopId' | 'versionId'>;

/** Rows per insert statement: 8 parameters a row stays far below PostgreSQL's 65 535. */
const INSERT_CHUNK = 2_000;

/** Forecast versions and their slots. */
@Injectable()
export class ForecastRepository {
  constructor(private readonly db: Db) {}

  async insertVersions(values: NewForecastVersion[]): Promise<ForecastVersion[]> {
    return this.db.q.insert(forecastVersions).values(values).returning();
  }

  async find(shopId: string, id: string): Promise<ForecastVersion | undefined> {
    const [row] = await this.db.q
      .select()
      .from(forecastVersions)
      .where(and(eq(forecastVersions.shopId, shopId), eq(forecastVersions.id, id)))
      .limit(1);
    return row;
  }

  async update(id: string, values: Partial<NewForecastVersion>): Promise<void> {
    await this.db.q.update(forecastVersions).set(values).where(eq(forecastVersions.id, id));
  }

  /**
   * The version of a queue for one night, created or reset to "running" (a re-run of the night
   * replaces it): the unique (queue, night) key makes this one statement, race-free.
   */
  async upsertNightly(values: NewForecastVersion & { nightlyDate: string }): Promise<ForecastVersion> {
    const [row] = await this.db.q
      .insert(forecastVersions)
      .values(values)
      .onConflictDoUpdate({
        target: [forecastVersions.queueId, forecastVersions.nightlyDate],
        set: {
          methodRequested: values.methodRequested,
          methodChosen: null,
          fromDate: values.fromDate,
          horizonDays: values.horizonDays,
          status: values.status,
          error: null,
          backtest: null,
          jobRunId: values.jobRunId,
          createdAt: sql`now()`,
          completedAt: null,
        },
      })
      .returning();
    return row;
  }

  async list(shopId: string, query: ListForecastsQuery): Promise<{ rows: ForecastVersion[]; total: number }> {
    const filters: (SQL | undefined)[] = [
      eq(forecastVersions.shopId, shopId),
      query.queueId ? eq(forecastVersions.queueId, query.queueId) : undefined,
      query.status ? eq(forecastVersions.status, query.status) : undefined,
    ];
    const where = and(...filters);
    const [rows, [{ total }]] = await Promise.all([
      this.db.q
        .select()
        .from(forecastVersions)
        .where(where)
        .orderBy(desc(forecastVersions.createdAt), desc(forecastVersions.id))
        .limit(query.limit)
        .offset(query.offset),
      this.db.q.select({ total: count() }).from(forecastVersions).where(where),
    ]);
    return { rows, total };
  }

  /** Replaces every slot of the version in bulk (a retried job or re-run night leaves no leftovers). */
  async replaceSlots(shopId: string, versionId: string, slots: StoredSlot[]): Promise<void> {
    await this.db.q.delete(forecastSlots).where(eq(forecastSlots.versionId, versionId));
    for (let i = 0; i < slots.length; i += INSERT_CHUNK) {
      await this.db.q
        .insert(forecastSlots)
        .values(slots.slice(i, i + INSERT_CHUNK).map((s) => ({ ...s, shopId, versionId })));
    }
  }

  slots(shopId: string, versionId: string, from?: Date, to?: Date): Promise<StoredSlot[]> {
    return this.db.q
      .select({
        slotStart: forecastSlots.slotStart,
        slotMinutes: forecastSlots.slotMinutes,
        forecast: forecastSlots.forecast,
        lower: forecastSlots.lower,
        upper: forecastSlots.upper,
        closed: forecastSlots.closed,
      })
      .from(forecastSlots)
      .where(
        and(
          eq(forecastSlots.shopId, shopId),
          eq(forecastSlots.versionId, versionId),
          from ? gte(forecastSlots.slotStart, from) : undefined,
          to ? lt(forecastSlots.slotStart, to) : undefined,
        ),
      )
      .orderBy(asc(forecastSlots.slotStart));
  }
}
