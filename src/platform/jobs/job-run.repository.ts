import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, inArray, SQL, sql } from 'drizzle-orm';
import { Db } from '../db/db';
import { jobRuns } from '../db/schema';

export type JobRun = typeof jobRuns.$inferSelect;
export type JobStatus = 'queued' | 'running' | 'retrying' | 'completed' | 'failed';
export type NewJobRun = Pick<typeof jobRuns.$inferInsert, 'shopId' | 'name' | 'params' | 'maxAttempts' | 'dedupeKey' | 'coalesceKey' | 'parentRunId' | 'requestedBy'>;

@Injectable()
export class JobRunRepository {
  constructor(private readonly db: Db) {}

  /**
   * Inserts the run, or returns null when a run with the same dedupe key already exists (or, with
   * `coalesce`, a run with the same coalesce key is still waiting).
   */
  async insert(values: NewJobRun, key: 'dedupe' | 'coalesce' = 'dedupe'): Promise<JobRun | null> {
    const insert = this.db.q.insert(jobRuns).values({ ...values, status: 'queued' });
    const [row] = await (key === 'coalesce'
      ? insert.onConflictDoNothing({ target: jobRuns.coalesceKey, where: sql`${jobRuns.status} = 'queued'` })
      : insert.onConflictDoNothing({ target: jobRuns.dedupeKey })
    ).returning();
    return row ?? null;
  }

  /** The run with this coalesce key that has not started yet, if any. */
  async findWaiting(coalesceKey: string): Promise<JobRun | undefined> {
    const [row] = await this.db.q.select().from(jobRuns).where(and(eq(jobRuns.coalesceKey, coalesceKey), eq(jobRuns.status, 'queued'))).limit(1);
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

  async started(id: string, attempt: number): Promise<void> {
    await this.db.q
      .update(jobRuns)
      .set({ status: 'running', attempts: attempt, startedAt: sql`coalesce(${jobRuns.startedAt}, now())`, error: null })
      .where(eq(jobRuns.id, id));
  }

  async progressed(id: string, progress: number, note: string | null): Promise<void> {
    await this.db.q.update(jobRuns).set({ progress, progressNote: note }).where(eq(jobRuns.id, id));
  }

  async finished(id: string, status: 'completed' | 'failed' | 'retrying', fields: { error?: string | null; result?: Record<string, unknown> | null }): Promise<void> {
    const done = status !== 'retrying';
    await this.db.q
      .update(jobRuns)
      .set({
        status,
        error: fields.error ?? null,
        ...(fields.result !== undefined ? { result: fields.result } : {}),
        ...(status === 'completed' ? { progress: 100 } : {}),
        ...(done ? { finishedAt: sql`now()` } : {}),
      })
      .where(eq(jobRuns.id, id));
  }

  async list(shopId: string, filter: { status?: string; name?: string; parentRunId?: string; limit: number; offset: number }): Promise<{ rows: JobRun[]; total: number }> {
    const where = and(
      eq(jobRuns.shopId, shopId),
      filter.status ? eq(jobRuns.status, filter.status) : undefined,
      filter.name ? eq(jobRuns.name, filter.name) : undefined,
      filter.parentRunId ? eq(jobRuns.parentRunId, filter.parentRunId) : undefined,
    );
    const [rows, [{ total }]] = await Promise.all([
      this.db.q.select().from(jobRuns).where(where).orderBy(desc(jobRuns.queuedAt), desc(jobRuns.id)).limit(filter.limit).offset(filter.offset),
      this.db.q.select({ total: count() }).from(jobRuns).where(where),
    ]);
    return { rows, total };
  }

  /** Runs that should be on a queue: after Redis lost its data these are put back. */
  pending(names?: string[]): Promise<JobRun[]> {
    const filters: (SQL | undefined)[] = [inArray(jobRuns.status, ['queued', 'retrying']), names ? inArray(jobRuns.name, names) : undefined];
    return this.db.q.select().from(jobRuns).where(and(...filters));
  }
}
