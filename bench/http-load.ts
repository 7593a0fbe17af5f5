/**
 * HTTP load on the compiled server: 50 concurrent clients reading the demo week's roster
 * (`GET /rosters/:id`) and a month of KPIs for the demo shop's 60 agents (`GET /kpis`), with the
 * server's resident memory sampled throughout. The server runs as its own process on a fresh
 * database with the demo organisation and history, in-process jobs (the embedded default's mode).
 * The server gets the node flags of `npm start` (its heap cap).
 * `npm run build && npx tsx bench/http-load.ts [--connections 50] [--seconds 20]`
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { DateTime } from 'luxon';
import { sleep, api, managerToken, startDemoServer } from './demo-server-process';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const connections = arg('connections', 50);
const seconds = arg('seconds', 20);

/** The node flags `npm start` runs the server with (the heap cap), so the figures are the shipped server's. */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function waitForJobs(base: string, token: string, ids: string[]): Promise<void> {
  for (const id of ids) {
    for (;;) {
      const run = await api(base, token, 'GET', `/jobs/${id}`);
      if (run.status === 'completed') break;
      if (run.status === 'failed') throw new Error(`job ${run.name} failed: ${run.error}`);
      await sleep(500);
    }
  }
}

/** The demo week's roster (forecast demand, 30 s solve) and a month of aggregated KPIs. */
async function prepare(
  base: string,
  token: string,
): Promise<{ rosterId: string; month: { from: string; to: string } }> {
  await api(base, token, 'GET', '/shift-templates');
  const queues = await api(base, token, 'GET', '/queues');
  const queueIds = (queues.items ?? queues)
    .filter((q: { active?: boolean }) => q.active !== false)
    .map((q: { id: string }) => q.id);
  const forecasts = await api(base, token, 'POST', '/forecasts', { queueIds, weeks: 1 });
  await waitForJobs(
    base,
    token,
    forecasts.forecasts.map((f: { jobId: string }) => f.jobId),
  );
  const forecast = await api(base, token, 'GET', `/forecasts/${forecasts.forecasts[0].forecastId}`);
  const weekStart = forecast.fromDate as string;
  const roster = await api(base, token, 'POST', '/rosters', { weekStart, timeLimitSeconds: 30 });
  const lastMonth = DateTime.now().setZone('Asia/Shanghai').minus({ months: 1 });
  const month = { from: lastMonth.startOf('month').toISODate()!, to: lastMonth.endOf('month').toISODate()! };
  const days: string[] = [];
  for (let d = DateTime.fromISO(month.from); d.toISODate()! <= month.to; d = d.plus({ days: 1 }))
    days.push(d.toISODate()!);
  const runs = [];
  for (const date of days) runs.push((await api(base, token, 'POST', '/jobs/kpi.aggregate/run', { date })).jobId);
  await waitForJobs(base, token, [roster.jobId, ...runs]);
  return { rosterId: roster.rosterId, month };
}

async function load(name: string, url: string, token: string, pid: number) {
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 200);
  // A short warm-up fills the server's caches and connection pools, as in steady use.
  await autocannon({ url, connections, duration: 3, headers: { authorization: `Bearer ${token}` } });
  const load1 = loadavg()[0];
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
  });
  clearInterval(sampler);
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    name,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
    requests: result.requests.total,
    kb: Math.round(result.throughput.average / result.requests.average / 1024),
    rssMb: `${Math.round(before)}→${Math.round(peak)}`,
    load: `${load1.toFixed(1)}→${loadavg()[0].toFixed(1)}`,
  };
}

async function main(): Promise<void> {
  const server = await startDemoServer('http');
  const base = server.base;
  try {
    const token = await managerToken(base);
    const { rosterId, month } = await prepare(base, token);
    const rows = [
      await load('GET /rosters/:id (demo week)', `${base}/rosters/${rosterId}`, token, server.pid!),
      await load(
        `GET /kpis (${month.from}…${month.to}, agent level)`,
        `${base}/kpis?from=${month.from}&to=${month.to}`,
        token,
        server.pid!,
      ),
    ];
    console.log(`\n${new Date().toISOString()} · ${connections} connections · ${seconds} s each\n`);
    console.log(
      '| endpoint | req/s | p50 ms | p99 ms | errors | requests | kB/answer | RSS MB (before→peak) | load avg |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const r of rows)
      console.log(
        `| ${r.name} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.requests} | ${r.kb} | ${r.rssMb} | ${r.load} |`,
      );
  } finally {
    await server.stop();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
