import type { INestApplicationContext } from '@nestjs/common';

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];

/**
 * One orderly stop for the server and the worker, listening from the first line of main: on
 * SIGTERM/SIGINT/SIGHUP (or when the embedded database goes away) the app is closed — HTTP
 * listener, jobs, Redis, database pool, then the embedded PostgreSQL — and the process exits. A
 * signal repeated while stopping (npm forwards the terminal's Ctrl-C that the process already
 * received) changes nothing; after the grace period the process exits anyway. A signal before the
 * app exists exits at once: the embedded database's exit handler still stops it.
 */
export class ProcessLifecycle {
  private app?: INestApplicationContext;
  private stopping = false;
  /** How long running jobs may take to finish after a stop signal (SHUTDOWN_GRACE_SECONDS). */
  private graceMs = 60_000;

  constructor(private log: (message: string) => void = (m) => process.stderr.write(m + '\n')) {
    for (const signal of SIGNALS) process.on(signal, () => void this.stop(`received ${signal}`, 0));
  }

  attach(app: INestApplicationContext, log: (message: string) => void, graceMs = this.graceMs): void {
    this.app = app;
    this.graceMs = graceMs;
    this.log = log;
  }

  async stop(reason: string, exitCode: number): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.log(`stopping: ${reason}`);
    if (!this.app) process.exit(exitCode || 1);
    setTimeout(() => {
      this.log(`not stopped within ${this.graceMs / 1000} s: exiting now`);
      process.exit(exitCode || 1);
    }, this.graceMs).unref();
    try {
      await this.app.close();
      this.log('stopped');
    } catch (error) {
      this.log(`stopped with an error: ${describeError(error)}`);
      exitCode = exitCode || 1;
    }
    process.exit(exitCode);
  }
}

/**
 * The message and every cause under it: a failed query reports "Failed query: …" while the
 * database's own reason (a unique violation, a refused connection) is its cause.
 */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (!(current instanceof Error)) {
      parts.push(String(current));
      break;
    }
    const pg = current as Error & { code?: string; detail?: string; constraint_name?: string };
    const extra = [pg.code && `code ${pg.code}`, pg.constraint_name && `constraint ${pg.constraint_name}`, pg.detail]
      .filter(Boolean)
      .join('; ');
    parts.push(current.message.split('\n')[0].slice(0, 500) + (extra ? ` (${extra})` : ''));
    current = current.cause;
  }
  return parts.join('\n  caused by: ');
}
