import { join } from 'node:path';
import postgres from 'postgres';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { Db } from './db';

export const migrationsFolder = join(__dirname, '..', '..', '..', 'migrations');
const MIGRATION_LOCK = 727001;

/**
 * Replicas booting together must not race: each takes a session advisory lock on a connection of
 * its own, and the first one in migrates while the others wait, then find nothing left to do.
 */
export async function applyMigrations(db: Db, url: string): Promise<void> {
  const lock = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await lock`SELECT pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(db.root, { migrationsFolder });
  } finally {
    await lock`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => undefined);
    await lock.end();
  }
}
