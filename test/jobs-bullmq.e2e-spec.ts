import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Db } from 'src/platform/db/db';
import { AppError } from 'src/platform/errors/problem';
import { queueNameOf } from 'src/platform/jobs/job-definition';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { JobRegistry } from 'src/platform/jobs/job-registry';
import { nightlyRun } from 'src/platform/jobs/nightly/nightly.jobs';
import { JobRunner } from 'src/platform/jobs/runners/job-runner';
import { vanishedReason } from 'src/platform/jobs/runners/vanished-jobs';
import { OwnRedis } from './support/own-redis';
import { waitUntil } from './support/server-process';
import { startTestApp, TestApp } from './support/test-app';
import { probeJob, TestJobs, TestJobsModule } from './support/test-jobs.module';

const sharedRedis = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = () => `wfmtest${randomBytes(4).toString('hex')}`;
const probe = (shopId: string, key: string, extra: Partial<{ failTimes: number; sleepMs: number }> = {}) => ({
  shopId,
  key,
  failTimes: 0,
  sleepMs: 0,
  ...extra,
});

/** Two replicas of the app on one database and one queue prefix: what two worker processes see. */
async function twoReplicas(overrides: Parameters<typeof startTestApp>[0]) {
  const a = await startTestApp(overrides, [TestJobsModule]);
  const b = await startTestApp(overrides, [TestJobsModule], a.databaseUrl);
  a.app.get(TestJobs).instance = 'a';
  b.app.get(TestJobs).instance = 'b';
  return {
    a,
    b,
    close: async () => {
      await b.close();
      await a.close();
    },
  };
}

