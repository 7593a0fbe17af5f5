import { Injectable, Logger } from '@nestjs/common';
import type postgres from 'postgres';
import { Db } from 'src/platform/db/db';
import { bootKeyOf, newRunnerIdentity } from './job-process';

const EVERY_MS = 2_000;

/**
 * Whether the process that claimed a run is still there, told by PostgreSQL itself: a process that
 * runs jobs holds a session lock keyed by its boot id for as long as it lives, and PostgreSQL frees
 * it the moment that session ends (the process killed, its container gone). A process of another
 * container, with the same host name and even the same pid, holds a lock of its own; a pid reused
 * after a restart comes with a new boot id. Neither fools the check.
 */
@Injectable()
export class ProcessPresence {
  private readonly logger = new Logger('Jobs');
  /** This app's runner as its claims record it; its boot id keys the lock. */
  readonly identity = newRunnerIdentity();
  private readonly key = bootKeyOf(this.identity)!;
  private held?: postgres.ReservedSql;
  private timer?: NodeJS.Timeout;
  private keeping = false;

  constructor(private readonly db: Db) {}

  /** Takes this process's lock before its first claim, and takes it again if its session is lost. */
  async hold(): Promise<void> {
    if (this.timer) return;
    await this.take();
    this.timer = setInterval(() => {
      if (this.keeping) return;
      this.keeping = true;
      void this.keep().finally(() => (this.keeping = false));
    }, EVERY_MS);
    this.timer.unref();
  }

  async release(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    const held = this.held;
    this.held = undefined;
    if (!held) return;
    await held`SELECT pg_advisory_unlock_all()`.catch(() => undefined);
    held.release();
  }

  /** Known gone: no session holds its lock (a claim without a boot id is an older version's). */
  async gone(claimedBy: string | null): Promise<boolean> {
    const key = bootKeyOf(claimedBy);
    if (key === undefined) return true;
    const [row] = await this.db.client<{ alive: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND classid::bigint = (hashtext('wfm-job-process')::bigint & 4294967295) AND objid::bigint = ${key}) AS alive`;
    return !row?.alive;
  }

  private async take(): Promise<void> {
    // A reserve on a pool with no connection open yet, or whose connection is lost meanwhile, is
    // handed a connection by the patched driver (patches/, test/db-driver-reserve).
    const held = await this.db.client.reserve();
    try {
      const [row] = await held<{ got: boolean }[]>`
        SELECT pg_try_advisory_lock(hashtext('wfm-job-process'), ${this.key | 0}) AS got`;
      if (!row?.got) throw new Error(`another session holds the lock of ${this.identity}`);
    } catch (e) {
      held.release();
      throw e;
    }
    this.held = held;
  }

  /** Its session still holds the lock (taken again on a session that lost it), or a new one takes it. */
  private async keep(): Promise<void> {
    try {
      if (this.held) {
        const [row] = await this.held<{ held: boolean }[]>`
          SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'advisory'
            AND objsubid = 2 AND classid::bigint = (hashtext('wfm-job-process')::bigint & 4294967295)
            AND objid::bigint = ${this.key}) THEN true
          ELSE pg_try_advisory_lock(hashtext('wfm-job-process'), ${this.key | 0}) END AS held`;
        if (row?.held) return;
      }
    } catch {
      // Its session is gone: a new one takes the lock below.
    }
    this.held?.release();
    this.held = undefined;
    await this.take().catch((e: unknown) =>
      this.logger.warn({ err: (e as Error).message }, 'this process could not show itself alive; retrying'),
    );
  }
}
