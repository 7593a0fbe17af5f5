import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  alive,
  buildIfStale,
  childrenOf,
  killTree,
  ServerTree,
  startServerTree,
  waitFor,
} from './support/server-process';

/**
 * `npm start` → node → embedded postgres, as real processes: whichever of them is signalled, the
 * server stops in order, says so, and leaves no process behind.
 */
describe('stopping the server (real processes)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wfm-stop-'));
  let tree: ServerTree | undefined;

  beforeAll(() => buildIfStale(), 180_000);
  afterEach(() => killTree(tree), 300_000);

  async function expectAllGone(t: ServerTree): Promise<void> {
    await t.exited;
    await waitFor(
      'node and postgres to exit',
      () => !alive(t.nodePid) && !(t.postgresPid && alive(t.postgresPid)),
      30_000,
    );
  }

  const healthy = async (t: ServerTree) => {
    const res = await fetch(`http://127.0.0.1:${t.port}/health`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { database: unknown }).database).toEqual({ status: 'up', embedded: true });
  };

  it('SIGTERM to npm: npm forwards it, the server closes, stops its PostgreSQL and logs it', async () => {
    tree = await startServerTree(dataDir);
    expect(tree.postgresPid).toBeGreaterThan(0);
    expect(childrenOf(tree.nodePid)).toContain(tree.postgresPid);
    await healthy(tree);
    process.kill(tree.npmPid, 'SIGTERM');
    await expectAllGone(tree);
    expect(tree.output()).toMatch(/stopping: received SIGTERM/);
    expect(tree.output()).toMatch(/database connections closed/);
    expect(tree.output()).toMatch(/embedded PostgreSQL stopped \(pid \d+\)/);
    expect(tree.output()).toMatch(/"msg":"stopped"/);
  }, 150_000);

  it('SIGINT to node alone: the server stops, then npm ends', async () => {
    tree = await startServerTree(dataDir);
    process.kill(tree.nodePid, 'SIGINT');
    await expectAllGone(tree);
    expect(tree.output()).toMatch(/stopping: received SIGINT/);
    expect(tree.output()).toMatch(/embedded PostgreSQL stopped/);
  }, 150_000);

  it('Ctrl-C in a terminal (SIGINT to the whole foreground group): one orderly stop', async () => {
    tree = await startServerTree(dataDir);
    process.kill(-tree.npmPid, 'SIGINT');
    await expectAllGone(tree);
    expect(tree.output().match(/stopping: received SIGINT/g)).toHaveLength(1);
    expect(tree.output()).toMatch(/embedded PostgreSQL stopped/);
  }, 150_000);

  it('SIGTERM to postgres: the server notices, stops itself and npm ends (non-zero)', async () => {
    tree = await startServerTree(dataDir);
    process.kill(tree.postgresPid!, 'SIGTERM');
    expect(await tree.exited).not.toBe(0);
    await expectAllGone(tree);
    expect(tree.output()).toMatch(/stopping: embedded PostgreSQL received a smart shutdown request/);
  }, 150_000);

  it('a second start on the unchanged checkout does not build again; the swc build injects, validates and documents', async () => {
    tree = await startServerTree(dataDir);
    expect(tree.output()).not.toMatch(/building dist/);
    await healthy(tree);
    const refused = await fetch(`http://127.0.0.1:${tree.port}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: '' }),
    });
    expect(refused.status).toBe(400);
    expect(
      ((await refused.json()) as { code: string; errors: { field: string }[] }).errors.map((e) => e.field).sort(),
    ).toEqual(['password', 'username']);
    const docs = (await (await fetch(`http://127.0.0.1:${tree.port}/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/auth/login', '/rosters', '/rankings']));
    // The page's scripts reach the browser as written (ES modules): a build that compiled them to
    // CommonJS once left the page blank.
    for (const asset of ['app.js', 'screens/index.js', 'screens/roster.js']) {
      const served = await fetch(`http://127.0.0.1:${tree.port}/assets/${asset}`);
      expect({ asset, status: served.status, body: await served.text() }).toEqual({
        asset,
        status: 200,
        body: readFileSync(join(__dirname, '..', 'src', 'web', 'assets', asset), 'utf8'),
      });
    }
    process.kill(tree.npmPid, 'SIGTERM');
    await expectAllGone(tree);
  }, 150_000);
});
