import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';

/**
 * Which local days the nightly aggregation owes a shop beyond its recent days: those touched by
 * imports since the last night, and those with facts that were never aggregated. The facts of a
 * day themselves are read in kpi-aggregation.reads.ts.
 */
@Injectable()
export class KpiDueDays {
  constructor(private readonly db: Db) {}

  /**
   * Days whose facts came in through imports finished after the shop's watermark: the local days
   * of their sessions, and of their orders and the window's days before (an order belongs to its
   * inquiry's day), and the days agent states begin and end on. Returns the days and the new watermark.
   */
  async reimportedDays(
    shopId: string,
    timeZone: string,
    windowDays: number,
  ): Promise<{ days: string[]; seenUntil: string | null }> {
    const unseen = sql`
      SELECT i.id FROM imports i
      WHERE i.shop_id = ${shopId}::uuid AND i.status = 'completed' AND i.kind NOT IN ('volume', 'queues') AND i.finished_at IS NOT NULL
        AND i.finished_at > coalesce((SELECT seen_until FROM kpi_import_watermarks w WHERE w.shop_id = ${shopId}::uuid), '-infinity'::timestamptz)`;
    // Text keeps the microseconds a JS Date would drop (the watermark must not re-see its last import).
    const [latest] = (await this.db.q.execute(
      sql`SELECT max(finished_at)::text AS seen_until FROM imports WHERE id IN (${unseen})`,
    )) as unknown as { seen_until: string | null }[];
    if (!latest?.seen_until) return { days: [], seenUntil: null };
    const batch = sql`${unseen} AND i.finished_at <= ${latest.seen_until}::timestamptz`;
    const rows = (await this.db.q.execute(sql`
      SELECT DISTINCT (started_at AT TIME ZONE ${timeZone})::date::text AS day FROM chat_sessions WHERE shop_id = ${shopId}::uuid AND import_id IN (${batch})
      UNION
      SELECT DISTINCT ((o.created_at AT TIME ZONE ${timeZone})::date - g)::text AS day
      FROM orders o CROSS JOIN generate_series(0, ${windowDays}::int) g WHERE o.shop_id = ${shopId}::uuid AND o.import_id IN (${batch})
      UNION
      SELECT DISTINCT (t AT TIME ZONE ${timeZone})::date::text AS day
      FROM agent_states st CROSS JOIN LATERAL (VALUES (st.started_at), (st.ended_at)) e(t) WHERE st.shop_id = ${shopId}::uuid AND st.import_id IN (${batch}) AND t IS NOT NULL
      ORDER BY 1`)) as unknown as { day: string }[];
    return { days: rows.map((r) => r.day), seenUntil: latest.seen_until };
  }

  /**
   * Local days in [from, to] that have sessions but no KPI row at all: never aggregated (history
   * that arrived before the first night, a demo). Both probes use the (shop, time) indexes.
   */
  async daysWithoutKpis(shopId: string, timeZone: string, from: string, to: string): Promise<string[]> {
    const rows = (await this.db.q.execute(sql`
      SELECT d::date::text AS day FROM generate_series(${from}::date, ${to}::date, interval '1 day') d
      WHERE EXISTS (SELECT 1 FROM chat_sessions s WHERE s.shop_id = ${shopId}::uuid
                      AND s.started_at >= (d::timestamp AT TIME ZONE ${timeZone}) AND s.started_at < ((d + interval '1 day')::timestamp AT TIME ZONE ${timeZone}))
        AND NOT EXISTS (SELECT 1 FROM kpi_agent_days k WHERE k.shop_id = ${shopId}::uuid AND k.day = d::date)
      ORDER BY 1`)) as unknown as { day: string }[];
    return rows.map((r) => r.day);
  }

  async markImportsSeen(shopId: string, seenUntil: string): Promise<void> {
    await this.db.q.execute(sql`
      INSERT INTO kpi_import_watermarks (shop_id, seen_until) VALUES (${shopId}::uuid, ${seenUntil}::timestamptz)
      ON CONFLICT (shop_id) DO UPDATE SET seen_until = greatest(kpi_import_watermarks.seen_until, excluded.seen_until)`);
  }
}
