import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');

/** Builds dist/ the way `npm start` does (only when sources changed since the last build). */
export function buildIfStale(): void {
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build-if-stale.js')], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie is dead for our purpose (its parent has not reaped it yet).
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z');
  } catch {
    return false;
  }
}

/** The direct children of a process, from /proc (Linux). */
export function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (ppid === pid) children.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 90_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `waitFor` with a probe that asks over the network or the database. */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 120_000,
): Promise<T> {
  for (const end = Date.now() + timeoutMs; ;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export type ServerTree = {
  npm: ChildProcess;
  npmPid: number;
  nodePid: number;
  postgresPid: number | undefined;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
};

/**
 * `npm start` as a user runs it, in its own process group (like a terminal's foreground job), with
 * the embedded database in `dataDir`. Resolves once the server printed its URLs.
 */
export async function startServerTree(dataDir: string, env: Record<string, string> = {}): Promise<ServerTree> {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    WFM_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'never',
    SCHEDULES: 'off',
    LOG_LEVEL: 'info',
    ...env,
  };
  delete environment.DATABASE_URL;
  delete environment.REDIS_URL;
  const npm = spawn('npm', ['start', '--silent'], {
    cwd: repoRoot,
    env: environment,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  npm.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((r) => npm.once('exit', (code) => r(code)));
  const port = await waitFor('the server to print its URLs', () => {
    if (npm.exitCode !== null) throw new Error(`npm start exited (${npm.exitCode}):\n${output}`);
    const m = /Health: +http:\/\/localhost:(\d+)\/health/.exec(output);
    return m ? Number(m[1]) : undefined;
  });
  const nodePid = childrenOf(npm.pid!)[0];
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  const postgresPid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : undefined;
  return { npm, npmPid: npm.pid!, nodePid, postgresPid, port, output: () => output, exited };
}

/** After a failed test: nothing of the tree may outlive it. */
export function killTree(tree: ServerTree | undefined): void {
  if (!tree) return;
  for (const pid of [tree.npmPid, tree.nodePid, tree.postgresPid]) {
    if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
  }
}

export type NodeProcess = {
  child: ChildProcess;
  pid: number;
  output: () => string;
  match: RegExpExecArray;
  kill: () => Promise<void>;
};

function spawnNode(script: 'main.js' | 'worker.js', env: Record<string, string>, cwd: string): ChildProcess {
  buildIfStale();
  const environment: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const key of ['DATABASE_URL', 'REDIS_URL'] as const) if (!(key in env)) delete environment[key];
  return spawn(process.execPath, [join(repoRoot, 'dist', script)], {
    cwd,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * `node dist/<script>` (built first) with only the given environment on top of this one's, resolved
 * once its output matches `ready`. `kill` ends it with SIGKILL, as a crash or the OOM killer would.
 * `cwd` (default: the repository) stands for another host's working folder.
 */
export async function startNodeProcess(
  script: 'main.js' | 'worker.js',
  env: Record<string, string>,
  ready: RegExp,
  cwd = repoRoot,
  readyWithinMs = 90_000,
): Promise<NodeProcess> {
  const child = spawnNode(script, env, cwd);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // One that never gets ready is not left behind.
  const match = await waitFor(
    `${script} to be ready`,
    () => {
      if (child.exitCode !== null) throw new Error(`${script} exited (${child.exitCode}):\n${output}`);
      return ready.exec(output) ?? undefined;
    },
    readyWithinMs,
  ).catch((e: unknown) => {
    child.kill('SIGKILL');
    throw e;
  });
  return {
    child,
    pid: child.pid!,
    output: () => output,
    match,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * `node dist/<script>` expected to stop by itself (a failed boot): its exit code and everything it
 * printed. One still running after `limitMs` is killed (and its code is null) so no test leaves it.
 */
export async function runNodeProcess(
  script: 'main.js' | 'worker.js',
  env: Record<string, string>,
  limitMs = 300_000,
): Promise<{ code: number | null; output: string }> {
  const child = spawnNode(script, env, repoRoot);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const limit = setTimeout(() => child.kill('SIGKILL'), limitMs);
  const code = await new Promise<number | null>((r) => child.once('close', (c) => r(c)));
  clearTimeout(limit);
  return { code, output };
}
