import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db } from 'src/platform/db/db';
import { NodeProcess, waitUntil as until } from './support/server-process';
import { LONG_SOLVE as ROSTER } from './support/files';
import { processStopped } from './support/run-end-reasons';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { startAppServer } from './support/test-app-server';

/**
 * Whether the process holding a run is alive is told by PostgreSQL (a session lock per process
 * start), not by host name and pid: a container with the same host name sees pids of another
 * namespace, and a pid is reused after a restart. Servers are real child processes.
 */
describe('who holds a run: a process start, not a host name and pid (e2e)', () => {
  let t: TestApp;
  let sql: Db['client'];
  let manager: string;
  const started: NodeProcess[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    sql = t.app.get(Db).client;
    manager = await t.tokenFor('manager');
  }, 180_000);
  afterAll(async () => {
    await Promise.all(started.map((p) => p.kill()));
    await t.close();
  }, 300_000);
  afterEach(async () => {
    await Promise.all(started.map((p) => p.kill()));
  }, 300_000);

  const runOf = async (id: string) =>
    (await sql`SELECT status, attempts, claimed_by, error FROM job_runs WHERE id = ${id}`)[0];
  const server = (env: Record<string, string> = {}) =>
    startAppServer(t, started, { WFM_DATA_DIR: mkdtempSync(join(tmpdir(), 'wfm-identity-')), ...env });
  const solving = async (first: Awaited<ReturnType<typeof server>>) => {
    const roster = (await first.http().post('/rosters').set(bearer(manager)).send(ROSTER).expect(202)).body;
    await until('the solve to run', async () => (await runOf(roster.jobId)).status === 'running');
    const [host, , boot] = ((await runOf(roster.jobId)).claimed_by as string).split(':');
    return {
      roster,
      claimedAs: (pid: number) =>
        sql`UPDATE job_runs SET claimed_by = ${`${host}:${pid}:${boot}`} WHERE id = ${roster.jobId}`,
    };
  };

  it('a live server’s run is left to it by a start that reads its claim as another container would (same host name, a pid dead here)', async () => {
    const first = await server();
    const { roster, claimedAs } = await solving(first);
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid;
    await claimedAs(deadPid);
    // The second start recovers what stopped processes left running: this run's process has not stopped.
    await server();
    expect(await runOf(roster.jobId)).toMatchObject({ status: 'running', attempts: 1 });
    await first.http().post(`/rosters/${roster.rosterId}/stop`).set(bearer(manager)).expect(202);
    await until('the solve to stop', async () => (await runOf(roster.jobId)).status === 'completed');
    expect(await runOf(roster.jobId)).toMatchObject({
      attempts: 1,
      claimed_by: expect.stringContaining(`:${deadPid}:`),
    });
  }, 400_000);

  it('a killed server’s run whose pid a live process took is resumed by the next start, not left to its heartbeat', async () => {
    const first = await server({ JOB_LOCK_MS: '600000' });
    const { roster, claimedAs } = await solving(first);
    await first.kill();
    await claimedAs(process.pid);
    const second = await server({ JOB_LOCK_MS: '600000' });
    await until('the next start to resume it', async () => {
      const run = await runOf(roster.jobId);
      return run.attempts === 2 && run.claimed_by.includes(`:${second.pid}:`);
    });
  }, 400_000);

  it('a solve abandoned in its last attempt reads as failed at once, with no stop and no worker to notice', async () => {
    const first = await server({ JOB_LOCK_MS: '600000' });
    const { roster } = await solving(first);
    await sql`UPDATE job_runs SET attempts = max_attempts WHERE id = ${roster.jobId}`;
    await first.kill();
    // An API replica: it runs no job and recovers nothing at its start.
    const reader = await server({
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `wfmidentity${randomBytes(4).toString('hex')}`,
      WORKERS: 'off',
      JOB_LOCK_MS: '600000',
    });
    expect((await runOf(roster.jobId)).status).toBe('running');
    // PostgreSQL ends the killed server's session as soon as it sees its socket closed.
    const view = await until('the roster to read as failed', async () => {
      const body = (await reader.http().get(`/rosters/${roster.rosterId}`).set(bearer(manager)).expect(200)).body;
      // Still `queued` when the server was killed before it told the roster its solve had started.
      return !['queued', 'running'].includes(body.status) && body;
    });
    expect(view).toMatchObject({ status: 'failed', error: expect.stringMatching(processStopped) });
    const run = (await reader.http().get(`/jobs/${roster.jobId}`).set(bearer(manager)).expect(200)).body;
    expect(run).toMatchObject({ status: 'failed', attempts: 2 });
  }, 400_000);
});
