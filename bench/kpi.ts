/**
 * KPI aggregation and monthly ranking at scale, on the real PostgreSQL with the production code:
 * one local day of 1,000,000 chat sessions and 300,000 attributed orders for 1,000 agents
 * aggregated by the set-based statements (target < 10 s), then a month of daily rows for the same
 * 1,000 agents ranked by one scorecard (read sums + engine + store rows; target < 2 s).
 * `npx tsx bench/kpi.ts [--sessions N] [--orders N] [--agents N]`
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { connect, Db } from 'src/platform/db/db';
import { applyMigrations } from 'src/platform/db/migrate';
import { DemoSeed } from 'src/demo/demo-seed';
import type { ShopService } from 'src/modules/org/shop.service';
import type { NightlyPipeline } from 'src/platform/jobs/nightly/nightly-pipeline';
import type { AgentScope } from 'src/modules/org/agent-scope.service';
import type { TeamService } from 'src/modules/org/team.service';
import { KpiAggregationReads } from 'src/modules/kpi/kpi-aggregation.reads';
import { KpiDueDays } from 'src/modules/kpi/kpi-due-days.reads';
import { KpiAggregation } from 'src/modules/kpi/kpi-aggregation.service';
import { KpiRepository } from 'src/modules/kpi/kpi.repository';
import { KpiService } from 'src/modules/kpi/kpi.service';
import type { ViewCache } from 'src/platform/cache/view-cache';
import { RankingComputation } from 'src/modules/ranking/ranking-computation.service';
import { RankingRepository } from 'src/modules/ranking/ranking.repository';
import { AgentRepository } from 'src/modules/org/agent.repository';
import { AgentService } from 'src/modules/org/agent.service';
import type { SkillRepository } from 'src/modules/org/skill.repository';
import type { TeamRepository } from 'src/modules/org/team.repository';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DAY = '2026-11-11';
const MONTH = '2026-10';
const seconds = (from: number) => Math.round((performance.now() - from) / 10) / 100;

/** 1,000 agents over the demo teams, all in the pre-sales group so one scorecard ranks them all. */
async function facts(db: Db, shopId: string, agents: number, sessions: number, orders: number): Promise<void> {
  const sql = db.client;
  await sql`
    INSERT INTO agents (shop_id, employee_no, name, team_id, role_group, hire_date, employment_type, min_week_minutes, max_week_minutes, max_days_per_week, min_rest_hours)
    SELECT ${shopId}, 'BK' || lpad(n::text, 5, '0'), 'Bench ' || n, (SELECT id FROM teams WHERE shop_id = ${shopId} ORDER BY name OFFSET n % 4 LIMIT 1),
      'pre_sales', '2025-01-01', 'full_time', 2400, 2880, 5, 11
    FROM generate_series(1, ${agents}) n`;
  const [{ queue }] = await sql<{ queue: string }[]>`SELECT id AS queue FROM queues WHERE shop_id = ${shopId} LIMIT 1`;
  // Sessions spread over the local day (Asia/Shanghai: 16:00 UTC the day before), a third after-sales.
  await sql`
    WITH a AS (SELECT id, (row_number() OVER (ORDER BY employee_no) - 1)::int AS n FROM agents WHERE shop_id = ${shopId} AND employee_no LIKE 'BK%')
    INSERT INTO chat_sessions (shop_id, external_id, queue_id, agent_id, customer_hash, started_at, ended_at, first_response_seconds, mean_response_seconds,
      customer_messages, agent_messages, pre_sale, resolved, rating)
    SELECT ${shopId}, 'B-' || i, ${queue}, a.id, 'h' || (i % ${Math.round(sessions * 0.7)}),
      ${DAY}::date - interval '8 hours' + (i * 86400.0 / ${sessions}) * interval '1 second',
      ${DAY}::date - interval '8 hours' + (i * 86400.0 / ${sessions} + 600) * interval '1 second',
      5 + i % 40, 10 + i % 50, 3 + i % 20, (i % 23), i % 3 <> 0, i % 5 <> 0, CASE WHEN i % 4 = 0 THEN 1 + i % 5 END
    FROM generate_series(0, ${sessions - 1}) i JOIN a ON a.n = i % ${agents}`;
  await sql`
    INSERT INTO orders (shop_id, external_order_id, customer_hash, created_at, paid_at, refunded_at, amount_cents, refunded_cents, out_of_stock, attributed_agent_id, attributed_session_id)
    SELECT ${shopId}, 'BO-' || s.rn, s.customer_hash, s.started_at + interval '5 minutes',
      CASE WHEN s.rn % 5 <> 0 THEN s.started_at + interval '7 minutes' END, CASE WHEN s.rn % 20 = 0 THEN s.started_at + interval '3 days' END,
      1000 + (s.rn % 500) * 100, CASE WHEN s.rn % 20 = 0 THEN 500 ELSE 0 END, s.rn % 50 = 0, s.agent_id, s.id
    FROM (SELECT id, agent_id, customer_hash, started_at, row_number() OVER () AS rn FROM chat_sessions WHERE shop_id = ${shopId} AND pre_sale LIMIT ${orders}) s`;
  // A month of daily sums for the ranking (30 days per agent).
  await sql`
    INSERT INTO kpi_agent_days (shop_id, agent_id, day, team_id, role_group, sessions, inquiries, pre_sale_inquiries, ordered_customers, paying_customers, paid_cents,
      first_response_sum, first_response_count, ratings, satisfied_ratings)
    SELECT a.shop_id, a.id, d::date, a.team_id, a.role_group, 40, 30 + h % 20, 25, h % 12, h % 9, (h % 9) * 15000, 20 * (10 + h % 30), 20, 10, h % 11
    FROM agents a CROSS JOIN generate_series(${MONTH + '-01'}::date, ${MONTH + '-30'}::date, interval '1 day') d
      CROSS JOIN LATERAL (SELECT abs(hashtext(a.id::text || d::text)) AS h) x
    WHERE a.shop_id = ${shopId} AND a.employee_no LIKE 'BK%'`;
  await sql`ANALYZE chat_sessions; ANALYZE orders; ANALYZE kpi_agent_days`.simple();
}

