import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Db } from 'src/platform/db/db';
import { queueNameOf } from 'src/platform/jobs/job-definition';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { JobRunner } from 'src/platform/jobs/runners/job-runner';
import { OwnRedis } from './support/own-redis';
import { startTestApp } from './support/test-app';
import { fencedJob, probeJob, TestJobs, TestJobsModule } from './support/test-jobs.module';

const LOCK_MS = 1500;
async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !(await probe());) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const probe = (shopId: string, key: string) => ({ shopId, key, failTimes: 0, sleepMs: 0 });

/**
 * Each run is fenced in PostgreSQL: a start claims it under a new token, beats while it works,
 * and stores its result only while the token holds. BullMQ alone re-delivered a job whose lock
 * expired while Redis was away, and both deliveries ran and stored.
 */
describe('a run is fenced in PostgreSQL (e2e)', () => {
  it('after a Redis outage longer than the job lock, the duplicate delivery waits and does nothing', async () => {
    const redis = new OwnRedis();
    await redis.start();
    const overrides = {
      redisUrl: redis.url,
      queuePrefix: `wfmfence${randomBytes(4).toString('hex')}`,
      workers: 'off' as const,
      jobLockMs: LOCK_MS,
      // The claim outlives the test: a loaded machine that delays the holder's beats past a lease as
      // short as the lock let the duplicate delivery take over and run a second time (CI, 2026-12-05).
      jobLeaseMs: 120_000,
    };
    const a = await startTestApp(overrides, [TestJobsModule]);
    const b = await startTestApp(overrides, [TestJobsModule], a.databaseUrl);
    const inspector = new Queue(queueNameOf(probeJob.name), {
      connection: { url: redis.url, maxRetriesPerRequest: null },
      prefix: overrides.queuePrefix,
    });
    inspector.on('error', () => undefined); // it reconnects by itself once Redis is back
    try {
      for (const [name, t] of [
        ['a', a],
        ['b', b],
      ] as const) {
        t.app.get(TestJobs).instance = name;
        t.app.get(TestJobs).gate.holdUntilReleased();
        await t.app.get(JobRunner).startWorkers();
      }
      const { run } = await a.app.get(JobQueue).enqueue(probeJob, probe(a.demoShopId, 'gate-outage'));
      await Promise.race([a.app.get(TestJobs).gate.started, b.app.get(TestJobs).gate.started]);

      // Redis dies and stays away for three lock lengths: the job's lock expires meanwhile.
      await redis.kill();
      await new Promise((r) => setTimeout(r, 3 * LOCK_MS));
      await redis.start();

      // BullMQ finds the job stalled and delivers it a second time while the first start still works.
      await until(
        'the job to be delivered a second time',
        async () => ((await inspector.getJob(run.id))?.attemptsStarted ?? 0) >= 2,
      );
      const sql = a.app.get(Db).client;
      const [during] = await sql`SELECT status, attempts FROM job_runs WHERE id = ${run.id}`;
      expect(during).toEqual({ status: 'running', attempts: 1 });

      a.app.get(TestJobs).gate.release();
      b.app.get(TestJobs).gate.release();
      await a.app.get(JobQueue).settled(run.id, 60_000);
      const executions = await sql`SELECT instance FROM test_executions WHERE run_id = ${run.id}`;
      expect(executions).toHaveLength(1);
      const [{ n }] = await sql`SELECT count(*)::int AS n FROM test_outputs WHERE step = 'probe:gate-outage'`;
      expect(n).toBe(1);
      const [after] = await sql`SELECT status, attempts, claimed_by FROM job_runs WHERE id = ${run.id}`;
      expect(after).toMatchObject({
        status: 'completed',
        attempts: 1,
        claimed_by: expect.stringMatching(new RegExp(`:${process.pid}:`)),
      });
      // The duplicate delivery ended too, without a second start.
      await until(
        'the duplicate delivery to end',
        async () => (await (await inspector.getJob(run.id))?.getState()) !== 'active',
      );
      const [{ executed }] = await sql`SELECT count(*)::int AS executed FROM test_executions WHERE run_id = ${run.id}`;
      expect(executed).toBe(1);
    } finally {
      await inspector.close();
      await b.close();
      await a.close();
      await redis.stop();
    }
  }, 180_000);

  it('an attempt that lost its claim to another start stores nothing', async () => {
    const t = await startTestApp({}, [TestJobsModule]);
    try {
      const jobs = t.app.get(TestJobs);
      jobs.gate.holdUntilReleased();
      const queue = t.app.get(JobQueue);
      const { run } = await queue.enqueue(fencedJob, probe(t.demoShopId, 'taken-over'));
      await jobs.gate.started;
      const sql = t.app.get(Db).client;
      // What another start's claim writes once this holder looked stopped (a long pause, say).
      await sql`UPDATE job_runs SET claim_token = gen_random_uuid(), claimed_by = 'elsewhere:1:0', heartbeat_at = now(), attempts = attempts + 1 WHERE id = ${run.id}`;
      jobs.gate.release();
      await queue.settled(run.id);
      const outputs = await sql`SELECT step FROM test_outputs WHERE step = 'fenced:taken-over'`;
      expect(outputs).toEqual([]);
      const [row] = await sql`SELECT status, attempts, claimed_by FROM job_runs WHERE id = ${run.id}`;
      expect(row).toEqual({ status: 'running', attempts: 2, claimed_by: 'elsewhere:1:0' });
    } finally {
      await t.close();
    }
  }, 300_000);
});
