/**
 * The database driver alone under killed connections, long enough to see rare wrong answers and hangs:
 * `npx tsx bench/db-driver-kill.ts [--seconds 240] [--burst 40] [--driver <path to a postgres package>]`.
 * Six clients on a pool of ten (the options of src/platform/db/db.ts) ask a count, a row by id and a
 * transaction's LIMIT n, checking every answer's content, in cycles shaped like the jest test: `--burst`
 * kills of all their backends 25 ms apart, then the clients stop and must all be answered, then 20
 * questions at once until the pool has healed. A question still unanswered 30 s after the kills stopped
 * is lost for good (in production no further kill comes to free it) and ends the run as a hang.
 * `--burst 0` kills without pause for the whole run. `--driver` runs another copy of postgres.js (e.g. the pristine package from
 * `npm pack postgres@3.4.9`) to compare with the patched one in node_modules.
 */
import { loadavg } from 'node:os';
import type postgresType from 'postgres';
import { reconnectDelaySeconds } from 'src/platform/db/db';
import { probeClients, ProbeTally } from '../test/support/driver-probe';
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
  const load1 = loadavg()[0];
  const burst = Number(arg('burst') ?? 40);
  const total: ProbeTally = { answered: 0, lost: 0, wrong: [], other: [], askedAt: [] };
  let kills = 0;
  let cycles = 0;
  let hung = '';
  const killAll = async () =>
    (kills += (
      await killer`SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name = ${APP}`
    ).length);
  // A question that stays unanswered once the kills stopped is lost for good: report it, don't wait.
  const within = <T>(work: Promise<T>, what: string) =>
    Promise.race([work, sleep(30_000).then(() => Promise.reject(new Error(what)))]);
  for (const until = Date.now() + seconds * 1000; Date.now() < until && !hung; cycles++) {
    let stop = false;
    const { tally, done } = probeClients(sql, 'probe', () => stop);
    for (let round = 0; burst === 0 ? Date.now() < until : round < burst; round++) await sleep(25).then(killAll);
    stop = true;
    try {
      await within(done, `a client's question unanswered 30 s after the kills stopped (cycle ${cycles + 1})`);
      // The test's healing check: 20 questions at once until all answer.
      const round = () => within(Promise.allSettled(Array.from({ length: 20 }, () => sql`SELECT 1`)), 'healing');
      for (let i = 0; i < 20 && (await round()).some((r) => r.status === 'rejected'); i++);
    } catch (e) {
      hung = (e as Error).message;
    }
    total.answered += tally.answered;
    total.lost += tally.lost;
    total.wrong.push(...tally.wrong);
    total.other.push(...tally.other);
  }
  console.log(`${new Date().toISOString()} · ${seconds} s · driver ${arg('driver') ?? 'node_modules (patched)'}`);
  console.log(
    JSON.stringify({
      cycles,
      answered: total.answered,
      lost: total.lost,
      kills,
      wrong: total.wrong.length,
      wrongSample: total.wrong.slice(0, 5),
      other: [...new Set([...total.other.map(String), ...uncaught.map((m) => `uncaught ${m}`)])],
      hung: hung || false,
      load: `${load1.toFixed(1)}→${loadavg()[0].toFixed(1)}`,
    }),
  );
  await sql.end({ timeout: 1 });
  await killer.unsafe(`DROP SCHEMA ${schema} CASCADE`);
  await killer.end({ timeout: 1 });
  process.exit(total.wrong.length || total.other.length || uncaught.length || hung ? 1 : 0);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
