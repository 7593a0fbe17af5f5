import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { BOOT_LOCK } from 'src/platform/db/migrate';
import { createTestDatabase } from './support/test-database';
import { NodeProcess, repoRoot, runNodeProcess, startNodeProcess } from './support/server-process';
import { OwnRedis } from './support/own-redis';

const JWT_SECRET = 'boot-test-secret-boot-test-secret-0123456789';

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 180_000): Promise<T> {
  for (const end = Date.now() + timeoutMs; ;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Booting several processes on one database, as real child processes (`node dist/…`): the boot
 * lock orders migrations and demo seeding, and never keeps a worker from starting on a database
 * that is up to date, because a replica seeding the demo holds it while it waits for the jobs that
 * the workers run. A boot that fails says the database's own reason.
 */
describe('processes booting on one database (e2e)', () => {
  const started: NodeProcess[] = [];
  const databases: { drop: () => Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(started.map((p) => p.kill()));
    await Promise.all(databases.map((d) => d.drop()));
  }, 300_000);
  const database = async () => {
    const d = await createTestDatabase();
    databases.push(d);
    return d;
  };
  const env = (url: string) => ({
    DATABASE_URL: url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `wfmboot${randomBytes(4).toString('hex')}`,
    JWT_SECRET,
    WFM_DATA_DIR: mkdtempSync(join(tmpdir(), 'wfm-boot-')),
    SCHEDULES: 'off',
    LOG_LEVEL: 'info',
  });

  it('a worker starts while another replica holds the boot lock (seeding), and migrates an empty database only under it', async () => {
    const migrated = await database();
    const holder = postgres(migrated.url, { max: 1, onnotice: () => undefined });
    try {
      await holder`SELECT pg_advisory_lock(${BOOT_LOCK})`;
      const worker = await startNodeProcess('worker.js', env(migrated.url), /worker started/);
      started.push(worker);
      await worker.kill();
    } finally {
      await holder.end();
    }

    // A database without the schema: the worker waits for the lock before migrating.
    const empty = await database();
    const admin = postgres(empty.url, { max: 1, onnotice: () => undefined });
    const lock = postgres(empty.url, { max: 1, onnotice: () => undefined });
    try {
      await admin`DROP SCHEMA IF EXISTS drizzle CASCADE`;
      await admin`DROP SCHEMA public CASCADE`;
      await admin`CREATE SCHEMA public`;
      await lock`SELECT pg_advisory_lock(${BOOT_LOCK})`;
      const booting = startNodeProcess('worker.js', env(empty.url), /worker started/);
      await until(
        'the worker to wait for the boot lock',
        async () =>
          (
            await admin`SELECT count(*)::int AS n FROM pg_locks
              WHERE locktype = 'advisory' AND objid = ${BOOT_LOCK} AND NOT granted`
          )[0].n > 0,
      );
      const [{ tables }] = await admin`SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'`;
      expect(tables).toBe(0);
      await lock`SELECT pg_advisory_unlock(${BOOT_LOCK})`;
      const worker = await booting;
      started.push(worker);
      const [{ shops }] = await admin`SELECT count(*)::int AS shops FROM shops`;
      expect(shops).toBe(0);
      await worker.kill();
    } finally {
      await lock.end();
      await admin.end();
    }
  }, 400_000);

  it('a replica whose demo seeding the database refuses stops, naming the database’s reason', async () => {
    const d = await database();
    const admin = postgres(d.url, { max: 1, onnotice: () => undefined });
    try {
      await admin.unsafe(`
        CREATE FUNCTION refuse_shops() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'no new shops in this test database' USING ERRCODE = 'check_violation'; END $$;
        CREATE TRIGGER refuse_shops BEFORE INSERT ON shops FOR EACH ROW EXECUTE FUNCTION refuse_shops();`);
    } finally {
      await admin.end();
    }
    const { REDIS_URL: _redis, QUEUE_PREFIX: _prefix, ...withoutRedis } = env(d.url);
    const { code, output } = await runNodeProcess('main.js', {
      ...withoutRedis,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: 'always',
    });
    expect(code).toBe(1);
    expect(output).toMatch(/Failed to start: Failed query: insert into "shops"/);
    expect(output).toMatch(/caused by: no new shops in this test database \(code 23514\)/);
  }, 400_000);

  it('two API replicas with SEED_DEMO=always (workers off) and two workers, started together on an empty database, seed the demo once', async () => {
    const d = await database();
    const admin = postgres(d.url, { max: 1, onnotice: () => undefined });
    const redis = new OwnRedis();
    await redis.start();
    try {
      await admin`DROP SCHEMA IF EXISTS drizzle CASCADE`;
      await admin`DROP SCHEMA public CASCADE`;
      await admin`CREATE SCHEMA public`;
      const shared = {
        ...env(d.url),
        REDIS_URL: redis.url,
        NODE_ENV: 'production',
        CUSTOMER_KEY_SECRET: 'boot-test-customer-key',
      };
      const apiEnv = { ...shared, PORT: '0', HOST: '127.0.0.1', WORKERS: 'off', SEED_DEMO: 'always' };
      // Seeding the whole demo on a loaded machine takes minutes: waited for, not timed.
      const ready = (script: 'main.js' | 'worker.js', e: Record<string, string>, pattern: RegExp) =>
        startNodeProcess(script, e, pattern, repoRoot, 900_000).then((p) => (started.push(p), p));
      const processes = await Promise.all([
        ready('main.js', apiEnv, /Demo logins[\s\S]*manager +\S+ \/ \S+/),
        ready('main.js', apiEnv, /Demo logins[\s\S]*manager +\S+ \/ \S+/),
        ready('worker.js', shared, /worker started/),
        ready('worker.js', shared, /worker started/),
      ]);
      const [counts] = await admin`SELECT
          (SELECT count(*)::int FROM shops WHERE code = 'demo') AS shops,
          (SELECT count(*)::int FROM imports WHERE kind = 'demo-history') AS histories,
          (SELECT count(*)::int FROM rosters) AS rosters,
          (SELECT count(*)::int FROM roster_versions WHERE status = 'published') AS published,
          (SELECT count(*)::int FROM job_runs WHERE status <> 'completed') AS unfinished`;
      expect(counts).toEqual({ shops: 1, histories: 1, rosters: 1, published: 1, unfinished: 0 });
      for (const p of processes) expect(p.output()).not.toMatch(/Failed to start|failed to start/);
      await Promise.all(processes.map((p) => p.kill()));
    } finally {
      await admin.end();
      await redis.stop();
    }
  }, 1_000_000);
});
