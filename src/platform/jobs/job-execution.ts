import { Injectable, Logger } from '@nestjs/common';
import type { JobPayload, JobResult } from './job-definition';
import { JobRegistry } from './job-registry';
import { JobRunRepository } from './job-run.repository';

export type AttemptOutcome = { ok: true; result: Record<string, unknown> | null } | { ok: false; error: Error; final: boolean };

const isUnrecoverable = (e: unknown) => Boolean((e as { unrecoverable?: boolean })?.unrecoverable) || (e as Error)?.name === 'UnrecoverableError';

/**
 * One attempt of one run, the same for both runners: record it as running, call the handler with a
 * progress reporter, record the outcome. Whether to retry is the runner's business; whether the
 * failure is final is decided here (last attempt, or an UnrecoverableJobError).
 */
@Injectable()
export class JobExecution {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly registry: JobRegistry,
    private readonly runs: JobRunRepository,
  ) {}

  async attempt(runId: string, name: string, payload: JobPayload, attempt: number, onProgress?: (p: number) => Promise<void>): Promise<AttemptOutcome> {
    const { definition, run } = this.registry.handler(name);
    await this.runs.started(runId, attempt);
    const started = Date.now();
    try {
      const result: JobResult = await run(payload, {
        runId,
        attempt,
        maxAttempts: definition.attempts,
        progress: async (percent, note) => {
          const p = Math.max(0, Math.min(100, Math.round(percent)));
          await this.runs.progressed(runId, p, note ?? null);
          await onProgress?.(p);
        },
      });
      const summary = result ?? null;
      await this.runs.finished(runId, 'completed', { result: summary });
      this.logger.log({ runId, job: name, attempt, ms: Date.now() - started }, 'job completed');
      return { ok: true, result: summary };
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      const final = isUnrecoverable(error) || attempt >= definition.attempts;
      await this.runs.finished(runId, final ? 'failed' : 'retrying', { error: error.message });
      this.logger.warn({ runId, job: name, attempt, final, err: error.message }, final ? 'job failed' : 'job will be retried');
      return { ok: false, error, final };
    }
  }
}
