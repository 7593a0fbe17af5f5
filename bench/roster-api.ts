/**
 * Rosters through the product path: `npm run build && npx tsx bench/roster-api.ts [--agents 60|200]
 * [--time-limit 30] [--seed 1] [--supervisors] [--dump problem.json]`. Boots the compiled app on a fresh PostgreSQL
 * database, seeds the whole demo shop (history, forecasts, this week's roster published, training),
 * optionally scales it (agents copied round the teams, volume scaled with the head count and the
 * forecasts made again), then rosters next week with `RosterCommands.create` and the `roster.generate`
 * job exactly as `POST /rosters` does with its default settings (fairness weights, templates with
 * start windows, breaks, booked training, the week before carried over). Prints one JSON line:
 * objective, bound, gap, under-cover agent-slots by daypart, wall time from the request to the
 * stored roster, and the limit's promise (job end − request).
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import postgres from 'postgres';
import { compiled } from './compiled-app';

const { AppModule } = compiled<typeof import('src/app.module')>('app.module');
const { loadConfig } = compiled<typeof import('src/platform/config/app-config')>('platform/config/app-config');
const { DemoSetup } = compiled<typeof import('src/demo/demo-setup.service')>('demo/demo-setup.service');
const { DemoRepository } = compiled<typeof import('src/demo/demo.repository')>('demo/demo.repository');
const { DemoPlans } = compiled<typeof import('src/demo/demo-plans.service')>('demo/demo-plans.service');
const { RosterReading } = compiled<typeof import('src/modules/roster/roster-reading.service')>(
  'modules/roster/roster-reading.service',
);
const { RosterCommands } = compiled<typeof import('src/modules/roster/roster-commands.service')>(
  'modules/roster/roster-commands.service',
);
const { CreateRosterBody } = compiled<typeof import('src/modules/roster/roster.dto')>('modules/roster/roster.dto');
const { ForecastService } = compiled<typeof import('src/modules/forecast/forecast.service')>(
  'modules/forecast/forecast.service',
);
const { ShopService } = compiled<typeof import('src/modules/org/shop.service')>('modules/org/shop.service');
const { JobQueue } = compiled<typeof import('src/platform/jobs/job-queue')>('platform/jobs/job-queue');
const { withLocale } = compiled<typeof import('src/platform/i18n/request-locale')>('platform/i18n/request-locale');

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const agents = Number(arg('agents', '60'));
const seconds = Number(arg('time-limit', '30'));
const seed = Number(arg('seed', '1'));
const supervisors = process.argv.includes('--supervisors');
/** Writes the stored solver problem (JSON) here, to solve it again with the engine alone. */
const dump = arg('dump', '');
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DEMO_AGENTS = 60;

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** More agents like the demo's (round the teams, same contracts and skills), and volume grown with them. */
async function scale(sql: postgres.Sql, shopId: string, to: number): Promise<void> {
  const models = await sql<
    {
      id: string;
      name: string;
      team_id: string;
      role_group: string;
      hire_date: string;
      employment_type: string;
      min_week_minutes: number;
      max_week_minutes: number;
      max_days_per_week: number;
      min_rest_hours: number;
    }[]
  >`
    SELECT id, name, team_id, role_group, hire_date::text, employment_type, min_week_minutes, max_week_minutes, max_days_per_week, min_rest_hours
    FROM agents WHERE shop_id = ${shopId} AND NOT is_supervisor ORDER BY employee_no`;
  for (let n = DEMO_AGENTS + 1; n <= to; n++) {
    const m = models[(n - DEMO_AGENTS - 1) % models.length];
    const [{ id }] = await sql<{ id: string }[]>`
      INSERT INTO agents (shop_id, employee_no, name, team_id, role_group, hire_date, employment_type, min_week_minutes, max_week_minutes, max_days_per_week, min_rest_hours)
      VALUES (${shopId}, ${`CS${String(n).padStart(4, '0')}`}, ${`${m.name}${n}`}, ${m.team_id}, ${m.role_group}, ${m.hire_date}, ${m.employment_type}, ${m.min_week_minutes}, ${m.max_week_minutes}, ${m.max_days_per_week}, ${m.min_rest_hours})
      RETURNING id`;
    await sql`INSERT INTO agent_skills (shop_id, agent_id, skill_id, proficiency) SELECT shop_id, ${id}, skill_id, proficiency FROM agent_skills WHERE agent_id = ${m.id}`;
  }
  await sql`UPDATE volume_slots SET offered = round(offered * ${to / DEMO_AGENTS}::float8), handled = round(handled * ${to / DEMO_AGENTS}::float8) WHERE shop_id = ${shopId}`;
}

