import postgres from 'postgres';
import { connect, Db } from 'src/platform/db/db';
import { isConnectionLoss } from 'src/platform/db/connection-loss';
import { createTestDatabase } from './support/test-database';

const KILLER = 'wfm-test-killer';

/**
 * The database driver itself, under connections killed mid-query (failover, restart,
 * pg_terminate_backend). postgres.js 3.4.9 could throw from a timer after a socket closed
 * (porsager/postgres#1154) and keep that write for the next connection, after which answers no
 * longer matched their queries; the patch in patches/ makes it drop the write. Every query must
 * either answer correctly or fail as a lost connection, and the pool must heal by itself.
 */
describe('database driver with connections killed mid-query', () => {
  let database: { url: string; name: string; drop: () => Promise<void> };
  let db: Db;
  let killer: postgres.Sql;
  beforeAll(async () => {
    database = await createTestDatabase();
    killer = postgres(database.url, { max: 1, onnotice: () => undefined, connection: { application_name: KILLER } });
    await killer`CREATE TABLE driver_probe (id int PRIMARY KEY, name text NOT NULL)`;
    await killer`INSERT INTO driver_probe SELECT g, 'row ' || g FROM generate_series(1, 100) g`;
    db = connect(database.url, 10);
  });
  afterAll(async () => {
    await db.close();
    await killer.end({ timeout: 1 });
    await database.drop();
  });

  it('answers every query correctly or as a lost connection while backends are killed, then heals', async () => {
    const sql = db.client;
    let stop = false;
    const wrong: string[] = [];
    const otherErrors: unknown[] = [];
    let answered = 0;
    let lost = 0;
    const client = async (i: number) => {
      for (let n = 0; !stop; n++) {
        const id = 1 + ((i * 7 + n) % 100);
        try {
          if (i % 3 === 0) {
            const [row] = await sql<{ total: number }[]>`SELECT count(*)::int AS total FROM driver_probe`;
            if (row?.total !== 100) wrong.push(`count gave ${JSON.stringify(row)}`);
          } else if (i % 3 === 1) {
            const [row] = await sql<{ id: number; name: string }[]>`SELECT id, name FROM driver_probe WHERE id = ${id}`;
            if (row?.name !== `row ${id}`) wrong.push(`row ${id} gave ${JSON.stringify(row)}`);
          } else {
            const rows = await db.transaction(() => db.client`SELECT id FROM driver_probe ORDER BY id LIMIT ${id}`);
            if (rows.length !== id) wrong.push(`limit ${id} gave ${rows.length} rows`);
          }
          answered++;
        } catch (e) {
          if (isConnectionLoss(e)) lost++;
          else otherErrors.push(e);
          // A failed query may reject without touching the network: let the killer's timer run.
          await new Promise((r) => setImmediate(r));
        }
      }
    };
    const clients = Array.from({ length: 6 }, (_, i) => client(i));
    for (let round = 0; round < 40; round++) {
      await new Promise((r) => setTimeout(r, 25));
      await killer`SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity
        WHERE datname = ${database.name} AND backend_type = 'client backend' AND application_name <> ${KILLER}`;
    }
    stop = true;
    await Promise.all(clients);
    expect({ wrong, otherErrors }).toEqual({ wrong: [], otherErrors: [] });
    expect(answered).toBeGreaterThan(0);
    expect(lost).toBeGreaterThan(0);
    // Healed: the connections killed last are met at most once each, then every query answers.
    const round = () =>
      Promise.allSettled(Array.from({ length: 20 }, () => sql`SELECT count(*)::int AS total FROM driver_probe`));
    let settled = await round();
    for (let i = 0; i < 20 && settled.some((s) => s.status === 'rejected'); i++) settled = await round();
    for (let i = 0; i < 3; i++)
      expect((await round()).map((s) => (s.status === 'fulfilled' ? s.value[0].total : 'failed'))).toEqual(
        Array(20).fill(100),
      );
  }, 180_000);
});
