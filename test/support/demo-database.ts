import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { DemoSetup } from 'src/demo/demo-setup.service';
import { demoSeededAt } from './demo-calendar';
import { adminUrl } from './test-database';
import { startTestApp, TestApp } from './test-app';
import type { AppConfig } from 'src/platform/config/app-config';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * The whole demo shop (history, KPIs, plans, activity) is seeded once per test run into a
 * database of its own, under an advisory lock so parallel test files wait for the first one;
 * each file then gets a clone of it (CREATE DATABASE … TEMPLATE), as fast as an empty one.
 */
async function demoTemplate(): Promise<string> {
  const template = process.env.WFM_TEST_TEMPLATE;
  if (!template) throw new Error('WFM_TEST_TEMPLATE is not set: run tests through jest (test/global-setup.ts)');
  const demo = `${template}_demo`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin`SELECT pg_advisory_lock(hashtext(${demo}))`;
    const [exists] = await admin`SELECT 1 FROM pg_database WHERE datname = ${demo}`;
    if (!exists) {
      const building = `${demo}_b${randomBytes(3).toString('hex')}`;
      await admin.unsafe(`CREATE DATABASE ${building} TEMPLATE ${template}`);
      const app = await startTestApp({}, [], withDatabase(adminUrl, building));
      try {
        await app.app.get(DemoSetup).seed(demoSeededAt());
      } finally {
        await app.app.close();
      }
      await admin.unsafe(`ALTER DATABASE ${building} RENAME TO ${demo}`);
    }
    return demo;
  } finally {
    await admin`SELECT pg_advisory_unlock(hashtext(${demo}))`.catch(() => undefined);
    await admin.end();
  }
}

/** The real app on a fresh clone of this run's fully seeded demo shop. */
export async function startDemoApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const demo = await demoTemplate();
  const name = `${demo}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${demo}`);
  } finally {
    await admin.end();
  }
  const t = await startTestApp(overrides, [], withDatabase(adminUrl, name));
  return {
    ...t,
    close: async () => {
      await t.app.close();
      const sql = postgres(adminUrl, { max: 1, onnotice: () => undefined });
      try {
        await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await sql.end();
      }
    },
  };
}

/** How long a hook that starts a demo app may take: the first file of a run seeds the demo, on a loaded machine. */
export const DEMO_SETUP_MS = 600_000;

/** One demo app per test file: started before its tests (seeding the run's demo if first), closed after. */
export function demoAppPerFile(): { readonly t: TestApp } {
  const holder = {} as { t: TestApp };
  beforeAll(async () => {
    holder.t = await startDemoApp();
  }, DEMO_SETUP_MS);
  afterAll(() => holder.t?.close());
  return holder;
}
