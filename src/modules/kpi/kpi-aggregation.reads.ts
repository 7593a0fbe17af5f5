import { Injectable } from '@nestjs/common';
import { sql, SQL } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import type { KpiDay } from './kpi-day';

/** The stored columns each fact table owns in kpi_agent_days (snake case, as in the table). */
const SESSION_COLUMNS = [
  'sessions',
  'inquiries',
  'pre_sale_inquiries',
  'first_response_sum',
  'first_response_count',
  'response_sum',
  'response_pairs',
  'customer_messages',
  'agent_messages',
  'after_sale_sessions',
  'resolved_sessions',
  'ratings',
  'satisfied_ratings',
];
const ORDER_COLUMNS = [
  'ordered_customers',
  'orders',
  'paying_customers',
  'paid_cents',
  'refunded_cents',
  'out_of_stock_orders',
];
const COMPLAINT_COLUMNS = ['complaints'];
const QC_COLUMNS = ['qc_reviews', 'qc_score_sum'];
const ROSTER_COLUMNS = ['worked_minutes'];
const ADHERENCE_COLUMNS = ['scheduled_seconds', 'adherent_seconds', 'planned_work_seconds', 'logged_work_seconds'];

/** Seconds covered by a tstzmultirange. */
const seconds = (multirange: SQL) =>
  sql`(SELECT coalesce(round(sum(extract(epoch FROM upper(r) - lower(r)))), 0)::int FROM unnest(${multirange}) r)`;

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const list = (columns: string[], prefix = '') => sql.raw(columns.map((c) => `${prefix}${c}`).join(', '));

export type ReplaceCount = { stored: number; cleared: number };

/**
 * Set-based aggregation of one local day: per fact table ONE statement that computes every
 * agent's figures (`fresh`), upserts them, and resets that table's columns for agents who no
 * longer have any facts that day, so a re-run replaces and never adds.
 */
@Injectable()
export class KpiAggregationReads {
  constructor(private readonly db: Db) {}

  private async replace(shopId: string, day: KpiDay, fresh: SQL, columns: string[]): Promise<ReplaceCount> {
    const rows = await this.db.q.execute(sql`
      WITH fresh AS (${fresh}),
      stored AS (
        INSERT INTO kpi_agent_days AS k (shop_id, agent_id, day, team_id, role_group, ${list(columns)}, computed_at)
        SELECT ${shopId}::uuid, f.agent_id, ${day.date}::date, a.team_id, a.role_group, ${list(columns, 'f.')}, now()
        FROM fresh f LEFT JOIN agents a ON a.id = f.agent_id AND a.shop_id = ${shopId}::uuid
        ON CONFLICT (shop_id, day, agent_id) DO UPDATE
        SET ${sql.raw(columns.map((c) => `${c} = excluded.${c}`).join(', '))}, team_id = excluded.team_id, role_group = excluded.role_group, computed_at = now()
        -- Rows that would not change are not written: a re-run of an unchanged day leaves no dead
        -- row versions behind for readers to wade through until the next vacuum.
        WHERE (${list(columns, 'k.')}, k.team_id, k.role_group) IS DISTINCT FROM (${list(columns, 'excluded.')}, excluded.team_id, excluded.role_group)
        RETURNING 1
      ),
      cleared AS (
        UPDATE kpi_agent_days k SET ${sql.raw(columns.map((c) => `${c} = DEFAULT`).join(', '))}, computed_at = now()
        WHERE k.shop_id = ${shopId}::uuid AND k.day = ${day.date}::date AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.agent_id = k.agent_id)
          AND (${list(columns, 'k.')}) IS DISTINCT FROM (${sql.raw(columns.map(() => '0').join(', '))})
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM fresh)::int AS stored, (SELECT count(*) FROM cleared)::int AS cleared`);
    const [row] = rows as unknown as ReplaceCount[];
    return { stored: Number(row.stored), cleared: Number(row.cleared) };
  }

