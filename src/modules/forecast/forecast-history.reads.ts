import { Injectable } from '@nestjs/common';
import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { forecastEvents, forecastSlots, forecastVersions, queues, volumeSlots } from 'src/platform/db/schema';
import type { VolumeObservation } from './engine/forecast-types';
import type { CalendarDay } from './engine-input';

export type QueueRef = { id: string; name: string; kind: string; active: boolean };
const queueRef = { id: queues.id, name: queues.name, kind: queues.kind, active: queues.active };

export type ForecastActualRow = {
  slotStart: Date;
  slotMinutes: number;
  versionId: string | null;
  forecast: number | null;
  lower: number | null;
  upper: number | null;
  actual: number | null;
};

/** What forecasts are made from and compared with: the queues, their volume and the shop's calendar. */
@Injectable()
export class ForecastHistoryReads {
  constructor(private readonly db: Db) {}

  queues(shopId: string, ids: string[]): Promise<QueueRef[]> {
    return this.db.q
      .select(queueRef)
      .from(queues)
      .where(and(eq(queues.shopId, shopId), inArray(queues.id, ids)));
  }

  activeQueues(shopId: string): Promise<QueueRef[]> {
    return this.db.q
      .select(queueRef)
      .from(queues)
      .where(and(eq(queues.shopId, shopId), eq(queues.active, true)))
      .orderBy(asc(queues.code));
  }

  activeRealtimeQueues(shopId: string): Promise<QueueRef[]> {
    return this.db.q
      .select(queueRef)
      .from(queues)
      .where(and(eq(queues.shopId, shopId), eq(queues.kind, 'realtime'), eq(queues.active, true)))
      .orderBy(asc(queues.code));
  }

  /** Offered volume per slot in [from, to): one query per queue. */
  async volume(shopId: string, queueId: string, from: Date, to: Date): Promise<VolumeObservation[]> {
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
      )
      .orderBy(asc(volumeSlots.slotStart));
    return rows.map((r) => ({ start: r.slotStart.toISOString(), volume: r.offered }));
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

  /** Calendar days of the shop that concern the queue (its own and shop-wide ones), inclusive range. */
  calendar(shopId: string, queueId: string, fromDate: string, toDate: string): Promise<CalendarDay[]> {
    return this.db.q
      .select({
        date: forecastEvents.date,
        kind: forecastEvents.kind,
        label: forecastEvents.label,
        multiplier: forecastEvents.multiplier,
      })
      .from(forecastEvents)
      .where(
        and(
          eq(forecastEvents.shopId, shopId),
          or(isNull(forecastEvents.queueId), eq(forecastEvents.queueId, queueId)),
          gte(forecastEvents.date, fromDate),
          lte(forecastEvents.date, toDate),
        ),
      )
      .orderBy(asc(forecastEvents.date));
  }

  /**
   * Per slot in [from, to): the value of the latest completed version that covers it, beside what
   * arrived. Slots with only one of the two are kept (forecast or actual null).
   */
  async forecastVsActual(shopId: string, queueId: string, from: Date, to: Date): Promise<ForecastActualRow[]> {
    const rows = await this.db.q.execute<{
      slot_start: Date | string;
      slot_minutes: number;
      version_id: string | null;
      forecast: number | null;
      lower: number | null;
      upper: number | null;
      actual: number | null;
    }>(sql`
      WITH latest AS (
        SELECT DISTINCT ON (s.slot_start) s.slot_start, s.slot_minutes, s.version_id, s.forecast, s.lower, s.upper
        FROM ${forecastSlots} s
        JOIN ${forecastVersions} v ON v.id = s.version_id
        WHERE v.shop_id = ${shopId} AND v.queue_id = ${queueId} AND v.status = 'completed'
          AND s.slot_start >= ${from.toISOString()} AND s.slot_start < ${to.toISOString()}
        ORDER BY s.slot_start, v.created_at DESC, v.id DESC
      ), actual AS (
        SELECT slot_start, slot_minutes, offered
        FROM ${volumeSlots}
        WHERE shop_id = ${shopId} AND queue_id = ${queueId} AND slot_start >= ${from.toISOString()} AND slot_start < ${to.toISOString()}
      )
      SELECT coalesce(l.slot_start, a.slot_start) AS slot_start, coalesce(l.slot_minutes, a.slot_minutes)::int AS slot_minutes,
             l.version_id, l.forecast, l.lower, l.upper, a.offered AS actual
      FROM latest l FULL JOIN actual a ON a.slot_start = l.slot_start
      ORDER BY 1`);
    return [...rows].map((r) => ({
      slotStart: new Date(r.slot_start),
      slotMinutes: r.slot_minutes,
      versionId: r.version_id,
      forecast: r.forecast,
      lower: r.lower,
      upper: r.upper,
      actual: r.actual,
    }));
  }
}
