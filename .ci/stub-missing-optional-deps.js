#!/usr/bin/env node
// The registry reachable here lacks some platform builds of optional native add-ons (darwin,
// win32, arm … builds of msgpackr-extract and unrs-resolver), so `npm install` leaves them out of
// package-lock.json and `npm ci` then refuses the lock as out of sync. This records each missing
// one with its os/cpu, so `npm ci` sees it as present and skips it on this platform as it would
// anyway. Run after `npm install` changes the lock: `node .ci/stub-missing-optional-deps.js`.
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const cpus = ['x64', 'arm64', 'arm', 'ia32', 'ppc64', 'riscv64', 's390x', 'loong64'];
const systems = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony'];
let added = 0;
for (const [where, meta] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${where ? `${where}/` : ''}node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue;
    const parts = name.split('/').pop().split('-');
    const os = systems.find((s) => parts.includes(s));
    const cpu = cpus.find((c) => parts.includes(c)) ?? (parts.includes('eabi') ? 'arm' : undefined);
    if (!os || !cpu) throw new Error(`cannot tell the platform of ${name}`);
    if (os === 'linux' && cpu === 'x64') throw new Error(`${name} is this platform's own build: it must be installed, not stubbed`);
    lock.packages[nested] = { version, cpu: [cpu], os: [os], optional: true };
    added++;
  }
}
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
process.stdout.write(`stubbed ${added} optional platform package(s) missing from the registry\n`);