async function main(): Promise<void> {
  const name = `wfm_bench_roster_${randomBytes(3).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const databaseUrl = withDatabase(adminUrl, name);
  const config = {
    ...loadConfig({}),
    databaseUrl,
    redisUrl: undefined,
    logLevel: 'warn',
    schedules: 'off' as const,
    seedDemo: 'never' as const,
  };
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error'] });
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => undefined });
  try {
    const now = new Date();
    const org = await app.get(DemoSetup).seed(now);
    const shop = await app.get(ShopService).context(org.shopId);
    const manager = await app.get(DemoRepository).actor(shop.id, 'manager');
    const queue = app.get(JobQueue);
    const nextMonday = DemoPlans.thisMonday(shop, new Date(now.getTime() + 7 * 86_400_000));
    if (agents > DEMO_AGENTS) {
      await scale(sql, shop.id, agents);
      const { forecasts } = await app
        .get(ForecastService)
        .create(manager, { from: nextMonday, weeks: 1, method: 'auto' });
      for (const f of forecasts) await queue.settled(f.jobId, 10 * 60_000);
    }
    const rostered = Number((await sql`SELECT count(*) AS n FROM agents WHERE shop_id = ${shop.id} AND active`)[0].n);
    const started = Date.now();
    const body = CreateRosterBody.parse({
      weekStart: nextMonday,
      timeLimitSeconds: seconds,
      seed,
      ...(supervisors ? { supervisorOnEveryShift: true } : {}),
    });
    const created = await withLocale('en', () => app.get(RosterCommands).create(manager, body));
    await queue.settled(created.jobId, (seconds + 120) * 1000);
    const wall = (Date.now() - started) / 1000;
    const [run] = await sql`SELECT status, result, started_at, finished_at FROM job_runs WHERE id = ${created.jobId}`;
    const roster = await withLocale('en', () => app.get(RosterReading).get(manager, created.rosterId));
    if (dump) {
      const [stored] = await sql`SELECT problem FROM rosters WHERE id = ${created.rosterId}`;
      writeFileSync(dump, JSON.stringify(stored.problem));
    }
    const byDaypart: Record<string, number> = { night: 0, morning: 0, afternoon: 0, evening: 0 };
    for (const c of roster.coverage) {
      const hour = Number(c.local.slice(11, 13));
      if (c.gap < 0)
        byDaypart[hour < 6 ? 'night' : hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening'] += -c.gap;
    }
    const result = run.result as Record<string, unknown>;
    console.log(
      JSON.stringify({
        agents: rostered,
        week: nextMonday,
        timeLimitSeconds: seconds,
        supervisorOnEveryShift: supervisors,
        status: run.status,
        objective: roster.objective?.total ?? null,
        terms: roster.objective?.terms ?? null,
        lowerBound: roster.solve.lowerBound === null ? null : Number(roster.solve.lowerBound.toFixed(1)),
        gap: roster.solve.gap === null ? null : Number(roster.solve.gap.toFixed(4)),
        stoppedBy: roster.solve.stoppedBy,
        solverSeconds: roster.solve.seconds,
        underCoverAgentSlots: byDaypart,
        underCoverWarnings: roster.underCover.length,
        bindingReasons: [...new Set(roster.underCover.map((u) => u.reasonCode).filter(Boolean))],
        violations: roster.violations.length,
        infeasibilities: roster.infeasibilities.length,
        wallSeconds: Number(wall.toFixed(2)),
        jobEndMinusRequestSeconds: Number(
          ((Date.parse(String(run.finished_at)) - Date.parse(String(result.requestedAt))) / 1000).toFixed(2),
        ),
        warnings: created.warnings,
      }),
    );
  } finally {
    await sql.end();
    await app.close();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
