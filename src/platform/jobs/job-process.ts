import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * A runner of jobs as a run records it (`job_runs.claimed_by`): host and pid for people to read, and
 * a boot id, random for every app started, that says whether it is alive (ProcessPresence): a pid is
 * reused (a container's server is pid 1 at every start), two containers may share a host name, and
 * one process may run several apps (replicas in the tests), so neither decides anything.
 */
export function newRunnerIdentity(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** The boot id of a claim as a number (its session lock's key); undefined for an older claim. */
export function bootKeyOf(claimedBy: string | null): number | undefined {
  const boot = claimedBy?.split(':').at(-1);
  return boot && /^[0-9a-f]{8}$/.test(boot) ? parseInt(boot, 16) : undefined;
}
