import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from 'src/app.module';
import { loadConfig } from 'src/platform/config/app-config';
import { DemoSeed } from 'src/demo/demo-seed';
import { EmbeddedPostgresServer } from 'src/platform/db/embedded-postgres-server';
import { configureApp } from 'src/platform/http/configure-app';

const quiet = () => undefined;

describe('embedded default: no DATABASE_URL (e2e)', () => {
  it('boots on its own PostgreSQL, migrates, seeds the demo once and keeps data across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wfm-embedded-'));
    const config = {
      ...loadConfig({ NODE_ENV: 'test', WFM_DATA_DIR: dataDir }),
      logLevel: 'silent',
      schedules: 'off' as const,
    };
    const boot = async () => {
      const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config)] }).compile();
      const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
      configureApp(app);
      await app.init();
      return app;
    };
    const first = await boot();
    const seeded = await first.get(DemoSeed).seed();
    expect(seeded?.created).toBe(true);
    const health = await request(first.getHttpServer()).get('/health').expect(200);
    expect(health.body.database).toEqual({ status: 'up', embedded: true });
    await request(first.getHttpServer())
      .post('/auth/login')
      .send({ username: 'manager', password: 'demo-manager' })
      .expect(200);
    await first.close();

    const second = await boot();
    const again = await second.get(DemoSeed).seed();
    expect(again).toMatchObject({ created: false, shopId: seeded!.shopId });
    await request(second.getHttpServer())
      .post('/auth/login')
      .send({ username: 'agent', password: 'demo-agent' })
      .expect(200);
    await second.close();
  }, 300_000);

  it('recovers from an orphan server left by a hard-killed run', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wfm-orphan-'));
    const orphan = new EmbeddedPostgresServer(dataDir, 0, quiet);
    await orphan.start();
    const orphanPid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    // Never stopped, as after a kill -9 of the Node process: the next start must clean up.
    const next = new EmbeddedPostgresServer(dataDir, 0, quiet);
    const url = await next.start();
    const sql = postgres(url, { max: 1 });
    try {
      expect((await sql`select 1 as one`)[0].one).toBe(1);
      expect(Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0])).not.toBe(orphanPid);
    } finally {
      await sql.end();
      await next.stop();
    }
  }, 300_000);
});
