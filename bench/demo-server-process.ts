import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

/**
 * What the benchmarks that run the compiled server as its own process share: a free port, the node
 * flags of `npm start`, and a small JSON client for its API.
 */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The node flags `npm start` runs dist/main.js with (the heap cap among them). */
export const startFlags = /exec node (.*?)\s*dist\/main\.js/
  .exec(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).scripts.start)![1]
  .split(/\s+/)
  .filter(Boolean);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the benchmarks read a few fields of several answers
export type Answer = any;

export async function api(
  base: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

export async function waitForJob(base: string, token: string, id: string): Promise<void> {
  for (;;) {
    const run = await api(base, token, 'GET', `/jobs/${id}`);
    if (run.status === 'completed') return;
    if (run.status === 'failed') throw new Error(`job ${run.name} failed: ${run.error}`);
    await sleep(500);
  }
}

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface DemoServer {
  base: string;
  databaseUrl: string;
  databaseName: string;
  pid: number;
  /** Stops the server (orderly when profiling, so the profile is written) and drops its database. */
  stop(): Promise<void>;
}

/**
 * The compiled server as its own process (the node flags of `npm start`) on a fresh database seeded
 * with the whole demo shop, in-process jobs, no schedules. `profile` writes a CPU profile of the
 * server to the temp directory (`wfm-<label>-prof`).
 */
export async function startDemoServer(label: string, { profile = false } = {}): Promise<DemoServer> {
  const databaseName = `wfm_${label}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${databaseName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${tmpdir()}/wfm-${label}-prof`] : [];
  const server = spawn(process.execPath, [...startFlags, ...flags, join(__dirname, '..', 'dist', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'always',
      SCHEDULES: 'off',
      LOG_LEVEL: 'warn',
      WFM_DATA_DIR: mkdtempSync(join(tmpdir(), `wfm-${label}-`)),
      REDIS_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (profile && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    } else server.kill('SIGKILL');
    await sleep(500);
    await admin.unsafe(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
  };
  try {
    for (let i = 0; ; i++) {
      const up = await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i > 600 || server.exitCode !== null) throw new Error('server did not start');
      await sleep(500);
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { base, databaseUrl: url.toString(), databaseName, pid: server.pid!, stop };
}

/** The demo manager's bearer token. */
export const managerToken = async (base: string): Promise<string> =>
  (await api(base, null, 'POST', '/auth/login', { username: 'manager', password: 'demo-manager' })).accessToken;
