import { Injectable } from '@nestjs/common';
import type { JobDefinition, JobPayload } from './job-definition';
import { JobExecution } from './job-execution';
import { JobRun, JobRunRepository, NewJobRun } from './job-run.repository';
import { JobsProblems } from './jobs.problems';
import { ProcessPresence } from './process-presence';
import { attemptsUsedUpReason, notQueuedReason } from './run-end-reasons';
import { JobRunner } from './runners/job-runner';

export type EnqueueOptions = {
  /** One run per key, ever: a second enqueue returns the first run instead of running again. */
  dedupeKey?: string;
  /**
   * One waiting run per key: while a run with this key has not started, a second enqueue returns
   * it (its work will see whatever the second caller added). Once it runs, the next enqueue
   * queues a new run, so nothing added during a run is missed.
   */
  coalesceKey?: string;
  parentRunId?: string;
  requestedBy?: string;
};

export type Enqueued = { run: JobRun; created: boolean };

/** What a record that a job works on is told: the run that will do it, or that none was queued. */
export type RunLink = { jobRunId: string } | { status: 'failed'; error: string };

/**
 * What modules call to start long work. The run is recorded first, then handed to the runner
 * (never inside an open transaction: callers enqueue after their commit). If the queue refuses,
 * the record is removed again and the caller gets 503.
 */
@Injectable()
export class JobQueue {
  constructor(
    private readonly runs: JobRunRepository,
    private readonly runner: JobRunner,
    private readonly execution: JobExecution,
    private readonly presence: ProcessPresence,
  ) {}

  async enqueue<P extends JobPayload>(
    definition: JobDefinition<P>,
    payload: P,
    options: EnqueueOptions = {},
  ): Promise<Enqueued> {
    if (options.coalesceKey) {
      // The waiting run may start between our insert and our look-up: then queue again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const waiting = await this.runs.findWaiting(options.coalesceKey);
        if (waiting) return { run: waiting, created: false };
        const run = await this.runs.insert(this.newRun(definition, payload, options), 'coalesce');
        if (run) return this.submit(run, definition);
      }
      throw JobsProblems.keyBusy();
    }
    const run = await this.runs.insert(this.newRun(definition, payload, options));
    if (!run) {
      const existing = await this.runs.findByDedupeKey(options.dedupeKey!);
      if (!existing) throw JobsProblems.keyBusy();
      return { run: existing, created: false };
    }
    return this.submit(run, definition);
  }

  private newRun<P extends JobPayload>(definition: JobDefinition<P>, payload: P, options: EnqueueOptions): NewJobRun {
    return {
      shopId: payload.shopId,
      name: definition.name,
      params: payload,
      maxAttempts: definition.attempts,
      dedupeKey: options.dedupeKey ?? null,
      coalesceKey: options.coalesceKey ?? null,
      parentRunId: options.parentRunId ?? null,
      requestedBy: options.requestedBy ?? null,
    };
  }

  private async submit<P extends JobPayload>(run: JobRun, definition: JobDefinition<P>): Promise<Enqueued> {
    try {
      await this.runner.submit(run, definition as unknown as JobDefinition);
    } catch (e) {
      await this.runs.remove(run.id);
      throw e;
    }
    return { run, created: true };
  }

  /**
   * Queues the job that works on a stored record (a forecast version, a roster, an export) and
   * links the record to its run; when the queue refuses, the record is marked failed before the
   * error goes on, so nothing waits for a job that was never queued.
   */
  async enqueueFor<P extends JobPayload>(
    definition: JobDefinition<P>,
    payload: P,
    options: EnqueueOptions,
    link: (values: RunLink) => Promise<unknown>,
  ): Promise<JobRun> {
    let run: JobRun;
    try {
      ({ run } = await this.enqueue(definition, payload, options));
    } catch (e) {
      await link({ status: 'failed', error: notQueuedReason(e) });
      throw e;
    }
    await link({ jobRunId: run.id });
    return run;
  }

  /**
   * A run whose process stopped during its last attempt will never finish, but stays `running`
   * until a worker notices (none may be running): asked about it (a read, a stop), it is ended
   * now, and its record told, so the answer is what will happen. Nothing for a live or retriable
   * run. True when it ended it.
   */
  async endIfAbandoned(runOrId: string | JobRun): Promise<boolean> {
    const run = typeof runOrId === 'string' ? await this.runs.find(runOrId) : runOrId;
    if (!run || run.status !== 'running' || run.attempts < run.maxAttempts) return false;
    if (!this.runs.isExpired(run, this.execution.leaseMs) && !(await this.presence.gone(run.claimedBy))) return false;
    await this.execution.giveUp(run.id, attemptsUsedUpReason(run.claimedBy, run.maxAttempts));
    return true;
  }

  settled(runId: string, timeoutMs?: number): Promise<void> {
    return this.runner.settled(runId, timeoutMs);
  }

  get runnerKind(): 'bullmq' | 'inline' {
    return this.runner.kind;
  }
}
