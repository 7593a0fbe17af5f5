import { Injectable } from '@nestjs/common';
import { AppError } from '../errors/problem';
import type { JobDefinition, JobPayload } from './job-definition';
import { JobRun, JobRunRepository } from './job-run.repository';
import { JobRunner } from './runners/job-runner';

export type EnqueueOptions = {
  /** One run per key, ever: a second enqueue returns the first run instead of running again. */
  dedupeKey?: string;
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
  ) {}

  async enqueue<P extends JobPayload>(definition: JobDefinition<P>, payload: P, options: EnqueueOptions = {}): Promise<Enqueued> {
    const run = await this.runs.insert({
      shopId: payload.shopId,
      name: definition.name,
      params: payload,
      maxAttempts: definition.attempts,
      dedupeKey: options.dedupeKey ?? null,
      parentRunId: options.parentRunId ?? null,
      requestedBy: options.requestedBy ?? null,
    });
    if (!run) {
      const existing = await this.runs.findByDedupeKey(options.dedupeKey!);
      if (!existing) throw new AppError('conflict', `A run with key ${options.dedupeKey} is being created; try again`);
      return { run: existing, created: false };
    }
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
  async enqueueFor<P extends JobPayload>(definition: JobDefinition<P>, payload: P, options: EnqueueOptions, link: (values: RunLink) => Promise<unknown>): Promise<JobRun> {
    let run: JobRun;
    try {
      ({ run } = await this.enqueue(definition, payload, options));
    } catch (e) {
      await link({ status: 'failed', error: `could not be queued: ${(e as Error).message}` });
      throw e;
    }
    await link({ jobRunId: run.id });
    return run;
  }

  settled(runId: string, timeoutMs?: number): Promise<void> {
    return this.runner.settled(runId, timeoutMs);
  }

  get runnerKind(): 'bullmq' | 'inline' {
    return this.runner.kind;
  }
}
