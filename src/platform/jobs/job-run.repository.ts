import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, inArray, isNull, lt, or, SQL, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { jobRuns } from 'src/platform/db/schema';

export type JobRun = typeof jobRuns.$inferSelect;
export type JobStatus = 'queued' | 'running' | 'retrying' | 'completed' | 'failed';
export type NewJobRun = Pick<
  typeof jobRuns.$inferInsert,
  'shopId' | 'name' | 'params' | 'maxAttempts' | 'dedupeKey' | 'coalesceKey' | 'parentRunId' | 'requestedBy'
>;

@Injectable()
export class JobRunRepository {
  constructor(private readonly db: Db) {}

  /**
   * Inserts the run, or returns null when a run with the same dedupe key already exists (or, with
   * `coalesce`, a run with the same coalesce key is still waiting).
   */
  async insert(values: NewJobRun, key: 'dedupe' | 'coalesce' = 'dedupe'): Promise<JobRun | null> {
    const insert = this.db.q.insert(jobRuns).values({ ...values, status: 'queued' });
    const [row] = await (
      key === 'coalesce'
        ? insert.onConflictDoNothing({ target: jobRuns.coalesceKey, where: sql`${jobRuns.status} = 'queued'` })
        : insert.onConflictDoNothing({ target: jobRuns.dedupeKey })
    ).returning();
    return row ?? null;
  }

