#!/usr/bin/env node
/**
 * `npm start` (and the other run scripts) call this first: it builds dist/ with the Nest CLI (swc,
 * no type check: that is `npm run typecheck`) only when a source or build setting is newer than the
 * last build, so a second start on an unchanged checkout skips the build. A lock folder keeps two
 * processes started together (replicas) from building over each other.
 */
const { execFileSync } = require('node:child_process');
const { mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');
const lock = join(root, '.build-lock');
const inputs = [
  'src',
  'nest-cli.json',
  '.swcrc',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'package-lock.json',
];

/** Newest modification time under a path; folders count too, so a deleted or renamed file is seen. */
function newest(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stats.mtimeMs);
}

function builtAt() {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return 0;
  }
}

const stale = () => inputs.reduce((max, p) => Math.max(max, newest(join(root, p))), 0) >= builtAt();

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withLock(work) {
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock older than five minutes was left by a killed build.
      if (Date.now() - statSync(lock).mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (waited % 10_000 === 0) process.stderr.write('waiting for another build of dist/ to finish\n');
      sleep(200);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (stale()) {
  withLock(() => {
    if (!stale()) return; // built by the process we waited for
    const started = Date.now();
    process.stderr.write('building dist/ (sources changed since the last build)\n');
    execFileSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    writeFileSync(stamp, new Date(started).toISOString() + '\n');
    // Stamped with the build's start: a file saved while it ran makes the next start build again.
    utimesSync(stamp, started / 1000, started / 1000);
    process.stderr.write(`built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });
}
