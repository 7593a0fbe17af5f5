import request from 'supertest';
import { type NodeProcess, startNodeProcess } from './server-process';
import type { TestApp } from './test-app';

export type AppServer = NodeProcess & { http: () => ReturnType<typeof request> };

/**
 * Starts the built server (`main.js`) as a real child process on the test app's database, with no
 * demo data and no schedules; `started` collects it so the caller kills it.
 */
export async function startAppServer(
  t: TestApp,
  started: NodeProcess[],
  env: Record<string, string> = {},
): Promise<AppServer> {
  const p = await startNodeProcess(
    'main.js',
    {
      DATABASE_URL: t.databaseUrl,
      JWT_SECRET: t.config.jwtSecret!,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: 'never',
      SCHEDULES: 'off',
      LOG_LEVEL: 'warn',
      ...env,
    },
    /Health: +http:\/\/localhost:(\d+)\/health/,
  );
  started.push(p);
  return { ...p, http: () => request(`http://127.0.0.1:${p.match[1]}`) };
}
