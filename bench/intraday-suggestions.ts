/**
 * `GET /intraday/suggestions` on the demo, a full future day: `node scripts/build-if-stale.js &&
 * npx tsx bench/intraday-suggestions.ts [--runs 3] [--profile]`. The compiled server runs as its own
 * process (the node flags of `npm start`) on a fresh database seeded with the whole demo shop; the
 * manager rosters next week through the API, then each queue's suggestions for next week's
 * Wednesday are asked `--runs` times one after another and the server time of each is printed.
 * `--profile` writes a CPU profile of the server to the temp directory (`wfm-suggest-prof`).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import postgres from 'postgres';
import { freePort, sleep, startFlags, type Answer, api, waitForJob } from './demo-server-process';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 3);
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function main(): Promise<void> {
  const database = `wfm_suggest_${randomBytes(3).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const db = postgres(url.toString(), { max: 1, onnotice: () => undefined });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  try {
    const profile = process.argv.includes('--profile')
      ? ['--cpu-prof', `--cpu-prof-dir=${tmpdir()}/wfm-suggest-prof`]
      : [];
    server = spawn(process.execPath, [...startFlags, ...profile, join(__dirname, '..', 'dist', 'main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        PORT: String(port),
        HOST: '127.0.0.1',
        SEED_DEMO: 'always',
        SCHEDULES: 'off',
        LOG_LEVEL: 'warn',
        WFM_DATA_DIR: mkdtempSync(join(tmpdir(), 'wfm-suggest-')),
        REDIS_URL: '',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; ; i++) {
      const up = await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i > 600) throw new Error('server did not start');
      await sleep(500);
    }
    const token = (await api(base, null, 'POST', '/auth/login', { username: 'manager', password: 'demo-manager' }))
      .accessToken;
    // The page opens on next week: the manager rosters it as on the demo.
    const weekStart = DateTime.now().setZone('Asia/Shanghai').startOf('week').plus({ weeks: 1 }).toISODate()!;
    const queues = (await api(base, token, 'GET', '/queues')) as Answer;
    const list = ((Array.isArray(queues) ? queues : queues.items) as Answer[]).filter((q) => q.kind === 'realtime');
    // Next week's demand from the demo history, then the roster against it (as the demo's manager does).
    const forecast = await api(base, token, 'POST', '/forecasts', {
      queueIds: list.map((q) => q.id),
      from: weekStart,
      weeks: 1,
      method: 'weekday-mean',
    });
    for (const f of forecast.forecasts as Answer[]) await waitForJob(base, token, f.jobId);
    const created = await api(base, token, 'POST', '/rosters', { weekStart, timeLimitSeconds: 10, demand: 'forecast' });
    await waitForJob(base, token, created.jobId);
    await api(base, token, 'POST', `/rosters/${created.rosterId}/publish`, {});
    const date = DateTime.fromISO(weekStart).plus({ days: 2 }).toISODate()!;
    console.log(
      `\n${new Date().toISOString()} · load avg ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')} · ${date}`,
    );
    console.log('| queue | run | ms | suggestions |');
    console.log('|---|---|---|---|');
    const all: number[] = [];
    for (const q of list)
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const answer = await api(base, token, 'GET', `/intraday/suggestions?queue=${q.id}&date=${date}`);
        const ms = Math.round(performance.now() - t0);
        all.push(ms);
        const kinds = (answer.suggestions as Answer[]).map((s) => `${s.kind}:${s.agent.employeeNo}`).join(' ');
        console.log(`| ${q.code} | ${i + 1} | ${ms} | ${answer.suggestions.length} ${kinds} |`);
      }
    const sorted = [...all].sort((x, y) => x - y);
    console.log(`median ${sorted[Math.floor((sorted.length - 1) / 2)]} ms, max ${sorted[sorted.length - 1]} ms`);
  } finally {
    if (server && process.argv.includes('--profile')) {
      // An orderly stop writes the CPU profile.
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    } else server?.kill('SIGKILL');
    await db.end();
    await sleep(500);
    await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
