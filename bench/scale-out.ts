/**
 * Scale-out as operators run it (README, "Scaling out"): two API replicas (`dist/main.js`,
 * WORKERS=off SCHEDULES=off) and two worker processes (`dist/worker.js`, SCHEDULES=on in both) as
 * child processes on one PostgreSQL database and one append-only Redis, both the bench's own. The
 * demo shop is seeded and copied to 49 more shops; the workers' schedulers enqueue every shop's
 * night at the next minute, and one worker is SIGKILLed mid-night. Reports the night's wall time,
 * exactly-once counts per shop and step, the takeover time and each process's RSS.
 *
 *   npx tsx bench/scale-out.ts [--shops 50] [--kill-after 10] [--fact-days 7]
 *
 * Everything it starts (processes, database, Redis and its folder) is removed again, also on failure.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { OwnRedis } from '../test/support/own-redis';
import { buildIfStale, repoRoot, waitFor } from '../test/support/server-process';
import { cloneShop } from './scale-out-shops';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const shopCount = arg('shops', 50);
const killAfter = arg('kill-after', 10);
const factDays = arg('fact-days', 7);
const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' / ');
const seconds = (ms: number) => Math.round(ms / 100) / 10;

type Proc = {
  name: string;
  child: ChildProcess;
  pid: number;
  output: () => string;
  peakRssMb: number;
  lastRssMb: number;
};
const procs: Proc[] = [];

/** Like `npm run start:prod` / `npm run worker` (same heap limits), resolved once `ready` is printed. */
async function start(
  name: string,
  script: 'main.js' | 'worker.js',
  env: Record<string, string>,
  ready: RegExp,
): Promise<Proc> {
  const heap = script === 'main.js' ? 384 : 256;
  const child = spawn(process.execPath, [`--max-old-space-size=${heap}`, join(repoRoot, 'dist', script)], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (c: Buffer) => (output = (output + c.toString()).slice(-200_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const proc: Proc = { name, child, pid: child.pid!, output: () => output, peakRssMb: 0, lastRssMb: 0 };
  procs.push(proc);
  await waitFor(
    `${name} to start`,
    () => {
      if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${output}`);
      return ready.test(output);
    },
    180_000,
  );
  return proc;
}

function sampleRss(): void {
  for (const p of procs) {
    if (p.child.exitCode !== null || p.child.signalCode !== null) continue;
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'))?.[1];
      if (!kb) continue; // killed, not yet reaped: no memory left to count
      p.lastRssMb = Math.round(Number(kb) / 1024);
      p.peakRssMb = Math.max(p.peakRssMb, p.lastRssMb);
    } catch {
      // it ended between the check and the read; its last sample stands
    }
  }
}

async function stop(p: Proc): Promise<number> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return 0;
  const started = Date.now();
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 90_000);
  await exited;
  clearTimeout(timer);
  return Date.now() - started;
}

function killAll(): void {
  for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
}

async function runNight(sql: postgres.Sql, env: Record<string, string>) {
  const api = { ...env, WORKERS: 'off', SCHEDULES: 'off', PORT: '0', HOST: '127.0.0.1' };
  const health = /Health: +http:\/\/localhost:(\d+)\/health/;
  const [api1, api2, w1, w2] = await Promise.all([
    start('api-1', 'main.js', api, health),
    start('api-2', 'main.js', api, health),
    start('worker-1', 'worker.js', { ...env, SCHEDULES: 'on' }, /worker started/),
    start('worker-2', 'worker.js', { ...env, SCHEDULES: 'on' }, /worker started/),
  ]);
  const sampler = setInterval(sampleRss, 500);
  process.stdout.write(
    `4 processes up (pids ${procs.map((p) => p.pid).join(', ')}); waiting for the schedulers' next minute\n`,
  );
  const victim = `%:${w1.pid}:%`;
  let killedAt: Date | undefined;
  let orphans: { id: string; name: string }[] = [];
  /** Seconds from the kill until the first / the last held run was claimed by another process (polled). */
  const reclaimed: { first?: number; all?: number } = {};
  const deadline = Date.now() + 40 * 60_000;
  for (;;) {
    const [s] = await sql`
      SELECT count(*)::int AS nights,
             count(*) FILTER (WHERE status IN ('completed', 'failed'))::int AS ended,
             count(*) FILTER (WHERE status = 'running' AND claimed_by LIKE ${victim})::int AS victim_running,
             (SELECT count(*)::int FROM job_runs WHERE status IN ('queued', 'running', 'retrying')) AS unfinished
      FROM job_runs WHERE name = 'nightly.run'`;
    if (!killedAt && s.ended >= killAfter && s.victim_running > 0) {
      const exited = new Promise((r) => w1.child.once('exit', r));
      w1.child.kill('SIGKILL');
      await exited;
      [{ killedAt }] = await sql<{ killedAt: Date }[]>`SELECT clock_timestamp() AS "killedAt"`;
      orphans = await sql<
        { id: string; name: string }[]
      >`SELECT id, name FROM job_runs WHERE status = 'running' AND claimed_by LIKE ${victim}`;
      process.stdout.write(
        `worker-1 killed with ${orphans.length} runs held (${orphans.map((o) => o.name).join(', ')}), ${s.ended} of ${shopCount} nights done\n`,
      );
    }
    if (killedAt && reclaimed.all === undefined) {
      const [r] =
        await sql`SELECT count(*)::int AS n FROM job_runs WHERE id IN ${sql(orphans.map((o) => o.id))} AND claimed_by NOT LIKE ${victim}`;
      const after = (Date.now() - killedAt.getTime()) / 1000;
      if (r.n > 0) reclaimed.first ??= after;
      if (r.n === orphans.length) reclaimed.all = after;
    }
    if (s.nights === shopCount && s.ended === shopCount && s.unfinished === 0) break;
    if (Date.now() > deadline) throw new Error(`the night did not finish within 40 minutes: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  clearInterval(sampler);
  sampleRss();
  const healthy = await Promise.all(
    [api1, api2].map(async (p) => (await fetch(`http://127.0.0.1:${health.exec(p.output())![1]}/health`)).status),
  );
  return { killedAt, orphans, reclaimed, healthy, stopMs: await Promise.all([api1, api2, w2].map(stop)), w2 };
}

async function report(sql: postgres.Sql, night: Awaited<ReturnType<typeof runNight>>) {
  const [wall] = await sql`
    SELECT extract(epoch FROM max(finished_at) - min(queued_at))::float AS wall,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - started_at))::float AS p50,
           max(extract(epoch FROM finished_at - started_at))::float AS max,
           count(*) FILTER (WHERE status = 'completed')::int AS completed, count(DISTINCT shop_id)::int AS shops,
           count(*) FILTER (WHERE attempts > 1)::int AS retaken, min(params->>'date') AS date
    FROM job_runs WHERE name = 'nightly.run'`;
  // Per shop and step: how many runs the scheduled nights made, and how many completed.
  const steps = await sql`
    SELECT name, count(*)::int AS shops, sum(n)::int AS runs, sum(greatest(n - 1, 0))::int AS duplicates,
           sum(done)::int AS completed, sum(retaken)::int AS retaken
    FROM (SELECT c.shop_id, c.name, count(*) AS n, count(*) FILTER (WHERE c.status = 'completed') AS done, count(*) FILTER (WHERE c.attempts > 1) AS retaken
          FROM job_runs c JOIN job_runs p ON p.id = c.parent_run_id AND p.name = 'nightly.run' GROUP BY 1, 2) per_shop
    GROUP BY name
    UNION ALL
    SELECT 'nightly.run', count(*)::int, sum(n)::int, sum(greatest(n - 1, 0))::int, sum(done)::int, sum(retaken)::int
    FROM (SELECT shop_id, count(*) AS n, count(*) FILTER (WHERE status = 'completed') AS done, count(*) FILTER (WHERE attempts > 1) AS retaken
          FROM job_runs WHERE name = 'nightly.run' GROUP BY 1) per_shop
    ORDER BY 1`;
  // What the steps stored for the night, by the step run that completed (a killed attempt stores nothing).
  const [outputs] = await sql`
    SELECT (SELECT count(*)::int FROM forecast_versions v JOIN job_runs r ON r.id = v.job_run_id AND r.status = 'completed' WHERE v.nightly_date = ${wall.date}::date AND v.status = 'completed') AS forecasts,
           (SELECT count(*)::int FROM (SELECT 1 FROM forecast_versions WHERE nightly_date = ${wall.date}::date GROUP BY queue_id HAVING count(*) > 1) d) AS forecast_duplicates,
           (SELECT count(*)::int FROM queues WHERE active AND kind = 'realtime') AS realtime_queues,
           (SELECT count(*)::int FROM qc_sample_runs s JOIN job_runs r ON r.id = s.job_run_id AND r.status = 'completed' AND r.name = 'qc.sample' WHERE s.session_date = ${wall.date}::date) AS qc_sample_runs,
           (SELECT count(*)::int FROM qc_samples q JOIN qc_sample_runs s ON s.id = q.run_id WHERE s.session_date = ${wall.date}::date) AS qc_samples,
           (SELECT count(DISTINCT shop_id)::int FROM kpi_agent_days WHERE day = ${wall.date}::date) AS kpi_shops,
           (SELECT count(*)::int FROM job_runs WHERE status IN ('queued', 'running', 'retrying')) AS unfinished,
           (SELECT count(*)::int FROM job_runs WHERE status = 'failed') AS failed`;
  let takeover: Record<string, unknown> = { killed: false };
  if (night.killedAt && night.orphans.length) {
    const ids = night.orphans.map((o) => o.id);
    const [t] = await sql`
      SELECT extract(epoch FROM max(finished_at) - ${night.killedAt}::timestamptz)::float AS all_done,
             bool_and(status = 'completed') AS completed, bool_and(claimed_by LIKE ${`%:${night.w2.pid}:%`}) AS by_other_worker
      FROM job_runs WHERE id IN ${sql(ids)}`;
    takeover = {
      killed: true,
      runsHeld: night.orphans.length,
      nightsHeld: night.orphans.filter((o) => o.name === 'nightly.run').length,
      firstReclaimedAfter: night.reclaimed.first,
      allReclaimedAfter: night.reclaimed.all,
      ...t,
    };
  }
  return { wall, steps, outputs, takeover };
}

async function main(): Promise<void> {
  const loadBefore = loadAverage();
  buildIfStale();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  const name = `wfm_scaleout_${randomBytes(3).toString('hex')}`;
  const redis = new OwnRedis();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max: 2, onnotice: () => undefined });
  let cleaned: Promise<void> | undefined;
  // Once, whether the run ended, failed or was interrupted: processes, Redis and its folder, the database.
  const cleanUp = () =>
    (cleaned ??= (async () => {
      killAll();
      await redis.kill();
      rmSync(redis.dir, { recursive: true, force: true });
      await sql.end({ timeout: 5 });
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    })());
  const interrupted = () => {
    process.stderr.write('interrupted: cleaning up\n');
    void cleanUp()
      .catch((e) => process.stderr.write(`clean-up failed: ${String(e)}\n`))
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  // Last resort when the bench dies some other way: no child outlives it (a killed Redis keeps its file).
  process.once('exit', () => {
    killAll();
    void redis.kill();
  });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await redis.start();
    const env = {
      DATABASE_URL: url.toString(),
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'wfmscale',
      JWT_SECRET: randomBytes(24).toString('hex'),
      CUSTOMER_KEY_SECRET: randomBytes(12).toString('hex'),
      SEED_DEMO: 'never',
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    };
    // The demo's forecasts and roster are jobs: this one process runs them (WORKERS=inline) and no night is scheduled yet.
    let started = Date.now();
    const seed = await start(
      'seed',
      'main.js',
      { ...env, SEED_DEMO: 'always', WORKERS: 'inline', SCHEDULES: 'off', PORT: '0', HOST: '127.0.0.1' },
      /Health: +http:\/\/localhost:\d+\/health/,
    );
    await stop(seed);
    procs.splice(procs.indexOf(seed), 1);
    const seedMs = Date.now() - started;
    started = Date.now();
    const [{ id: source }] = await sql`SELECT id FROM shops`;
    const copied = await cloneShop(sql, source, shopCount - 1, factDays);
    const cloneMs = Date.now() - started;
    process.stdout.write(
      `demo shop seeded in ${seconds(seedMs)} s, copied to ${shopCount - 1} shops in ${seconds(cloneMs)} s (${JSON.stringify(copied)})\n`,
    );
    const night = await runNight(sql, env);
    const result = await report(sql, night);
    const rss = Object.fromEntries(procs.map((p) => [p.name, { peakMb: p.peakRssMb, lastMb: p.lastRssMb }]));
    const summary = {
      shops: shopCount,
      factDays,
      seedSeconds: seconds(seedMs),
      cloneSeconds: seconds(cloneMs),
      ...result,
      rss,
      apiHealth: night.healthy,
      stopMs: night.stopMs,
      loadBefore,
      loadAfter: loadAverage(),
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    await cleanUp();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  for (const p of procs) process.stderr.write(`--- ${p.name} (last output)\n${p.output().slice(-3000)}\n`);
  process.exit(1);
});
