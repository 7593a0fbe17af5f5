import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import request from 'supertest';
import { Db } from 'src/platform/db/db';
import { queueNameOf } from 'src/platform/jobs/job-definition';
import { NodeProcess, startNodeProcess, waitUntil } from './support/server-process';
import { LONG_SOLVE as ROSTER, volumeFile } from './support/files';
import { bearer, startTestApp, TestApp } from './support/test-app';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Generous: the workers here are whole processes on a busy machine. */
const until = <T>(what: string, probe: () => Promise<T | undefined | false>) => waitUntil(what, probe, 180_000);

/**
 * The production split as child processes (`node dist/main.js` with WORKERS=off, `node
 * dist/worker.js`) on one PostgreSQL and Redis: uploads reach a worker on another host, and every
 * way BullMQ ends a job without our handler finishing it (stalled more than the allowable limit,
 * removed from the queue) ends its run and the record it works on, so a stop answers truthfully.
 */
describe('API and worker processes apart (e2e)', () => {
  let t: TestApp;
  let sql: Db['client'];
  let manager: string;
  const started: NodeProcess[] = [];
  const queuePrefix = `wfmsplit${randomBytes(4).toString('hex')}`;
  let api: NodeProcess & { http: () => ReturnType<typeof request> };
  let apiDataDir: string;
  beforeAll(async () => {
    t = await startTestApp();
    sql = t.app.get(Db).client;
    manager = await t.tokenFor('manager');
    apiDataDir = mkdtempSync(join(tmpdir(), 'wfm-api-host-'));
    const p = await startNodeProcess(
      'main.js',
      {
        ...common(),
        PORT: '0',
        HOST: '127.0.0.1',
        SEED_DEMO: 'never',
        WORKERS: 'off',
        // As on the workers: how long a silent holder of a run counts as alive.
        JOB_LOCK_MS: '1500',
        WFM_DATA_DIR: apiDataDir,
        IMPORT_SYNC_MAX_MB: '0.01',
      },
      /Health: +http:\/\/localhost:(\d+)\/health/,
    );
    started.push(p);
    api = { ...p, http: () => request(`http://127.0.0.1:${p.match[1]}`) };
  }, 300_000);
  afterAll(async () => {
    await Promise.all(started.map((p) => p.kill()));
    await t.close();
  }, 300_000);
  // A test that failed half-way must not leave its workers to take the next test's jobs.
  afterEach(async () => {
    await Promise.all(started.slice(1).map((p) => p.kill()));
  }, 300_000);

  const common = () => ({
    DATABASE_URL: t.databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    JWT_SECRET: t.config.jwtSecret!,
    SCHEDULES: 'off',
    LOG_LEVEL: 'info',
  });
  /** A worker on a host of its own: its own working folder, temp folder and (default) data folder. */
  const worker = async (env: Record<string, string> = {}) => {
    const host = mkdtempSync(join(tmpdir(), 'wfm-worker-host-'));
    const tmp = mkdtempSync(join(tmpdir(), 'wfm-worker-tmp-'));
    const p = await startNodeProcess(
      'worker.js',
      { ...common(), JOB_LOCK_MS: '1500', TMPDIR: tmp, ...env },
      /worker started/,
      host,
    );
    started.push(p);
    return { ...p, tmp };
  };
  const runOf = async (id: string) =>
    (await sql`SELECT status, attempts, claimed_by, error FROM job_runs WHERE id = ${id}`)[0];
  const importOf = async (jobId: string) =>
    (await sql`SELECT status, rows, stored_file FROM imports WHERE job_run_id = ${jobId}`)[0];
  const upload = async (file: Buffer) =>
    (await api.http().post('/imports/volume').set(bearer(manager)).attach('file', file, 'volume.csv').expect(202))
      .body as { jobId: string };

  const rosterOf = async (id: string) =>
    (await api.http().get(`/rosters/${id}`).set(bearer(manager)).expect(200)).body as { status: string };
  const create = async (weekStart: string) =>
    (
      await api
        .http()
        .post('/rosters')
        .set(bearer(manager))
        .send({ ...ROSTER, weekStart })
        .expect(202)
    ).body as {
      rosterId: string;
      jobId: string;
    };

  it('imports a large upload on a worker with another working folder, temp folder and data folder', async () => {
    const w = await worker();
    const { jobId } = await upload(volumeFile(2000));
    // Nothing of the upload waits on the API's host.
    expect(readdirSync(join(apiDataDir, 'uploads'))).toEqual([]);
    await until('the import to complete', async () => (await runOf(jobId)).status === 'completed');
    expect(await runOf(jobId)).toMatchObject({ attempts: 1, claimed_by: expect.stringContaining(`:${w.pid}:`) });
    expect(await importOf(jobId)).toEqual({ status: 'completed', rows: 2000, stored_file: null });
    const [{ chunks }] = await sql`SELECT count(*)::int AS chunks FROM import_upload_chunks`;
    expect(chunks).toBe(0);
    expect(readdirSync(w.tmp)).toEqual([]);
    await w.kill();
  }, 300_000);

  it('an import whose worker dies in all three attempts is failed by BullMQ (stalled more than allowable limit), and so are its run and record', async () => {
    const { jobId } = await upload(volumeFile(60_000));
    let lastPid = 0;
    for (const attempt of [1, 2, 3]) {
      const w = await worker();
      lastPid = w.pid;
      await until(`attempt ${attempt} to run`, async () => {
        const run = await runOf(jobId);
        return run.status === 'running' && run.attempts === attempt && run.claimed_by.includes(`:${w.pid}:`);
      });
      await w.kill();
    }
    const last = await worker();
    await until('the run to fail', async () => (await runOf(jobId)).status === 'failed');
    expect(await runOf(jobId)).toMatchObject({
      attempts: 3,
      error: expect.stringMatching(
        /^the queue gave up on it: job stalled more than allowable limit \/ 队列已放弃该任务：job stalled more than allowable limit$/,
      ),
    });
    // The record is told right after the run is ended (its own write): wait for it rather than race it.
    await until('the import record to fail', async () => (await importOf(jobId)).status === 'failed');
    expect(await importOf(jobId)).toMatchObject({ status: 'failed', stored_file: null });
    const [{ chunks }] = await sql`SELECT count(*)::int AS chunks FROM import_upload_chunks`;
    expect(chunks).toBe(0);
    const listed = await api.http().get(`/jobs/${jobId}`).set(bearer(manager)).expect(200);
    // The API says which process made the last attempt, and keeps the claim's fence token to itself.
    expect(listed.body).toMatchObject({
      status: 'failed',
      attempts: 3,
      claimedBy: expect.stringContaining(`:${lastPid}:`),
    });
    expect(listed.body).not.toHaveProperty('claimToken');
    await last.kill();
  }, 400_000);

  it('a roster whose job is removed from the queue, with a worker running or none, ends failed and refuses a stop', async () => {
    const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(queueNameOf('roster.generate'), { connection, prefix: queuePrefix });
    try {
      // One solve at a time: the second roster waits on the queue behind the first.
      const w = await worker({ JOB_CONCURRENCY: '1' });
      const running = await create('2026-11-30');
      await until('the first solve to run', async () => (await runOf(running.jobId)).status === 'running');
      const waiting = await create('2026-12-07');
      expect(await queue.getJobState(waiting.jobId)).toBe('waiting');
      expect(await queue.remove(waiting.jobId)).toBe(1);
      await until('the removed run to fail', async () => (await runOf(waiting.jobId)).status === 'failed');
      expect(await runOf(waiting.jobId)).toMatchObject({
        attempts: 0,
        error: 'removed from the queue while waiting / 在等待中时被移出队列',
      });
      await until('the removed roster to fail', async () => (await rosterOf(waiting.rosterId)).status === 'failed');
      const refused = await api.http().post(`/rosters/${waiting.rosterId}/stop`).set(bearer(manager)).expect(409);
      expect(refused.body).toMatchObject({ status: 409, state: 'failed' });

      // The running one is stopped for real.
      await api.http().post(`/rosters/${running.rosterId}/stop`).set(bearer(manager)).expect(202);
      await until('the stopped solve to finish', async () => (await runOf(running.jobId)).status === 'completed');
      await w.kill();

      // Removed while no worker runs: the next worker ends it rather than putting it back.
      const orphan = await create('2026-12-14');
      expect(await queue.remove(orphan.jobId)).toBe(1);
      const next = await worker();
      await until('the run removed while no worker ran to fail', async () =>
        (await runOf(orphan.jobId)).status === 'failed' ? true : undefined,
      );
      expect(await queue.getJob(orphan.jobId)).toBeUndefined();
      await until('the orphaned roster to fail', async () => (await rosterOf(orphan.rosterId)).status === 'failed');
      await api.http().post(`/rosters/${orphan.rosterId}/stop`).set(bearer(manager)).expect(409);
      await next.kill();
    } finally {
      await queue.close();
      connection.disconnect();
    }
  }, 400_000);

  it('a stop on a solve whose worker died in its last attempt, with no worker left, fails it and answers 409', async () => {
    const roster = await create('2026-12-21');
    for (const attempt of [1, 2]) {
      const w = await worker();
      await until(`attempt ${attempt} to run`, async () => {
        const run = await runOf(roster.jobId);
        return run.status === 'running' && run.attempts === attempt && run.claimed_by.includes(`:${w.pid}:`);
      });
      await w.kill();
    }
    // Until the dead worker's claim runs out the stop is taken (202); then the solve is known abandoned.
    const refused = await until('the stop to find the solve abandoned', async () => {
      const res = await api.http().post(`/rosters/${roster.rosterId}/stop`).set(bearer(manager));
      return res.status === 409 ? res : undefined;
    });
    expect(refused.body).toMatchObject({ status: 409, code: 'roster.not-running', state: 'failed' });
    expect(await runOf(roster.jobId)).toMatchObject({
      status: 'failed',
      attempts: 2,
      error: expect.stringMatching(
        /stopped, and all 2 attempts have been used \/ 运行它的进程（.+）已停止，2 次尝试均已用完$/,
      ),
    });
    await until('the roster to fail', async () => (await rosterOf(roster.rosterId)).status === 'failed');
    expect(await rosterOf(roster.rosterId)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(
        /stopped, and all 2 attempts have been used \/ 运行它的进程（.+）已停止，2 次尝试均已用完$/,
      ),
    });
  }, 400_000);
});
