/**
 * `GET /intraday/suggestions` on the demo, a full future day: `node scripts/build-if-stale.js &&
 * npx tsx bench/intraday-suggestions.ts [--runs 3] [--profile]`. The compiled server runs as its own
 * process (the node flags of `npm start`) on a fresh database seeded with the whole demo shop; the
 * manager rosters next week through the API, then each queue's suggestions for next week's
 * Wednesday are asked `--runs` times one after another and the server time of each is printed.
 * `--profile` writes a CPU profile of the server to the temp directory (`wfm-suggest-prof`).
 */
import { loadavg } from 'node:os';
import { DateTime } from 'luxon';
import { type Answer, api, managerToken, startDemoServer, waitForJob } from './demo-server-process';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 3);

async function main(): Promise<void> {
  const server = await startDemoServer('suggest', { profile: process.argv.includes('--profile') });
  const base = server.base;
  try {
    const token = await managerToken(base);
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
    await server.stop();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
