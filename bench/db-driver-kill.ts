/**
 * The database driver alone under killed connections, long enough to see rare wrong answers and hangs:
 * `npx tsx bench/db-driver-kill.ts [--seconds 240] [--burst 40] [--driver <path to a postgres package>]`.
 * Six clients on a pool of ten (the options of src/platform/db/db.ts) ask a count, a row by id and a
 * transaction's LIMIT n, checking every answer's content, while their backends are terminated in bursts
 * (`--burst` rounds 25 ms apart, then a second without kills, as a failover or restart comes and goes:
 * a connection that reconnects into a quiet spell is where a stale query shows; `--burst 0` kills
 * without pause). A question unanswered for 30 s is a hang and ends the run. `--driver` runs another copy of postgres.js (e.g. the pristine package from
 * `npm pack postgres@3.4.9`) to compare with the patched one in node_modules.
 */
import { loadavg } from 'node:os';
import type postgresType from 'postgres';
import { reconnectDelaySeconds } from 'src/platform/db/db';
import { probeClients } from '../test/support/driver-probe';
import { sleep } from './demo-server-process';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const seconds = Number(arg('seconds') ?? 240);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the driver under test is chosen at run time
const postgres = require(arg('driver') ?? 'postgres') as typeof postgresType;
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const APP = 'wfm-bench-driver';

async function main(): Promise<void> {
  const schema = `driver_kill_${process.pid}`;
  const killer = postgres(url, { max: 1, onnotice: () => undefined });
  await killer.unsafe(`CREATE SCHEMA ${schema}`);
  await killer.unsafe(`CREATE TABLE ${schema}.probe (id int PRIMARY KEY, name text NOT NULL)`);
  await killer.unsafe(`INSERT INTO ${schema}.probe SELECT g, 'row ' || g FROM generate_series(1, 100) g`);
  const sql = postgres(url, {
    max: 10,
    fetch_types: false,
    backoff: reconnectDelaySeconds,
    onnotice: () => undefined,
    connection: { application_name: APP, search_path: schema },
  });
  const uncaught: string[] = [];
  process.on('uncaughtException', (e) => uncaught.push(e.message));
  let stop = false;
  const load1 = loadavg()[0];
  const { tally, done } = probeClients(sql, 'probe', () => stop);
  const burst = Number(arg('burst') ?? 40);
  const stuck = () => tally.askedAt.some((at) => at !== undefined && Date.now() - at > 30_000);
  let kills = 0;
  for (let round = 1, until = Date.now() + seconds * 1000; Date.now() < until && !stuck(); round++) {
    await sleep(burst > 0 && round % burst === 0 ? 1000 : 25);
    kills += (
      await killer`SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name = ${APP}`
    ).length;
  }
  stop = true;
  // A client whose query never settles is a hang: report it rather than wait forever.
  const settled = await Promise.race([done.then(() => true), sleep(30_000).then(() => false)]);
  console.log(`${new Date().toISOString()} · ${seconds} s · driver ${arg('driver') ?? 'node_modules (patched)'}`);
  console.log(
    JSON.stringify({
      answered: tally.answered,
      lost: tally.lost,
      kills,
      wrong: tally.wrong.length,
      wrongSample: tally.wrong.slice(0, 5),
      other: [...new Set([...tally.other.map(String), ...uncaught.map((m) => `uncaught ${m}`)])],
      hung: !settled,
      load: `${load1.toFixed(1)}→${loadavg()[0].toFixed(1)}`,
    }),
  );
  await sql.end({ timeout: 1 });
  await killer.unsafe(`DROP SCHEMA ${schema} CASCADE`);
  await killer.end({ timeout: 1 });
  process.exit(tally.wrong.length || tally.other.length || uncaught.length || !settled ? 1 : 0);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