  /** The run with this coalesce key that has not started yet, if any. */
  async findWaiting(coalesceKey: string): Promise<JobRun | undefined> {
    const [row] = await this.db.q
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.coalesceKey, coalesceKey), eq(jobRuns.status, 'queued')))
      .limit(1);
    return row;
  }

  async findByDedupeKey(key: string): Promise<JobRun | undefined> {
    const [row] = await this.db.q.select().from(jobRuns).where(eq(jobRuns.dedupeKey, key)).limit(1);
    return row;
  }

  async find(id: string, shopId?: string): Promise<JobRun | undefined> {
    const [row] = await this.db.q
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.id, id), shopId ? eq(jobRuns.shopId, shopId) : undefined))
      .limit(1);
    return row;
  }

  async remove(id: string): Promise<void> {
    await this.db.q.delete(jobRuns).where(eq(jobRuns.id, id));
  }

  /**
   * Takes the run for one attempt under a new fence token: a run waiting (queued, retrying), or
   * one whose holder stopped beating for `leaseMs` while attempts are left. Counts the start.
   * Undefined when someone else holds it or it is finished.
   */
  async claim(id: string, token: string, claimedBy: string, leaseMs: number): Promise<JobRun | undefined> {
    const [row] = await this.db.q
      .update(jobRuns)
      .set({
        status: 'running',
        attempts: sql`${jobRuns.attempts} + 1`,
        claimToken: token,
        claimedBy,
        heartbeatAt: sql`now()`,
        startedAt: sql`coalesce(${jobRuns.startedAt}, now())`,
        error: null,
      })
      .where(
        and(
          eq(jobRuns.id, id),
          or(
            inArray(jobRuns.status, ['queued', 'retrying']),
            and(eq(jobRuns.status, 'running'), this.expired(leaseMs), lt(jobRuns.attempts, jobRuns.maxAttempts)),
          ),
        ),
      )
      .returning();
    return row;
  }

  /** The holder is alive; false when the claim is no longer this token's. */
  async beat(id: string, token: string): Promise<boolean> {
    const rows = await this.db.q
      .update(jobRuns)
      .set({ heartbeatAt: sql`now()` })
      .where(and(eq(jobRuns.id, id), eq(jobRuns.claimToken, token), eq(jobRuns.status, 'running')))
      .returning({ id: jobRuns.id });
    return rows.length > 0;
  }

  /**
   * Inside the transaction that stores a result: locks the run row while the token still holds
   * it, so a takeover waits for this commit and a stale attempt cannot commit.
   */
  async holdClaim(id: string, token: string): Promise<boolean> {
    const rows = await this.db.q
      .select({ id: jobRuns.id })
      .from(jobRuns)
      .where(and(eq(jobRuns.id, id), eq(jobRuns.claimToken, token), eq(jobRuns.status, 'running')))
      .for('update');
    return rows.length > 0;
  }

  /** Whether the run's holder counts as stopped: no heartbeat for `leaseMs`. */
  isExpired(run: JobRun, leaseMs: number, now = Date.now()): boolean {
    return !run.heartbeatAt || run.heartbeatAt.getTime() < now - leaseMs;
  }

  async progressed(id: string, progress: number, note: string | null): Promise<void> {
    await this.db.q.update(jobRuns).set({ progress, progressNote: note }).where(eq(jobRuns.id, id));
  }

  /** Records the attempt's outcome if the token still holds the run; false when it lost its claim. */
  async finished(
    id: string,
    token: string,
    status: 'completed' | 'failed' | 'retrying',
    fields: { error?: string | null; result?: Record<string, unknown> | null },
  ): Promise<boolean> {
    const done = status !== 'retrying';
    const rows = await this.db.q
      .update(jobRuns)
      .set({
        status,
        error: fields.error ?? null,
        ...(fields.result !== undefined ? { result: fields.result } : {}),
        ...(status === 'completed' ? { progress: 100 } : {}),
        ...(done ? { finishedAt: sql`now()` } : {}),
      })
      .where(and(eq(jobRuns.id, id), eq(jobRuns.claimToken, token), eq(jobRuns.status, 'running')))
      .returning({ id: jobRuns.id });
    return rows.length > 0;
  }

  /**
   * Fails a run that will not run again (its worker stopped too often, BullMQ gave up), with its
   * unfinished steps; the run when it was still unfinished, so the caller tells its owner once.
   */
  async giveUp(id: string, reason: string): Promise<JobRun | undefined> {
    const unfinished = inArray(jobRuns.status, ['queued', 'running', 'retrying']);
    const [row] = await this.db.q
      .update(jobRuns)
      .set({ status: 'failed', error: reason, finishedAt: sql`now()` })
      .where(and(eq(jobRuns.id, id), unfinished))
      .returning();
    if (row)
      await this.db.q
        .update(jobRuns)
        .set({ status: 'failed', error: reason, finishedAt: sql`now()` })
        .where(and(eq(jobRuns.parentRunId, id), unfinished));
    return row;
  }

  /** Puts a run whose process stopped back in line (its attempt counted), if it is still that process's. */
  async release(id: string, claimedBy: string | null, reason: string): Promise<boolean> {
    const rows = await this.db.q
      .update(jobRuns)
      .set({ status: 'retrying', claimToken: null, error: reason })
      .where(
        and(
          eq(jobRuns.id, id),
          eq(jobRuns.status, 'running'),
          claimedBy ? eq(jobRuns.claimedBy, claimedBy) : isNull(jobRuns.claimedBy),
        ),
      )
      .returning({ id: jobRuns.id });
    return rows.length > 0;
  }

  /** Runs some process holds right now (or held when it stopped). */
  running(): Promise<JobRun[]> {
    return this.db.q.select().from(jobRuns).where(eq(jobRuns.status, 'running'));
  }

  private expired(leaseMs: number): SQL {
    return sql`(${jobRuns.heartbeatAt} is null or ${jobRuns.heartbeatAt} < now() - ${leaseMs} * interval '1 millisecond')`;
  }

  async list(
    shopId: string,
    filter: { status?: string; name?: string; parentRunId?: string; limit: number; offset: number },
  ): Promise<{ rows: JobRun[]; total: number }> {
    const where = and(
      eq(jobRuns.shopId, shopId),
      filter.status ? eq(jobRuns.status, filter.status) : undefined,
      filter.name ? eq(jobRuns.name, filter.name) : undefined,
      filter.parentRunId ? eq(jobRuns.parentRunId, filter.parentRunId) : undefined,
    );
    const [rows, [{ total }]] = await Promise.all([
      this.db.q
        .select()
        .from(jobRuns)
        .where(where)
        .orderBy(desc(jobRuns.queuedAt), desc(jobRuns.id))
        .limit(filter.limit)
        .offset(filter.offset),
      this.db.q.select({ total: count() }).from(jobRuns).where(where),
    ]);
    return { rows, total };
  }

  /**
   * Runs that should be on a queue: after Redis lost its data these are put back. Steps of a
   * nightly run are not on a queue of their own: their parent runs them.
   */
  pending(names?: string[]): Promise<JobRun[]> {
    const filters: (SQL | undefined)[] = [
      inArray(jobRuns.status, ['queued', 'retrying']),
      isNull(jobRuns.parentRunId),
      names ? inArray(jobRuns.name, names) : undefined,
    ];
    return this.db.q
      .select()
      .from(jobRuns)
      .where(and(...filters));
  }
}
