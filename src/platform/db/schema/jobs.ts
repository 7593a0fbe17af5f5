import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, utc } from './columns';

/** Every run of every job, whichever runner executed it; the job's id is this row's id. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: id(),
    // No foreign key: concurrent inserts would all lock the one shop row (multixacts), which
    // capped enqueueing at a few hundred a second. Runs are created only for existing shops.
    shopId: uuid('shop_id').notNull(),
    name: text('name').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    progress: integer('progress').notNull().default(0),
    progressNote: text('progress_note'),
    /** Same key, one run: the nightly run of a shop and date, a step of it. */
    dedupeKey: text('dedupe_key'),
    /** Same key, one waiting run: enqueues before it starts join it (a burst of facts, one re-forecast). */
    coalesceKey: text('coalesce_key'),
    parentRunId: uuid('parent_run_id'),
    requestedBy: uuid('requested_by'),
    queuedAt: utc('queued_at').notNull().defaultNow(),
    startedAt: utc('started_at'),
    finishedAt: utc('finished_at'),
    error: text('error'),
    result: jsonb('result').$type<Record<string, unknown>>(),
    /**
     * The fence of the attempt that holds the run: a new token at every start; storing a result
     * and finishing the run check it, so an attempt that lost its claim commits nothing.
     */
    claimToken: uuid('claim_token'),
    /** The process of the attempt that holds (or last held) the run: `host:pid:boot`. */
    claimedBy: text('claimed_by'),
    /** Renewed by the holder while it runs; a claim this old belongs to a process that stopped. */
    heartbeatAt: utc('heartbeat_at'),
  },
  (t) => [
    uniqueIndex('job_runs_dedupe').on(t.dedupeKey),
    uniqueIndex('job_runs_coalesce_waiting')
      .on(t.coalesceKey)
      .where(sql`${t.status} = 'queued'`),
    index('job_runs_shop_queued').on(t.shopId, t.queuedAt),
    index('job_runs_parent').on(t.parentRunId),
    index('job_runs_nightly')
      .on(t.shopId)
      .where(sql`${t.name} = 'nightly.run' and ${t.dedupeKey} is not null`),
    index('job_runs_unfinished')
      .on(t.status)
      .where(sql`${t.status} in ('queued', 'running', 'retrying')`),
  ],
);
