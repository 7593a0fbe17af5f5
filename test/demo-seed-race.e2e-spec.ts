import postgres from 'postgres';
import { Test } from '@nestjs/testing';
import { AppModule } from 'src/app.module';
import { DemoSetup } from 'src/demo/demo-setup.service';
import { loadConfig } from 'src/platform/config/app-config';
import { describeError } from 'src/platform/lifecycle/process-lifecycle';
import { Db } from 'src/platform/db/db';
import { shops } from 'src/platform/db/schema';
import { createTestDatabase } from './support/test-database';

/**
 * Replicas with SEED_DEMO=always on one empty database: started together or a few seconds apart,
 * each seeds under the boot lock or finds the demo there; nothing is written twice. Three Nest
 * apps in one process, each with its own pool, as three replicas would have.
 */
describe('seeding the demo from several replicas (e2e)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  const replica = async () => {
    const config = {
      ...loadConfig({ NODE_ENV: 'test' }),
      databaseUrl: database.url,
      redisUrl: undefined,
      logLevel: 'silent',
      schedules: 'off' as const,
      seedDemo: 'always' as const,
      jwtSecret: 'test-secret-test-secret-test-secret-0123456789',
    };
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config)] }).compile();
    const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
    await app.init();
    return { app, config };
  };

  it('writes the demo once whether replicas start together or seconds apart', async () => {
    const [a, b, c] = await Promise.all([replica(), replica(), replica()]);
    try {
      const later = new Promise((r) => setTimeout(r, 2000)).then(() => c.app.get(DemoSetup).onStart(c.config));
      const results = await Promise.all([
        a.app.get(DemoSetup).onStart(a.config),
        b.app.get(DemoSetup).onStart(b.config),
        later,
      ]);
      expect(new Set(results.map((r) => r!.shopId)).size).toBe(1);
      expect(results.filter((r) => r!.created)).toHaveLength(1);
    } finally {
      await Promise.all([a.app.close(), b.app.close(), c.app.close()]);
    }
    const sql = postgres(database.url, { max: 1, onnotice: () => undefined });
    try {
      const [counts] = await sql`SELECT
          (SELECT count(*)::int FROM shops WHERE code = 'demo') AS shops,
          (SELECT count(*)::int FROM imports WHERE kind = 'demo-history') AS histories,
          (SELECT count(*)::int FROM chat_sessions) AS sessions,
          (SELECT count(DISTINCT external_id)::int FROM chat_sessions) AS distinct_sessions,
          (SELECT count(*)::int FROM scorecards) AS scorecards,
          (SELECT count(*)::int FROM complaints) AS complaints,
          (SELECT count(*)::int FROM rosters) AS rosters,
          (SELECT count(*)::int FROM qc_reviews) AS reviews,
          (SELECT count(DISTINCT session_id)::int FROM qc_reviews) AS reviewed_sessions,
          (SELECT count(*)::int FROM qc_rubric_versions) AS rubrics`;
      expect(counts).toMatchObject({ shops: 1, histories: 1, scorecards: 2, complaints: 12, rosters: 1, rubrics: 1 });
      expect(counts.sessions).toBe(counts.distinct_sessions);
      expect(counts.reviews).toBe(counts.reviewed_sessions);
    } finally {
      await sql.end();
    }
  }, 600_000);

  it('a refused write names the database’s own reason, not only the failed query', async () => {
    const { app } = await replica();
    try {
      const db = app.get(Db);
      const error = await db.q
        .insert(shops)
        .values({
          code: 'demo',
          name: 'again',
          timeZone: 'Asia/Shanghai',
          slotMinutes: 30,
          currency: 'CNY',
          language: 'zh',
        })
        .then(
          () => null,
          (e: unknown) => e,
        );
      const described = describeError(error);
      expect(described).toMatch(/^Failed query: insert into "shops"/);
      expect(described).toMatch(
        /caused by: duplicate key value violates unique constraint .*\(code 23505; constraint shops_code_unique/,
      );
    } finally {
      await app.close();
    }
  }, 300_000);
});
