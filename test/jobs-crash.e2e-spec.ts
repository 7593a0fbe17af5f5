import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db } from 'src/platform/db/db';
import { spawn } from 'node:child_process';
import { buildIfStale, NodeProcess, repoRoot, startNodeProcess, waitUntil as until } from './support/server-process';
import { LONG_SOLVE as ROSTER, volumeFile } from './support/files';
import { processStopped, lastAttemptStopped } from './support/run-end-reasons';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { startAppServer } from './support/test-app-server';

/**
 * Processes that die mid-job (SIGKILL: no shutdown code runs) on real child processes: what they
 * left running is resumed or failed, never left `running` forever, and the record it works on
 * (a roster, an import) says the same as its run.
 */
describe('jobs whose process is killed mid-run (e2e)', () => {
  let t: TestApp;
  let sql: Db['client'];
  const started: NodeProcess[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    sql = t.app.get(Db).client;
  }, 300_000);
  afterAll(async () => {
    await Promise.all(started.map((p) => p.kill()));
    await t.close();
  }, 300_000);

  const runOf = async (id: string) =>
    (await sql`SELECT status, attempts, claimed_by, error FROM job_runs WHERE id = ${id}`)[0];
  const server = (env: Record<string, string>) => startAppServer(t, started, env);

  it('in-process jobs: on start, a killed server’s import is resumed and its roster solve resumed, then failed once no attempt is left', async () => {
    const manager = await t.tokenFor('manager');
    const env = { WFM_DATA_DIR: mkdtempSync(join(tmpdir(), 'wfm-crash-')), IMPORT_SYNC_MAX_MB: '0.01' };
    const first = await server(env);
    const roster = (await first.http().post('/rosters').set(bearer(manager)).send(ROSTER).expect(202)).body;
    const rows = 60_000;
    const imported = (
      await first
        .http()
        .post('/imports/volume')
        .set(bearer(manager))
        .attach('file', volumeFile(rows), 'volume.csv')
        .expect(202)
    ).body;
    await until(
      'both jobs to run',
      async () =>
        (await runOf(roster.jobId)).status === 'running' && (await runOf(imported.jobId)).status === 'running',
    );
    await first.kill();
    expect(await runOf(imported.jobId)).toMatchObject({
      status: 'running',
      attempts: 1,
      claimed_by: expect.stringContaining(`:${first.pid}:`),
    });

    // The next start puts both back in line: the import reads its stored upload again.
    const second = await server(env);
    await until('the import to complete', async () => (await runOf(imported.jobId)).status === 'completed');
    expect(await runOf(imported.jobId)).toMatchObject({
      attempts: 2,
      claimed_by: expect.stringContaining(`:${second.pid}:`),
    });
    const [record] = await sql`SELECT status, rows, stored_file FROM imports WHERE job_run_id = ${imported.jobId}`;
    expect(record).toEqual({ status: 'completed', rows, stored_file: null });
    await until(
      'the roster to be solved again',
      async () => (await runOf(roster.jobId)).attempts === 2 && (await runOf(roster.jobId)).status === 'running',
    );

    // Killed again during its last attempt: the next start fails the run and the roster with it.
    await second.kill();
    const third = await server(env);
    expect(await runOf(roster.jobId)).toMatchObject({
      status: 'failed',
      attempts: 2,
      // The process by host and pid (no boot id), in both languages.
      error: expect.stringMatching(
        new RegExp(
          `\\(\\S+:${second.pid}\\) stopped during attempt 2, its last / 运行它的进程（\\S+:${second.pid}）在第 2 次（最后一次）尝试中停止$`,
        ),
      ),
    });
    const view = (await third.http().get(`/rosters/${roster.rosterId}`).set(bearer(manager)).expect(200)).body;
    expect(view).toMatchObject({ status: 'failed', error: expect.stringMatching(lastAttemptStopped) });
    const stop = await third.http().post(`/rosters/${roster.rosterId}/stop`).set(bearer(manager)).expect(409);
    expect(stop.body).toMatchObject({ status: 409, state: 'failed' });
    await third.kill();
  }, 400_000);

  it('a start killed while it fails a run and tells its roster leaves both to the next start, never the run failed and the roster running', async () => {
    const manager = await t.tokenFor('manager');
    const env = { WFM_DATA_DIR: mkdtempSync(join(tmpdir(), 'wfm-crash-')) };
    const first = await server(env);
    const roster = (await first.http().post('/rosters').set(bearer(manager)).send(ROSTER).expect(202)).body;
    await until('the solve to run', async () => (await runOf(roster.jobId)).status === 'running');
    await first.kill();
    // Its last attempt: the next start gives the run up and tells the roster.
    await sql`UPDATE job_runs SET attempts = max_attempts WHERE id = ${roster.jobId}`;
    const held = await sql.reserve();
    await held`BEGIN`;
    await held`SELECT 1 FROM rosters WHERE id = ${roster.rosterId} FOR UPDATE`;
    buildIfStale();
    const env2 = { ...process.env, DATABASE_URL: t.databaseUrl, JWT_SECRET: t.config.jwtSecret!, PORT: '0' };
    const second = spawn(process.execPath, [join(repoRoot, 'dist', 'main.js')], {
      env: { ...env2, ...env, SEED_DEMO: 'never', SCHEDULES: 'off', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    const exited = new Promise((r) => second.once('exit', r));
    // The second start is telling the roster (waiting for our lock on it) when it is killed.
    await until(
      'the start to wait on the roster',
      async () =>
        (await sql`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE 'update "rosters"%'`)
          .length > 0,
    );
    second.kill('SIGKILL');
    await exited;
    // What it had not sent when it died is not done: its waiting statement goes with it.
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE wait_event_type = 'Lock' AND query ILIKE 'update "rosters"%'`;
    await held`ROLLBACK`;
    held.release();
    const third = await server(env);
    await until('the run to fail', async () => (await runOf(roster.jobId)).status === 'failed');
    const view = (await third.http().get(`/rosters/${roster.rosterId}`).set(bearer(manager)).expect(200)).body;
    expect(view).toMatchObject({ status: 'failed', error: expect.stringMatching(lastAttemptStopped) });
    await third.kill();
  }, 400_000);

  it('BullMQ workers: a roster whose workers are killed in every attempt ends failed, and a stop is refused', async () => {
    const queuePrefix = `wfmcrash${randomBytes(4).toString('hex')}`;
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const api = await server({
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: queuePrefix,
      WORKERS: 'off',
      WFM_DATA_DIR: mkdtempSync(join(tmpdir(), 'wfm-crash-')),
    });
    const manager = await t.tokenFor('manager');
    const worker = async () => {
      const env = {
        DATABASE_URL: t.databaseUrl,
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: queuePrefix,
        JOB_LOCK_MS: '1500',
        JWT_SECRET: t.config.jwtSecret!,
        SCHEDULES: 'off',
        LOG_LEVEL: 'info',
      };
      const p = await startNodeProcess('worker.js', env, /worker started/);
      started.push(p);
      return p;
    };
    const roster = (await api.http().post('/rosters').set(bearer(manager)).send(ROSTER).expect(202)).body;
    for (const attempt of [1, 2]) {
      const w = await worker();
      await until(`attempt ${attempt} to run`, async () => {
        const run = await runOf(roster.jobId);
        return run.status === 'running' && run.attempts === attempt && run.claimed_by.includes(`:${w.pid}:`);
      });
      await w.kill();
    }
    // The next worker receives the stalled job again and finds every attempt used.
    const last = await worker();
    await until('the run to fail', async () => (await runOf(roster.jobId)).status === 'failed');
    expect(await runOf(roster.jobId)).toMatchObject({ attempts: 2, error: expect.stringMatching(processStopped) });
    const view = (await api.http().get(`/rosters/${roster.rosterId}`).set(bearer(manager)).expect(200)).body;
    expect(view.status).toBe('failed');
    const stop = await api.http().post(`/rosters/${roster.rosterId}/stop`).set(bearer(manager)).expect(409);
    expect(stop.body).toMatchObject({ status: 409, state: 'failed' });
    await last.kill();
    await api.kill();
  }, 400_000);
});