  /**
   * Sessions by the local day they started (a session past midnight stays on its first day).
   * Customers are counted per agent and day by first grouping per (agent, customer): a hash
   * aggregate, much cheaper than count(DISTINCT) over a million rows.
   */
  sessions(shopId: string, day: KpiDay): Promise<ReplaceCount> {
    return this.replace(
      shopId,
      day,
      sql`
      SELECT agent_id,
        sum(sessions)::int AS sessions,
        (count(*) FILTER (WHERE answered))::int AS inquiries,
        (count(*) FILTER (WHERE pre_sale_answered))::int AS pre_sale_inquiries,
        sum(first_response_sum) AS first_response_sum, sum(first_response_count)::int AS first_response_count,
        sum(response_sum) AS response_sum, sum(response_pairs)::int AS response_pairs,
        sum(customer_messages)::int AS customer_messages, sum(agent_messages)::int AS agent_messages,
        sum(after_sale_sessions)::int AS after_sale_sessions, sum(resolved_sessions)::int AS resolved_sessions,
        sum(ratings)::int AS ratings, sum(satisfied_ratings)::int AS satisfied_ratings
      FROM (
        SELECT agent_id, customer_hash, count(*) AS sessions,
          bool_or(agent_messages > 0) AS answered,
          bool_or(pre_sale AND agent_messages > 0) AS pre_sale_answered,
          coalesce(sum(first_response_seconds), 0) AS first_response_sum,
          count(first_response_seconds) AS first_response_count,
          coalesce(sum(mean_response_seconds * least(customer_messages, agent_messages)), 0) AS response_sum,
          coalesce(sum(least(customer_messages, agent_messages)) FILTER (WHERE mean_response_seconds IS NOT NULL), 0) AS response_pairs,
          sum(customer_messages) AS customer_messages, sum(agent_messages) AS agent_messages,
          count(*) FILTER (WHERE NOT pre_sale) AS after_sale_sessions,
          count(*) FILTER (WHERE NOT pre_sale AND resolved) AS resolved_sessions,
          count(rating) AS ratings, count(*) FILTER (WHERE rating >= 4) AS satisfied_ratings
        FROM chat_sessions
        WHERE shop_id = ${shopId}::uuid AND started_at >= ${at(day.start)} AND started_at < ${at(day.end)}
        GROUP BY agent_id, customer_hash
      ) per_customer
      GROUP BY agent_id`,
      SESSION_COLUMNS,
    );
  }

  /**
   * Attributed orders on the day of the inquiry they are attributed to (a cohort: the ordered
   * customers of a day are a subset of its pre-sale inquirers). Paid amount and refunds count
   * whenever they happen; orders without an inquiry (unattributed) count for nobody.
   */
  orders(shopId: string, day: KpiDay): Promise<ReplaceCount> {
    return this.replace(
      shopId,
      day,
      sql`
      SELECT agent_id, count(*)::int AS ordered_customers, sum(orders)::int AS orders,
        (count(*) FILTER (WHERE paying))::int AS paying_customers,
        sum(paid_cents)::bigint AS paid_cents, sum(refunded_cents)::bigint AS refunded_cents, sum(out_of_stock)::int AS out_of_stock_orders
      FROM (
        SELECT o.attributed_agent_id AS agent_id, o.customer_hash, count(*) AS orders, bool_or(o.paid_at IS NOT NULL) AS paying,
          coalesce(sum(o.amount_cents) FILTER (WHERE o.paid_at IS NOT NULL), 0) AS paid_cents,
          coalesce(sum(o.refunded_cents) FILTER (WHERE o.paid_at IS NOT NULL), 0) AS refunded_cents,
          count(*) FILTER (WHERE o.out_of_stock) AS out_of_stock
        FROM orders o JOIN chat_sessions s ON s.id = o.attributed_session_id AND s.shop_id = o.shop_id
        WHERE o.shop_id = ${shopId}::uuid AND o.attributed_agent_id IS NOT NULL
          AND o.created_at >= ${at(day.start)} AND o.created_at < ${at(day.ordersUntil)}
          AND s.started_at >= ${at(day.start)} AND s.started_at < ${at(day.end)}
        GROUP BY 1, 2
      ) per_customer
      GROUP BY agent_id`,
      ORDER_COLUMNS,
    );
  }