describe('jobs on BullMQ with the real Redis (e2e)', () => {
  it('with two workers on one queue, runs each job exactly once, retries included', async () => {
    const { a, close } = await twoReplicas({ redisUrl: sharedRedis, queuePrefix: prefix(), workers: 'inline' });
    try {
      const queue = a.app.get(JobQueue);
      expect(queue.runnerKind).toBe('bullmq');
      const runs = [];
      for (let i = 0; i < 40; i++)
        runs.push(
          (
            await queue.enqueue(
              probeJob,
              probe(a.demoShopId, `k${i}`, { sleepMs: 10, failTimes: i % 10 === 0 ? 1 : 0 }),
            )
          ).run,
        );
      await Promise.all(runs.map((r) => queue.settled(r.id, 30_000)));
      const sql = a.app.get(Db).client;
      const perRun =
        await sql`SELECT run_id, count(*)::int AS n, max(attempt) AS last FROM test_executions GROUP BY run_id`;
      expect(perRun).toHaveLength(40);
      for (const row of perRun) expect(row.n).toBe(row.last);
      expect(perRun.filter((r) => r.n === 2)).toHaveLength(4);
      const [{ completed }] =
        await sql`SELECT count(*)::int AS completed FROM job_runs WHERE status = 'completed' AND name = 'test.probe'`;
      expect(completed).toBe(40);
      const instances = await sql`SELECT DISTINCT instance FROM test_executions ORDER BY instance`;
      expect(instances.map((r) => r.instance)).toEqual(['a', 'b']);
    } finally {
      await close();
    }
  }, 300_000);

  it('loses nothing when Redis restarts with jobs waiting, and answers 503 while it is down', async () => {
    const redis = new OwnRedis();
    await redis.start();
    const t: TestApp = await startTestApp({ redisUrl: redis.url, queuePrefix: prefix(), workers: 'off' }, [
      TestJobsModule,
    ]);
    try {
      const queue = t.app.get(JobQueue);
      const runs = [];
      for (let i = 0; i < 20; i++) runs.push((await queue.enqueue(probeJob, probe(t.demoShopId, `r${i}`))).run);
      await redis.stop();
      const sql = t.app.get(Db).client;
      const [{ before }] = await sql`SELECT count(*)::int AS before FROM job_runs`;
      const refused = await queue.enqueue(probeJob, probe(t.demoShopId, 'while-down')).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).status).toBe(503);
      // A record waiting for the refused job is told so, instead of waiting forever.
      const links: unknown[] = [];
      await expect(
        queue.enqueueFor(probeJob, probe(t.demoShopId, 'record-while-down'), {}, async (v) => links.push(v)),
      ).rejects.toMatchObject({ status: 503 });
      // Stored as every run-end reason is: English, then Chinese, the queue's refusal in each.
      expect(links).toEqual([
        {
          status: 'failed',
          error: expect.stringMatching(
            /^could not be queued: The job queue is unavailable; try again shortly \/ 未能加入任务队列：任务队列暂不可用，请稍后重试$/,
          ),
        },
      ]);
      const [{ after }] = await sql`SELECT count(*)::int AS after FROM job_runs`;
      expect(after).toBe(before);
      const degraded = await t.http().get('/health').expect(503);
      expect(degraded.body).toMatchObject({ status: 'degraded', redis: { status: 'down' } });
      await redis.start();
      await t.app.get(JobRunner).startWorkers();
      await Promise.all(runs.map((r) => queue.settled(r.id, 30_000)));
      const [{ done }] = await sql`SELECT count(*)::int AS done FROM job_runs WHERE status = 'completed'`;
      expect(done).toBe(20);
    } finally {
      await t.close();
      await redis.stop();
    }
  }, 300_000);

  it('holds one Redis connection in an API replica, and 2 + one per job domain in a worker process (3 once it queues work)', async () => {
    const redis = new OwnRedis();
    await redis.start();
    const queuePrefix = prefix();
    const api = await startTestApp({ redisUrl: redis.url, queuePrefix, workers: 'off' }, [TestJobsModule]);
    const counter = new Redis(redis.url);
    // Every client but the counter itself; connections open asynchronously, so wait for the count.
    const settle = async (expected: number | ((clients: number) => boolean)) => {
      const done = typeof expected === 'number' ? (n: number) => n === expected : expected;
      let clients = -1;
      for (
        const end = Date.now() + 30_000;
        !done(clients) && Date.now() < end;
        await new Promise((r) => setTimeout(r, 100))
      ) {
        clients =
          String(await counter.client('LIST'))
            .trim()
            .split('\n').length - 1;
      }
      return clients;
    };
    try {
      const { run } = await api.app.get(JobQueue).enqueue(probeJob, probe(api.demoShopId, 'connections'));
      expect(await settle(1)).toBe(1);
      const worker = await startTestApp(
        { redisUrl: redis.url, queuePrefix, workers: 'inline' },
        [TestJobsModule],
        api.databaseUrl,
      );
      try {
        await worker.app.get(JobQueue).settled(run.id, 30_000);
        const domains = new Set(worker.app.get(JobRegistry).names().map(queueNameOf)).size;
        // The API's 1; the worker's shared one, a blocking one per domain, one for start-up repair
        // and waiting; and, while it is still open, the event stream this test's settled() listened
        // on (BullMQ opens two): that one is the test's, so it may or may not be counted.
        const theirs = 1 + 2 + domains;
        const counted = await settle((n) => n === theirs || n === theirs + 2);
        expect([theirs, theirs + 2]).toContain(counted);
      } finally {
        await worker.close();
      }
    } finally {
      counter.disconnect();
      await api.close();
      await redis.stop();
    }
  }, 300_000);

  it('puts back runs that a Redis without persistence forgot', async () => {
    const queuePrefix = prefix();
    const t = await startTestApp({ redisUrl: sharedRedis, queuePrefix, workers: 'off' }, [TestJobsModule]);
    const redis = new Redis(sharedRedis);
    try {
      const queue = t.app.get(JobQueue);
      const runs = [];
      for (let i = 0; i < 5; i++) runs.push((await queue.enqueue(probeJob, probe(t.demoShopId, `lost${i}`))).run);
      // What a restart of a Redis that keeps nothing on disk does to this deployment's keys.
      const keys = await redis.keys(`${queuePrefix}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
      await t.app.get(JobRunner).startWorkers();
      await Promise.all(runs.map((r) => queue.settled(r.id, 30_000)));
      const [{ done }] = await t.app.get(Db)
        .client`SELECT count(*)::int AS done FROM job_runs WHERE status = 'completed'`;
      expect(done).toBe(5);
    } finally {
      redis.disconnect();
      await t.close();
    }
  }, 300_000);

  it('ends runs whose jobs were emptied from their queue from outside (drain, clean, obliterate), and only those', async () => {
    const queuePrefix = prefix();
    const t = await startTestApp({ redisUrl: sharedRedis, queuePrefix, workers: 'off', jobLockMs: 1500 }, [
      TestJobsModule,
    ]);
    const connection = new Redis(sharedRedis);
    const outside = new Queue(queueNameOf(probeJob.name), { connection, prefix: queuePrefix });
    try {
      const queue = t.app.get(JobQueue);
      const sql = t.app.get(Db).client;
      const status = async (id: string) => (await sql`SELECT status, error FROM job_runs WHERE id = ${id}`)[0];
      // Paused: the workers take nothing, so the jobs wait on the queue as in a busy deployment.
      await outside.pause();
      await t.app.get(JobRunner).startWorkers();
      const enqueue = async (key: string) => (await queue.enqueue(probeJob, probe(t.demoShopId, key))).run;
      const drained = await enqueue('drained');
      await outside.drain();
      const cleaned = await enqueue('cleaned');
      await outside.clean(0, 100, 'wait');
      const kept = await enqueue('kept');
      for (const run of [drained, cleaned])
        await waitUntil('the drained and cleaned runs to end', async () => (await status(run.id)).status === 'failed');
      expect(await status(drained.id)).toEqual({ status: 'failed', error: vanishedReason });
      expect(await status(cleaned.id)).toEqual({ status: 'failed', error: vanishedReason });
      expect(vanishedReason).toMatch(/removed from the queue.*\/ .*队列/);
      expect((await status(kept.id)).status).toBe('queued');
      await outside.obliterate({ force: true });
      await waitUntil('the obliterated run to end', async () => (await status(kept.id)).status === 'failed');
      expect(await status(kept.id)).toEqual({ status: 'failed', error: vanishedReason });
    } finally {
      await outside.close();
      connection.disconnect();
      await t.close();
    }
  }, 300_000);

  it('executes a nightly run enqueued twice once, and records a failing step while later steps run', async () => {
    const t = await startTestApp({ redisUrl: sharedRedis, queuePrefix: prefix(), workers: 'inline' }, [TestJobsModule]);
    try {
      const health = await t.http().get('/health').expect(200);
      expect(health.body.redis).toEqual({ status: 'up' });
      const queue = t.app.get(JobQueue);
      const key = `nightly.run:${t.demoShopId}:2026-11-20`;
      const [first, second] = await Promise.all([
        queue.enqueue(nightlyRun, { shopId: t.demoShopId, date: '2026-11-20' }, { dedupeKey: key }),
        queue.enqueue(nightlyRun, { shopId: t.demoShopId, date: '2026-11-20' }, { dedupeKey: key }),
      ]);
      expect(first.run.id).toBe(second.run.id);
      expect([first.created, second.created].sort()).toEqual([false, true]);
      await queue.settled(first.run.id, 30_000);
      const sql = t.app.get(Db).client;
      // The app's own modules register their nightly steps too; this test owns the test.* ones.
      const steps =
        await sql`SELECT name, status, attempts FROM job_runs WHERE parent_run_id = ${first.run.id} AND name LIKE 'test.%' ORDER BY name`;
      expect(steps).toEqual([
        { name: 'test.step-a', status: 'completed', attempts: 1 },
        { name: 'test.step-broken', status: 'failed', attempts: 2 },
        { name: 'test.step-c', status: 'completed', attempts: 1 },
      ]);
      const [{ n }] = await sql`SELECT count(*)::int AS n FROM test_executions WHERE key = 'step-a'`;
      expect(n).toBe(1);
    } finally {
      await t.close();
    }
  }, 300_000);
});
