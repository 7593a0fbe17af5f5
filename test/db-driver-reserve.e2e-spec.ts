import postgres from 'postgres';
import { connect, Db } from 'src/platform/db/db';
import { isConnectionLoss } from 'src/platform/db/connection-loss';
import { settledWithin } from 'src/platform/lifecycle/settled-within';
import { createTestDatabase } from './support/test-database';

/**
 * `sql.reserve()` (the boot lock and the job process lock hold a connection of their own) on a pool
 * that has no connection open yet: postgres.js 3.4.9 opened a connection for the reserve but, with
 * `fetch_types` off as ours is, never handed it over (porsager/postgres#751), so the reserve waited
 * for good. The patch in patches/ hands it the connection it opened. And releasing a reserved
 * connection that had been lost put the dead connection back as open, so the pool's next queries
 * never settled (the job process lock reserves one, and its connection is killed like any other).
 */
describe('database driver reserving a connection', () => {
  let database: { url: string; drop: () => Promise<void> };
  const pools: Db[] = [];
  const stillWaiting = () => 'still waiting after 20 s';
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
    await database.drop();
  });

  it.each([1, 3])(
    'is handed a connection by a fresh pool of %i, which goes on answering after the release',
    async (max) => {
      const db = connect(database.url, max);
      pools.push(db);
      const reserved = await settledWithin(db.client.reserve(), 20_000, stillWaiting);
      if (typeof reserved === 'string') throw new Error(reserved);
      const [{ pid }] = await reserved<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      expect(pid).toBeGreaterThan(0);
      reserved.release();
      expect(await settledWithin(db.client`SELECT ${'after'} AS v`, 20_000, stillWaiting)).toEqual([{ v: 'after' }]);
    },
  );

  it('goes on answering after a reserved connection that was lost is released', async () => {
    const db = connect(database.url, 1);
    pools.push(db);
    const killer = postgres(database.url, { max: 1, onnotice: () => undefined });
    try {
      const reserved = await db.client.reserve();
      const [{ pid }] = await reserved<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      await killer`SELECT pg_terminate_backend(${pid}, 5000)`;
      const lost = await reserved`SELECT 1`.then(
        () => 'answered',
        (e: unknown) => (isConnectionLoss(e) ? 'lost' : e),
      );
      expect(lost).toBe('lost');
      reserved.release();
      expect(await settledWithin(db.client`SELECT ${'after'} AS v`, 20_000, stillWaiting)).toEqual([{ v: 'after' }]);
    } finally {
      await killer.end({ timeout: 1 });
    }
  });
});
