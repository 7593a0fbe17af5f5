import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { forecastVersions, intradayForecasts, intradayForecastSlots, volumeSlots } from 'src/platform/db/schema';
import type { ForecastVersion } from './forecast.repository';

export type IntradayForecast = typeof intradayForecasts.$inferSelect;
export type NewIntradayForecast = Omit<typeof intradayForecasts.$inferInsert, 'id' | 'updates' | 'updatedAt'>;
export type IntradaySlot = { slotStart: Date; slotMinutes: number; dayAhead: number; forecast: number };

/** Intraday versions of a queue's days, and the day-ahead versions and facts they are made from. */
@Injectable()
export class IntradayRepository {
  constructor(private readonly db: Db) {}

  /** The newest completed day-ahead version whose horizon holds `date` (what the day was planned with). */
  async dayAheadVersion(shopId: string, queueId: string, date: string): Promise<ForecastVersion | undefined> {
    const [row] = await this.db.q
      .select()
      .from(forecastVersions)
      .where(
        and(
          eq(forecastVersions.shopId, shopId),
          eq(forecastVersions.queueId, queueId),
          eq(forecastVersions.status, 'completed'),
          lte(forecastVersions.fromDate, date),
          sql`${forecastVersions.fromDate} + ${forecastVersions.horizonDays}::int > ${date}::date`,
        ),
      )
      .orderBy(desc(forecastVersions.createdAt), desc(forecastVersions.id))
      .limit(1);
    return row;
  }

  /** The database's clock: facts committed before it are all visible to the reads that follow. */
  async clock(): Promise<Date> {
    const [row] = await this.db.q.execute<{ now: Date | string }>(sql`SELECT clock_timestamp() AS now`);
    return new Date(row.now);
  }

  async volume(shopId: string, queueId: string, from: Date, to: Date): Promise<{ startMs: number; volume: number }[]> {
    const rows = await this.db.q
      .select({ slotStart: volumeSlots.slotStart, offered: volumeSlots.offered })
      .from(volumeSlots)
      .where(
        and(
          eq(volumeSlots.shopId, shopId),
          eq(volumeSlots.queueId, queueId),
          gte(volumeSlots.slotStart, from),
          lt(volumeSlots.slotStart, to),
        ),
      );
    return rows.map((r) => ({ startMs: r.slotStart.getTime(), volume: r.offered }));
  }

  /** Queues and local days whose volume this import stored, from `fromDate` on (older days have no today to update). */
  async daysOfImport(
    shopId: string,
    importId: string,
    zone: string,
    fromDate: string,
  ): Promise<{ queueId: string; date: string }[]> {
    const rows = await this.db.q.execute<{ queue_id: string; day: string }>(sql`
      SELECT DISTINCT v.queue_id, to_char((v.slot_start AT TIME ZONE ${zone})::date, 'YYYY-MM-DD') AS day
      FROM ${volumeSlots} v
      WHERE v.shop_id = ${shopId} AND v.import_id = ${importId}
        AND v.slot_start >= (${fromDate}::date - 1)::timestamp AT TIME ZONE ${zone}
      ORDER BY 1, 2`);
    return [...rows].filter((r) => r.day >= fromDate).map((r) => ({ queueId: r.queue_id, date: r.day }));
  }

  /**
   * Stores an update of a day, replacing the previous one unless that one was computed from newer
   * facts (two updates running at once: the later reader wins). Returns false when it was older.
   */
  async store(values: NewIntradayForecast, slots: IntradaySlot[]): Promise<boolean> {
    return this.db.transaction(async () => {
      const [row] = await this.db.q
        .insert(intradayForecasts)
        .values(values)
        .onConflictDoUpdate({
          target: [intradayForecasts.queueId, intradayForecasts.localDate],
          set: {
            baseVersionId: values.baseVersionId,
            asOf: values.asOf,
            observed: values.observed,
            expected: values.expected,
            weight: values.weight,
            level: values.level,
            recent: values.recent,
            params: values.params,
            factsReadAt: values.factsReadAt,
            jobRunId: values.jobRunId,
            updates: sql`${intradayForecasts.updates} + 1`,
            updatedAt: sql`now()`,
          },
          setWhere: lte(intradayForecasts.factsReadAt, values.factsReadAt),
        })
        .returning({ id: intradayForecasts.id });
      if (!row) return false;
      await this.db.q.delete(intradayForecastSlots).where(eq(intradayForecastSlots.intradayId, row.id));
      if (slots.length)
        await this.db.q
          .insert(intradayForecastSlots)
          .values(slots.map((s) => ({ ...s, shopId: values.shopId, intradayId: row.id })));
      return true;
    });
  }

  async find(
    shopId: string,
    queueId: string,
    date: string,
  ): Promise<{ intraday: IntradayForecast; slots: IntradaySlot[] } | undefined> {
    const [intraday] = await this.db.q
      .select()
      .from(intradayForecasts)
      .where(
        and(
          eq(intradayForecasts.shopId, shopId),
          eq(intradayForecasts.queueId, queueId),
          eq(intradayForecasts.localDate, date),
        ),
      )
      .limit(1);
    if (!intraday) return undefined;
    const slots = await this.db.q
      .select({
        slotStart: intradayForecastSlots.slotStart,
        slotMinutes: intradayForecastSlots.slotMinutes,
        dayAhead: intradayForecastSlots.dayAhead,
        forecast: intradayForecastSlots.forecast,
      })
      .from(intradayForecastSlots)
      .where(and(eq(intradayForecastSlots.shopId, shopId), eq(intradayForecastSlots.intradayId, intraday.id)))
      .orderBy(asc(intradayForecastSlots.slotStart));
    return { intraday, slots };
  }
}