  /** Complaints the agent was at fault for, by the local day received. */
  complaints(shopId: string, day: KpiDay): Promise<ReplaceCount> {
    return this.replace(
      shopId,
      day,
      sql`
      SELECT agent_id, count(*)::int AS complaints FROM complaints
      WHERE shop_id = ${shopId}::uuid AND agent_at_fault AND agent_id IS NOT NULL
        AND received_at >= ${at(day.start)} AND received_at < ${at(day.end)}
      GROUP BY agent_id`,
      COMPLAINT_COLUMNS,
    );
  }

  /**
   * Submitted QC reviews by the local day the reviewed session started. Reviews of one session by
   * several reviewers (calibration) are averaged first, so a session counts once, as in QC's summary.
   */
  qc(shopId: string, day: KpiDay): Promise<ReplaceCount> {
    return this.replace(
      shopId,
      day,
      sql`
      SELECT agent_id, count(*)::int AS qc_reviews, sum(score) AS qc_score_sum
      FROM (
        SELECT agent_id, session_id, avg(total_score) AS score FROM qc_reviews
        WHERE shop_id = ${shopId}::uuid AND status = 'submitted'
          AND session_started_at >= ${at(day.start)} AND session_started_at < ${at(day.end)}
        GROUP BY agent_id, session_id
      ) per_session
      GROUP BY agent_id`,
      QC_COLUMNS,
    );
  }

  /**
   * Worked minutes from the published roster: for each agent and week only the publication that is
   * the week's truth (`roster_publications`: a later draft, or an older or superseded publication,
   * changes nothing), shifts by the local day they start, breaks off.
   */
  roster(shopId: string, day: KpiDay): Promise<ReplaceCount> {
    return this.replace(
      shopId,
      day,
      sql`
      SELECT s.agent_id, sum(s.length_minutes - coalesce((SELECT sum((b ->> 'minutes')::int) FROM jsonb_array_elements(s.breaks) b), 0))::int AS worked_minutes
      FROM roster_shifts s
      JOIN roster_publications p ON p.version_id = s.version_id AND p.agent_id = s.agent_id
      WHERE s.shop_id = ${shopId}::uuid AND s.local_date = ${day.date}::date
      GROUP BY s.agent_id`,
      ROSTER_COLUMNS,
    );
  }

