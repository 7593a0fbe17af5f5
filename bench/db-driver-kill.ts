/**
 * The database driver alone under killed connections, long enough to see rare wrong answers:
 * `npx tsx bench/db-driver-kill.ts [--seconds 240] [--driver <path to a postgres package>]`.
 * Six clients on a pool of ten (the options of src/platform/db/db.ts) ask a count, a row by id and a
 * transaction's LIMIT n, checking every answer's content, while every 25 ms all their backends are
 * terminated. `--driver` runs another copy of postgres.js (e.g. the pristine package from
 * `npm pack postgres@3.4.9`) to compare with the patched one in node_modules.
 */
import { loadavg } from 'node:os';
import type postgresType from 'postgres';
import { reconnectDelaySeconds } from 'src/platform/db/db';
import { isConnectionLoss } from 'src/platform/db/connection-loss';
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
  const wrong: string[] = [];
  const other = new Map<string, number>();
  const uncaught = (e: Error) => other.set(`uncaught ${e.message}`, (other.get(`uncaught ${e.message}`) ?? 0) + 1);
  process.on('uncaughtException', uncaught);
  let stop = false;
  let answered = 0;
  let lost = 0;
  const client = async (i: number) => {
    for (let n = 0; !stop; n++) {
      const id = 1 + ((i * 7 + n) % 100);
      try {
        if (i % 3 === 0) {
          const [row] = await sql<{ total: number }[]>`SELECT count(*)::int AS total FROM probe`;
          if (row?.total !== 100) wrong.push(`count gave ${JSON.stringify(row)}`);
        } else if (i % 3 === 1) {
          const [row] = await sql<{ name: string }[]>`SELECT id, name FROM probe WHERE id = ${id}`;
          if (row?.name !== `row ${id}`) wrong.push(`row ${id} gave ${JSON.stringify(row)}`);
        } else {
          const rows = await sql.begin((tx) => tx<{ id: number }[]>`SELECT id FROM probe ORDER BY id LIMIT ${id}`);
          if (rows.length !== id || rows[0]?.id !== 1) wrong.push(`limit ${id} gave ${rows.length} rows`);
        }
        answered++;
      } catch (e) {
        if (isConnectionLoss(e)) lost++;
        else other.set(String(e), (other.get(String(e)) ?? 0) + 1);
        await new Promise((r) => setImmediate(r));
      }
    }
  };
  const load1 = loadavg()[0];
  const running = Array.from({ length: 6 }, (_, i) => client(i));
  let kills = 0;
  for (const until = Date.now() + seconds * 1000; Date.now() < until;) {
    await sleep(25);
    kills += (
      await killer`SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name = ${APP}`
    ).length;
  }
  stop = true;
  // A client whose query never settles is a hang: report it rather than wait forever.
  const settled = await Promise.race([Promise.all(running).then(() => true), sleep(30_000).then(() => false)]);
  console.log(`${new Date().toISOString()} · ${seconds} s · driver ${arg('driver') ?? 'node_modules (patched)'}`);
  console.log(
    JSON.stringify({
      answered,
      lost,
      kills,
      wrong: wrong.length,
      wrongSample: wrong.slice(0, 5),
      other: [...other],
      hung: !settled,
      load: `${load1.toFixed(1)}→${loadavg()[0].toFixed(1)}`,
    }),
  );
  await sql.end({ timeout: 1 });
  await killer.unsafe(`DROP SCHEMA ${schema} CASCADE`);
  await killer.end({ timeout: 1 });
  process.exit(wrong.length || other.size || !settled ? 1 : 0);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
