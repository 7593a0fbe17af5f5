import type { JobDefinition, JobPayload } from 'src/platform/jobs/job-definition';
import type { JobRun } from 'src/platform/jobs/job-run.repository';

/**
 * Where runs execute: BullMQ when Redis is configured, this process otherwise. Both record every
 * attempt through JobExecution, so a run looks the same in job_runs whichever ran it.
 */
export abstract class JobRunner {
  abstract readonly kind: 'bullmq' | 'inline';
  /** Puts a recorded run on its queue. Throws AppError 503 when the queue cannot take it. */
  abstract submit(run: JobRun, definition: JobDefinition): Promise<void>;
  /** Starts processing (workers); also puts back runs that a lost queue forgot. */
  abstract startWorkers(): Promise<void>;
  /** Resolves when the run has completed or finally failed. */
  abstract settled(runId: string, timeoutMs?: number): Promise<void>;
  abstract stop(): Promise<void>;
}

export const payloadOf = (run: JobRun) => run.params as JobPayload;
