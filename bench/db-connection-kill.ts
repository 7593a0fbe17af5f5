/**
 * Killed PostgreSQL connections under HTTP load (issue 19.11): `node scripts/build-if-stale.js &&
 * npx tsx bench/db-connection-kill.ts [--clients 20] [--seconds 60] [--every 100]`. The compiled
 * server runs on a fresh demo database; `--clients` loops read the manager's usual pages (teams,
 * agents, queues, shift templates, a month of KPIs) while every `--every` ms all of the server's
 * backends are terminated. Every answer is counted by status: a killed connection must answer 503
 * problem+json with Retry-After, never 500. Then the kills stop and the time until every page
 * answers 200 again is measured.
 */
import { loadavg } from 'node:os';
import { DateTime } from 'luxon';
import postgres from 'postgres';
import { managerToken, sleep, startDemoServer } from './demo-server-process';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const clients = arg('clients', 20);
const seconds = arg('seconds', 60);
const every = arg('every', 100);
const KILLER = 'wfm-bench-killer';

async function main(): Promise<void> {
  const server = await startDemoServer('dbkill');
  const killer = postgres(server.databaseUrl, {
    max: 1,
    onnotice: () => undefined,
    connection: { application_name: KILLER },
  });
  try {
    const token = await managerToken(server.base);
    const lastMonth = DateTime.now().setZone('Asia/Shanghai').minus({ months: 1 });
    const pages = [
      '/teams',
      '/agents',
      '/queues',
      '/shift-templates',
      `/kpis?from=${lastMonth.startOf('month').toISODate()}&to=${lastMonth.endOf('month').toISODate()}`,
    ];
    const get = (path: string) => fetch(server.base + path, { headers: { authorization: `Bearer ${token}` } });
    const counts = new Map<string, number>();
    const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    let stop = false;
    const client = async (i: number) => {
      for (let n = i; !stop; n++) {
        const res = await get(pages[n % pages.length]).catch(() => null);
        if (!res) {
          count('no answer');
          continue;
        }
        const body = await res.text();
        if (res.status === 503)
          count(
            res.headers.get('retry-after') && res.headers.get('content-type')?.includes('problem+json')
              ? '503 problem+json with Retry-After'
              : '503 other',
          );
        else if (res.status >= 500) count(`${res.status}: ${body.slice(0, 120)}`);
        else count(String(res.status));
      }
    };
    const load1 = loadavg()[0];
    const running = Array.from({ length: clients }, (_, i) => client(i));
    let kills = 0;
    const until = Date.now() + seconds * 1000;
    while (Date.now() < until) {
      await sleep(every);
      const killed = await killer`SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity
        WHERE datname = ${server.databaseName} AND backend_type = 'client backend' AND application_name <> ${KILLER}`;
      kills += killed.length;
    }
    const killsEnded = Date.now();
    // Recovered: a round of every page answers 200 (the first one after the kills may still meet a dead socket).
    let recoveredAfter = NaN;
    for (let i = 0; i < 200; i++) {
      const statuses = await Promise.all(pages.map((p) => get(p).then((r) => r.status)));
      if (statuses.every((s) => s === 200)) {
        recoveredAfter = Date.now() - killsEnded;
        break;
      }
      await sleep(50);
    }
    stop = true;
    await Promise.all(running);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const failed = [...counts].filter(([k]) => /^5\d\d: |503 other|no answer/.test(k)).reduce((a, [, v]) => a + v, 0);
    console.log(`\n${new Date().toISOString()} · ${clients} clients · ${seconds} s · kill every ${every} ms`);
    console.log(`load ${load1.toFixed(1)}→${loadavg()[0].toFixed(1)} · backends killed: ${kills}`);
    console.log('\n| answer | count | share |\n|---|---|---|');
    for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]))
      console.log(`| ${k} | ${v} | ${((100 * v) / total).toFixed(2)} % |`);
    console.log(
      `\nanswers: ${total}; 500s and other failures: ${failed}; all pages 200 again ${recoveredAfter} ms after the last kill`,
    );
  } finally {
    await killer.end({ timeout: 1 });
    await server.stop();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