  /**
   * Adherence and conformance, as the adherence engine defines them (`adherence/engine/adherence.ts`),
   * in one statement with multiranges: the published shifts (the week's truth) inside the day, their
   * breaks and booked training (off the queues), and the agent states, each report ended by the next
   * one (reports are read from a day before: no on-queue state lasts longer), open ones by now().
   */
  adherence(shopId: string, day: KpiDay, timeZone: string): Promise<ReplaceCount> {
    const dayRange = sql`tstzmultirange(tstzrange(${at(day.start)}, ${at(day.end)}))`;
    return this.replace(
      shopId,
      day,
      sql`
      WITH shift AS (
        SELECT s.agent_id, s.starts_at, s.ends_at, s.local_date, s.breaks
        FROM roster_shifts s JOIN roster_publications p ON p.version_id = s.version_id AND p.agent_id = s.agent_id
        WHERE s.shop_id = ${shopId}::uuid AND s.starts_at < ${at(day.end)} AND s.ends_at > ${at(day.start)}
      ),
      scheduled AS (SELECT agent_id, range_agg(tstzrange(starts_at, ends_at)) * ${dayRange} AS mr FROM shift GROUP BY agent_id),
      away AS (
        SELECT agent_id, range_agg(r) AS mr FROM (
          SELECT sh.agent_id, tstzrange(b.starts_at, b.starts_at + make_interval(mins => (br ->> 'minutes')::int)) AS r
          FROM shift sh CROSS JOIN LATERAL jsonb_array_elements(sh.breaks) br
          -- A break's real minutes after the shift's start when stored: its clock time cannot tell the two passes of
          -- the hour the clocks repeat in autumn (PostgreSQL reads such a time as the later one).
          CROSS JOIN LATERAL (SELECT CASE WHEN br ->> 'offsetMinutes' IS NOT NULL
            THEN sh.starts_at + make_interval(mins => (br ->> 'offsetMinutes')::int)
            ELSE (sh.local_date::timestamp + make_interval(mins => (br ->> 'startMinutes')::int)) AT TIME ZONE ${timeZone} END AS starts_at) b
          UNION ALL
          SELECT ta.agent_id, tstzrange(ts.starts_at, ts.ends_at)
          FROM training_sessions ts JOIN training_attendees ta ON ta.session_id = ts.id
          WHERE ts.shop_id = ${shopId}::uuid AND ts.status = 'booked' AND ts.starts_at < ${at(day.end)} AND ts.ends_at > ${at(day.start)}
        ) o GROUP BY agent_id
      ),
      report AS (
        SELECT agent_id, state, started_at,
          least(coalesce(ended_at, greatest(now(), started_at)), lead(started_at) OVER (PARTITION BY agent_id ORDER BY started_at)) AS ended_at
        FROM agent_states
        WHERE shop_id = ${shopId}::uuid AND started_at >= ${at(day.start)} - interval '1 day' AND started_at < ${at(day.end)}
      ),
      online AS (
        SELECT agent_id, range_agg(tstzrange(started_at, ended_at)) * ${dayRange} AS mr
        FROM report WHERE state IN ('online', 'busy') AND ended_at > started_at GROUP BY agent_id
      ),
      parts AS (
        SELECT a.agent_id, coalesce(sc.mr, '{}') AS sched, coalesce(sc.mr, '{}') * coalesce(aw.mr, '{}') AS away, coalesce(o.mr, '{}') AS online
        FROM (SELECT agent_id FROM scheduled UNION SELECT agent_id FROM online) a
        LEFT JOIN scheduled sc ON sc.agent_id = a.agent_id LEFT JOIN away aw ON aw.agent_id = a.agent_id LEFT JOIN online o ON o.agent_id = a.agent_id
      )
      SELECT agent_id,
        ${seconds(sql`sched`)} AS scheduled_seconds,
        ${seconds(sql`(sched - away) * online`)} + ${seconds(sql`away - online`)} AS adherent_seconds,
        ${seconds(sql`sched - away`)} AS planned_work_seconds,
        ${seconds(sql`online`)} AS logged_work_seconds
      FROM parts`,
      ADHERENCE_COLUMNS,
    );
  }

  /**
   * A day of a big shop groups about a million (agent, customer) pairs: with the default 4 MB the
   * hash aggregate spills to disk. Only for this transaction, and only for the nightly batch.
   */
  async roomForAggregation(): Promise<void> {
    await this.db.q.execute(sql`SET LOCAL work_mem = '128MB'`);
  }

  /** One more change to the shop's KPI rows (in the day's transaction): cached answers read this. */
  async bumpRevision(shopId: string): Promise<void> {
    await this.db.q.execute(sql`
      INSERT INTO kpi_revisions (shop_id, revision) VALUES (${shopId}::uuid, 1)
      ON CONFLICT (shop_id) DO UPDATE SET revision = kpi_revisions.revision + 1`);
  }

  /** Rows left with no facts at all (every fact table cleared them) are removed. */
  async dropEmpty(shopId: string, date: string): Promise<void> {
    await this.db.q.execute(sql`
      DELETE FROM kpi_agent_days WHERE shop_id = ${shopId}::uuid AND day = ${date}::date
        AND sessions = 0 AND orders = 0 AND complaints = 0 AND qc_reviews = 0 AND worked_minutes = 0
        AND scheduled_seconds = 0 AND logged_work_seconds = 0`);
  }
}
