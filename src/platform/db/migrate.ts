import { join } from 'node:path';
import postgres from 'postgres';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { Db } from './db';

export const migrationsFolder = join(__dirname, '..', '..', '..', 'migrations');
/** Held while migrating and while seeding the demo: replicas booting together take turns. */
export const BOOT_LOCK = 727001;

/**
 * Replicas booting together must not race: each takes a session advisory lock on a connection of
 * its own, and the first one in migrates while the others wait, then find nothing left to do.
 */
export async function applyMigrations(db: Db, url: string): Promise<void> {
  const lock = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await lock`SELECT pg_advisory_lock(${BOOT_LOCK})`;
    await migrate(db.root, { migrationsFolder });
  } finally {
    await lock`SELECT pg_advisory_unlock(${BOOT_LOCK})`.catch(() => undefined);
    await lock.end();
  }
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
