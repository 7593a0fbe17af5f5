import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from 'src/app.module';
import { AppConfig, loadConfig } from 'src/platform/config/app-config';
import { DemoSeed } from 'src/demo/demo-seed';
import { configureApp } from 'src/platform/http/configure-app';
import { createTestDatabase } from './test-database';

export type TestApp = {
  databaseUrl: string;
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  config: AppConfig;
  demoShopId: string;
  /** A bearer token for a demo login (the username is the role's name). */
  tokenFor: (username: string, password?: string) => Promise<string>;
  close: () => Promise<void>;
};

/** The real app on a fresh database of its own, with the demo organisation seeded. */
export async function startTestApp(
  overrides: Partial<AppConfig> = {},
  extra: DynamicModule['imports'] = [],
  databaseUrl?: string,
): Promise<TestApp> {
  const database = databaseUrl ? { url: databaseUrl, drop: async () => undefined } : await createTestDatabase();
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test' }),
    databaseUrl: database.url,
    redisUrl: undefined,
    dataDir: mkdtempSync(join(tmpdir(), 'wfm-test-')),
    jwtSecret: 'test-secret-test-secret-test-secret-0123456789',
    logLevel: 'silent',
    seedDemo: 'never',
    schedules: 'off',
    // A server PostgreSQL: uploads for jobs are kept in it, as with DATABASE_URL in production.
    uploadStore: 'database',
    ...overrides,
  };
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config, extra)] }).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  configureApp(app);
  await app.init();
  const seeded = await app.get(DemoSeed).seed();
  const tokens = new Map<string, string>();
  const http = () => request(app.getHttpServer());
  return {
    app,
    databaseUrl: database.url,
    http,
    config,
    demoShopId: seeded.shopId,
    tokenFor: async (username, password = `demo-${username}`) => {
      const key = `${username}:${password}`;
      if (!tokens.has(key)) {
        const res = await http().post('/auth/login').send({ username, password }).expect(200);
        tokens.set(key, res.body.accessToken);
      }
      return tokens.get(key)!;
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
