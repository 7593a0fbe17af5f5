import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';

export const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const migrationsFolder = join(__dirname, '..', '..', 'migrations');

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

/** Creates and migrates this run's template database; its name prefixes every database the run makes. */
export async function prepareTemplateDatabase(): Promise<string> {
  const name = `wfm_t${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withAdmin((sql) => sql.unsafe(`CREATE DATABASE ${name}`));
  if (existsSync(join(migrationsFolder, 'meta', '_journal.json'))) {
    const sql = postgres(withDatabase(adminUrl, name), { max: 1, onnotice: () => undefined });
    try {
      await migrate(drizzle(sql), { migrationsFolder });
    } finally {
      await sql.end();
    }
  }
  return name;
}

/** A fresh, migrated database for one test file. Call `drop` in afterAll. */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const template = process.env.WFM_TEST_TEMPLATE;
  if (!template) throw new Error('WFM_TEST_TEMPLATE is not set: run tests through jest (test/global-setup.ts)');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  await withAdmin((sql) => sql.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: () => withAdmin((sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Drops the template and every database cloned from it in this run. */
export async function dropRunDatabases(template: string | undefined): Promise<void> {
  if (!template) return;
  await withAdmin(async (sql) => {
    const rows = await sql<{ datname: string }[]>`SELECT datname FROM pg_database WHERE datname LIKE ${template + '%'}`;
    for (const { datname } of rows) await sql.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}
