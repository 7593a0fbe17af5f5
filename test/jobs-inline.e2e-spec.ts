import { JobQueue } from 'src/platform/jobs/job-queue';
import { NightlySchedule } from 'src/platform/jobs/nightly/nightly-schedule';
import { nightlyRun } from 'src/platform/jobs/nightly/nightly.jobs';
import { Db } from 'src/platform/db/db';
import { createSecondShop } from './support/second-shop';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { badInputJob, probeJob, TestJobsModule } from './support/test-jobs.module';

describe('jobs without Redis: the in-process runner (e2e)', () => {
  let t: TestApp;
  let queue: JobQueue;
  let sql: Db['client'];
  beforeAll(async () => {
    t = await startTestApp({}, [TestJobsModule]);
    queue = t.app.get(JobQueue);
    sql = t.app.get(Db).client;
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const run = async (id: string) =>
    (
      await t
        .http()
        .get(`/jobs/${id}`)
        .set(bearer(await t.tokenFor('manager')))
        .expect(200)
    ).body;

  it('runs a job in-process and records status, attempts, progress and result', async () => {
    expect(queue.runnerKind).toBe('inline');
    const { run: queued } = await queue.enqueue(probeJob, {
      shopId: t.demoShopId,
      key: 'plain',
      failTimes: 0,
      sleepMs: 0,
    });
    await queue.settled(queued.id);
    expect(await run(queued.id)).toMatchObject({
      status: 'completed',
      attempts: 1,
      progress: 100,
      result: { key: 'plain', attempt: 1 },
      error: null,
    });
  });

  it('retries with backoff and completes; bad input fails at once', async () => {
    const flaky = await queue.enqueue(probeJob, { shopId: t.demoShopId, key: 'flaky', failTimes: 2, sleepMs: 0 });
    const bad = await queue.enqueue(badInputJob, { shopId: t.demoShopId, key: 'bad', failTimes: 0, sleepMs: 0 });
    const doomed = await queue.enqueue(probeJob, { shopId: t.demoShopId, key: 'doomed', failTimes: 9, sleepMs: 0 });
    await Promise.all([flaky, bad, doomed].map((e) => queue.settled(e.run.id)));
    expect(await run(flaky.run.id)).toMatchObject({ status: 'completed', attempts: 3 });
    expect(await run(bad.run.id)).toMatchObject({ status: 'failed', attempts: 1, error: 'key bad is not acceptable' });
    expect(await run(doomed.run.id)).toMatchObject({ status: 'failed', attempts: 3, error: 'planned failure 3' });
    const executions =
      await sql`SELECT key, count(*)::int AS n FROM test_executions WHERE key IN ('flaky', 'doomed') GROUP BY key ORDER BY key`;
    expect(executions).toEqual([
      { key: 'doomed', n: 3 },
      { key: 'flaky', n: 3 },
    ]);
  });

  it('runs the nightly pipeline in order: a failing step is retried, recorded, and later steps still run', async () => {
    const manager = await t.tokenFor('manager');
    const accepted = await t
      .http()
      .post('/jobs/nightly.run/run')
      .set(bearer(manager))
      .send({ date: '2026-11-01' })
      .expect(202);
    expect(accepted.body).toMatchObject({
      name: 'nightly.run',
      status: 'queued',
      statusUrl: `/jobs/${accepted.body.jobId}`,
    });
    await queue.settled(accepted.body.jobId);
    const night = await run(accepted.body.jobId);
    expect(night.status).toBe('failed');
    expect(night.error).toMatch(/test\.step-broken .*the broken step broke/);
    const steps = (
      await t.http().get(`/jobs?parentRunId=${accepted.body.jobId}&limit=10`).set(bearer(manager)).expect(200)
    ).body.items;
    const byName = Object.fromEntries(steps.map((s: { name: string }) => [s.name, s]));
    expect(byName['test.step-a']).toMatchObject({ status: 'completed', attempts: 1 });
    expect(byName['test.step-broken']).toMatchObject({ status: 'failed', attempts: 2, error: 'the broken step broke' });
    expect(byName['test.step-c']).toMatchObject({ status: 'completed' });
    expect(byName['test.step-monthly']).toMatchObject({ status: 'completed' });
    const outputs = await sql`SELECT step, value FROM test_outputs WHERE day = '2026-11-01' ORDER BY step`;
    expect(outputs).toEqual([
      { step: 'a', value: 1 },
      { step: 'c', value: 1 },
      { step: 'monthly', value: 1 },
    ]);
  });

  it('skips steps meant for other days and replaces, never duplicates, output on a re-run', async () => {
    const manager = await t.tokenFor('manager');
    for (let i = 0; i < 2; i++) {
      const accepted = await t
        .http()
        .post('/jobs/nightly.run/run')
        .set(bearer(manager))
        .send({ date: '2026-11-17' })
        .expect(202);
      await queue.settled(accepted.body.jobId);
    }
    const outputs =
      await sql`SELECT step, count(*)::int AS rows FROM test_outputs WHERE day = '2026-11-17' GROUP BY step ORDER BY step`;
    expect(outputs).toEqual([
      { step: 'a', rows: 1 },
      { step: 'c', rows: 1 },
    ]);
  });

  it('executes the same nightly run once however often it is enqueued', async () => {
    const key = `nightly.run:${t.demoShopId}:2026-11-10`;
    const first = await queue.enqueue(nightlyRun, { shopId: t.demoShopId, date: '2026-11-10' }, { dedupeKey: key });
    const second = await queue.enqueue(nightlyRun, { shopId: t.demoShopId, date: '2026-11-10' }, { dedupeKey: key });
    expect(second).toMatchObject({ created: false, run: { id: first.run.id } });
    await queue.settled(first.run.id);
    const [{ n }] =
      await sql`SELECT count(*)::int AS n FROM test_executions e JOIN job_runs r ON r.id = e.run_id WHERE r.parent_run_id = ${first.run.id} AND e.key = 'step-a'`;
    expect(n).toBe(1);
  });

  it('joins a waiting run with the same coalesce key, and queues a new one once that run has started', async () => {
    const key = `test.probe:${t.demoShopId}:burst`;
    const payload = { shopId: t.demoShopId, key: 'burst', failTimes: 0, sleepMs: 0 };
    // A run that waits for a worker (recorded, not yet started).
    const [waiting] = await sql`INSERT INTO job_runs (shop_id, name, params, status, max_attempts, coalesce_key)
      VALUES (${t.demoShopId}, 'test.probe', ${JSON.stringify(payload)}::jsonb, 'queued', 3, ${key}) RETURNING id`;
    const joined = await Promise.all([1, 2, 3].map(() => queue.enqueue(probeJob, payload, { coalesceKey: key })));
    expect(joined.map((j) => [j.created, j.run.id])).toEqual([1, 2, 3].map(() => [false, waiting.id]));
    await sql`UPDATE job_runs SET status = 'running' WHERE id = ${waiting.id}`;
    const next = await queue.enqueue(probeJob, payload, { coalesceKey: key });
    expect(next.created).toBe(true);
    await queue.settled(next.run.id);
    expect(await run(next.run.id)).toMatchObject({ status: 'completed', result: { key: 'burst' } });
    await sql`UPDATE job_runs SET status = 'completed' WHERE id = ${waiting.id}`;
  });

  it('schedules each shop’s night at 02:00 local time, once', async () => {
    const other = await createSecondShop(t, 'berlin');
    const schedule = t.app.get(NightlySchedule);
    const berlin = (keys: string[]) => keys.filter((k) => k.includes(other.shopId));
    // 00:30 UTC on 23 Nov = 08:30 in Shanghai (due), 01:30 in Berlin (not yet); 01:30 UTC = 02:30 Berlin (due).
    const early = await schedule.tick(new Date('2026-11-23T00:30:00Z'));
    expect(berlin(early)).toEqual([]);
    // The demo shop's last scheduled night was 10 Nov (an earlier test): its catch-up starts seven nights back.
    expect(early).toContain(`nightly.run:${t.demoShopId}:2026-11-16`);
    expect(berlin(await schedule.tick(new Date('2026-11-23T01:30:00Z')))).toEqual([
      `nightly.run:${other.shopId}:2026-11-22`,
    ]);
    expect(berlin(await schedule.tick(new Date('2026-11-23T01:31:00Z')))).toEqual([]);
  });

  it('guards the job API by role and shop', async () => {
    const other = await createSecondShop(t, 'guard');
    const mine = await queue.enqueue(probeJob, { shopId: t.demoShopId, key: 'mine', failTimes: 0, sleepMs: 0 });
    await queue.settled(mine.run.id);
    const hidden = await t.http().get(`/jobs/${mine.run.id}`).set(bearer(other.managerToken)).expect(404);
    expect(hidden.body).toMatchObject({ status: 404, code: 'jobs.run-not-found' });
    await t
      .http()
      .get('/jobs')
      .set(bearer(await t.tokenFor('agent')))
      .expect(403);
    await t
      .http()
      .post('/jobs/nightly.run/run')
      .set(bearer(await t.tokenFor('qc')))
      .send({ date: '2026-11-01' })
      .expect(403);
    const notManual = await t
      .http()
      .post('/jobs/test.probe/run')
      .set(bearer(await t.tokenFor('manager')))
      .send({ date: '2026-11-01' })
      .expect(400);
    expect(notManual.body).toMatchObject({ code: 'jobs.not-manual', errors: [{ field: 'name', in: 'path' }] });
    const unknown = await t
      .http()
      .post('/jobs/no.such/run')
      .set(bearer(await t.tokenFor('manager')))
      .set('Accept-Language', 'zh')
      .send({ date: '2026-11-01' })
      .expect(404);
    expect(unknown.body).toMatchObject({ code: 'jobs.unknown-job', detail: '不存在名为 no.such 的任务' });
    const badDate = await t
      .http()
      .post('/jobs/nightly.run/run')
      .set(bearer(await t.tokenFor('manager')))
      .send({ date: '2026-02-30' })
      .expect(400);
    expect(badDate.body.errors[0].field).toBe('date');
    const failed = await t
      .http()
      .get('/jobs?status=failed&name=test.bad-input')
      .set(bearer(await t.tokenFor('supervisor')))
      .expect(200);
    expect(
      failed.body.items.every(
        (r: { status: string; name: string }) => r.status === 'failed' && r.name === 'test.bad-input',
      ),
    ).toBe(true);
  });

  it('after an outage longer than a day, one check runs every missed night up to the limit, oldest first, one at a time', async () => {
    const shop = await createSecondShop(t, 'outage');
    // The last night this shop's scheduler ran was 10 Nov; the server was away until 21 Nov, 04:00 in Berlin.
    await sql`INSERT INTO job_runs (shop_id, name, params, status, max_attempts, dedupe_key, finished_at)
      VALUES (${shop.shopId}, 'nightly.run', ${JSON.stringify({ shopId: shop.shopId, date: '2026-11-10' })}::jsonb, 'completed', 2, ${`nightly.run:${shop.shopId}:2026-11-10`}, now())`;
    const schedule = t.app.get(NightlySchedule);
    const now = new Date('2026-11-21T03:00:00Z');
    const mine = async () => (await schedule.tick(now)).filter((k) => k.includes(shop.shopId));
    expect(await mine()).toEqual([`nightly.run:${shop.shopId}:2026-11-14`]);
    // While the catch-up runs, further checks add nothing; it goes on by itself to the due night.
    expect(await mine()).toEqual([]);
    const last = async () =>
      (await sql`SELECT id FROM job_runs WHERE dedupe_key = ${`nightly.run:${shop.shopId}:2026-11-20`}`)[0];
    for (let waited = 0; !(await last()); waited += 100) {
      expect(waited).toBeLessThan(60_000);
      await new Promise((r) => setTimeout(r, 100));
    }
    await queue.settled((await last()).id);
    const nights = await sql`SELECT params->>'date' AS date, status, extract(epoch FROM started_at)::float8 AS started,
        (SELECT extract(epoch FROM max(s.finished_at))::float8 FROM job_runs s WHERE s.parent_run_id = n.id) AS steps_done
      FROM job_runs n WHERE shop_id = ${shop.shopId} AND name = 'nightly.run' AND parent_run_id IS NULL
      ORDER BY started_at NULLS FIRST`;
    // NIGHTLY_CATCH_UP_DAYS (7): the seven newest of the ten missed nights, oldest first.
    expect(t.config.nightlyCatchUpDays).toBe(7);
    expect(nights.map((n) => n.date)).toEqual([
      '2026-11-10',
      '2026-11-14',
      '2026-11-15',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
    ]);
    // Ended, each (the test pipeline's broken step fails a night; the catch-up goes on past it).
    expect(nights.filter((n) => n.status !== 'completed' && n.status !== 'failed')).toEqual([]);
    // One at a time: each night started after the one before it had run its steps.
    for (let i = 2; i < nights.length; i++) expect(nights[i].started).toBeGreaterThanOrEqual(nights[i - 1].steps_done);
    expect(await mine()).toEqual([]);
  });
});