async function main(): Promise<void> {
  const agents = arg('agents', 1_000);
  const sessions = arg('sessions', 1_000_000);
  const orders = arg('orders', 300_000);
  const name = `wfm_bench_${randomBytes(3).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const db = connect(url, 4);
  try {
    await applyMigrations(db, url);
    const { shopId } = await new DemoSeed(db).seed();
    let started = performance.now();
    await facts(db, shopId, agents, sessions, orders);
    process.stdout.write(`facts written in ${seconds(started)} s\n`);

    const shops = {
      context: async () => ({ id: shopId, timeZone: 'Asia/Shanghai', settings: { attributionWindowDays: 1 } }),
    } as unknown as ShopService;
    const aggregation = new KpiAggregation(
      null as unknown as NightlyPipeline,
      db,
      new KpiAggregationReads(db),
      new KpiDueDays(db),
      shops,
    );
    started = performance.now();
    const day = await aggregation.aggregateDay(shopId, DAY);
    const aggregateSeconds = seconds(started);
    const [check] = await db.client<
      { sessions: number; orders: number }[]
    >`SELECT sum(sessions)::int AS sessions, sum(orders)::int AS orders FROM kpi_agent_days WHERE shop_id = ${shopId} AND day = ${DAY}`;
    started = performance.now();
    await aggregation.aggregateDay(shopId, DAY);
    const rerunSeconds = seconds(started);

    const kpis = new KpiService(
      new KpiRepository(db),
      null as unknown as AgentScope,
      null as unknown as TeamService,
      null as unknown as ViewCache,
    );
    const runs = new RankingRepository(db);
    const scorecard = {
      name: 'bench',
      roleGroup: 'pre_sales',
      minDaysWorked: 15,
      minInquiries: 300,
      topN: 3,
      bottomPercent: 10,
      tieRule: 'heaviest_metric',
      rewardRules: [],
      metrics: [
        { metric: 'orderConversion', weight: 40 },
        { metric: 'serviceSales', weight: 30 },
        { metric: 'firstResponseSeconds', weight: 15 },
        { metric: 'satisfaction', weight: 15 },
      ],
    };
    const [card] = await db.client<{ id: string }[]>`
      INSERT INTO scorecards (shop_id, name, role_group, metrics, min_days_worked, min_inquiries, top_n, bottom_percent, tie_rule)
      VALUES (${shopId}, 'bench', 'pre_sales', ${JSON.stringify(scorecard.metrics)}::jsonb, 15, 300, 3, 10, 'heaviest_metric') RETURNING id`;
    const run = await db.transaction(() =>
      runs.insertNextVersion({ shopId, scorecardId: card.id, month: MONTH, status: 'queued', scorecard }),
    );
    started = performance.now();
    const agentService = new AgentService(
      db,
      new AgentRepository(db),
      null as unknown as TeamRepository,
      null as unknown as SkillRepository,
    );
    const ranking = await new RankingComputation(
      db,
      runs,
      kpis,
      agentService,
      null as unknown as KpiAggregation,
    ).compute(run);
    const rankingSeconds = seconds(started);

    process.stdout.write(
      `${JSON.stringify(
        {
          aggregation: {
            sessions,
            orders,
            agents,
            agentDays: day.sessions.stored,
            storedSessions: check.sessions,
            storedOrders: check.orders,
            seconds: aggregateSeconds,
            rerunSeconds,
            target: '< 10 s',
          },
          ranking: { agents, ...ranking, seconds: rankingSeconds, target: '< 2 s' },
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await db.close();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
