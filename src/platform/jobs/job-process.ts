import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

const host = hostname();
const boot = randomBytes(4).toString('hex');

/**
 * This process as a run records it (`job_runs.claimed_by`): host, pid and a boot id, because pids
 * are reused (a container's server is pid 1 at every start).
 */
export const thisProcess = `${host}:${process.pid}:${boot}`;

/**
 * Whether the process that claimed a run is known to be gone without waiting for its heartbeat
 * to age: it ran on this host and its pid is dead, or its pid is ours now under another boot id.
 * A process on another host is judged by its heartbeat alone.
 */
export function processGone(claimedBy: string | null): boolean {
  if (!claimedBy) return true;
  const [claimHost, pidText, claimBoot] = claimedBy.split(':');
  if (claimHost !== host) return false;
  const pid = Number(pidText);
  if (pid === process.pid) return claimBoot !== boot;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    // EPERM: a process of another user holds that pid now, which is not our server either.
    return (e as NodeJS.ErrnoException).code === 'ESRCH' || (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
