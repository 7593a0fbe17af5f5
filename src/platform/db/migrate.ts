import { join } from 'node:path';
import postgres from 'postgres';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { Db } from './db';

export const migrationsFolder = join(__dirname, '..', '..', '..', 'migrations');
/** Held while migrating and while seeding the demo: replicas booting together take turns. */
export const BOOT_LOCK = 727001;

/**
 * Replicas booting together must not race: each takes a session advisory lock on a connection of
 * its own, and the first one in migrates while the others wait, then find nothing left to do.
 * A database that already has every migration is not locked at all: an API replica seeding the
 * demo holds the lock while it waits for jobs, and the workers that run them must be able to boot.
 */
export async function applyMigrations(db: Db, url: string): Promise<void> {
  const lock = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    if (await hasEveryMigration(lock)) return;
    await lock`SELECT pg_advisory_lock(${BOOT_LOCK})`;
    await migrate(db.root, { migrationsFolder });
  } finally {
    await lock`SELECT pg_advisory_unlock(${BOOT_LOCK})`.catch(() => undefined);
    await lock.end();
  }
}

/** Whether drizzle's record of applied migrations reaches the newest one in the folder. */
async function hasEveryMigration(sql: postgres.Sql): Promise<boolean> {
  const newest = Math.max(0, ...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
  const [{ present }] = await sql<{ present: boolean }[]>`
    SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`;
  if (!present) return false;
  const [{ last }] = await sql<{ last: string | null }[]>`
    SELECT max(created_at)::text AS last FROM drizzle.__drizzle_migrations`;
  return last !== null && Number(last) >= newest;
}

/** Runs `work` while this process holds the boot lock (on a connection of its own from the pool). */
export async function withBootLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const lock = await db.client.reserve();
  try {
    await lock`SELECT pg_advisory_lock(${BOOT_LOCK})`;
    return await work();
  } finally {
    await lock`SELECT pg_advisory_unlock(${BOOT_LOCK})`.catch(() => undefined);
    lock.release();
  }
}
