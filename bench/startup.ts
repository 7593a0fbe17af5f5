/**
 * `npm start` as a new user meets it: the first start on a clean checkout (dist/ removed, a new
 * data folder: swc build, initdb, migrations, the whole demo seeded) and a second start on the
 * unchanged checkout (no build, no seeding), each timed from the command to a healthy /health;
 * then SIGTERM and the time to a clean stop. `npx tsx bench/startup.ts` (runs no Nest code itself).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');

async function timedStart(
  dataDir: string,
): Promise<{ healthySeconds: number; stopSeconds: number; built: boolean; seeded: boolean }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WFM_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    SCHEDULES: 'off',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const started = performance.now();
  const npm = spawn('npm', ['start', '--silent'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  npm.stdout.on('data', (c: Buffer) => (output += c.toString()));
  npm.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((r) => npm.once('exit', () => r()));
  let port: number | undefined;
  for (;;) {
    if (npm.exitCode !== null) throw new Error(`npm start exited:\n${output.slice(-3000)}`);
    port ??= Number(/Health: +http:\/\/localhost:(\d+)\/health/.exec(output)?.[1]) || undefined;
    if (
      port &&
      (await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status === 200,
        () => false,
      ))
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const healthySeconds = (performance.now() - started) / 1000;
  const stopping = performance.now();
  npm.kill('SIGTERM');
  await exited;
  return {
    healthySeconds,
    stopSeconds: (performance.now() - stopping) / 1000,
    built: output.includes('building dist/'),
    seeded: output.includes('demo shop ready'),
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wfm-startup-'));
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  try {
    const loadBefore = load();
    const first = await timedStart(dataDir);
    const second = await timedStart(dataDir);
    process.stdout.write(
      `${JSON.stringify({ date: new Date().toISOString(), loadBefore, loadAfter: load(), first, second }, null, 2)}\n`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
