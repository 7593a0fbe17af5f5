import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { forecastVersions, intradayForecasts, intradayForecastSlots } from 'src/platform/db/schema';
import type { ForecastVersion } from './forecast.repository';

export type IntradayForecast = typeof intradayForecasts.$inferSelect;
export type NewIntradayForecast = Omit<typeof intradayForecasts.$inferInsert, 'id' | 'updates' | 'updatedAt'>;
export type IntradaySlot = { slotStart: Date; slotMinutes: number; dayAhead: number; forecast: number };

/** Intraday versions of a queue's days, and the day-ahead versions they are made from (the volume is ForecastHistoryReads'). */
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
