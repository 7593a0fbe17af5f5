import { Injectable } from '@nestjs/common';
import { UnrecoverableJobError, type JobContext, type JobDefinition } from 'src/platform/jobs/job-definition';
import { jobFailureTexts } from 'src/platform/jobs/run-end-reasons';
import { JobExecution } from 'src/platform/jobs/job-execution';
import { JobHandler } from 'src/platform/jobs/job-handler.decorator';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { JobRunRepository } from 'src/platform/jobs/job-run.repository';
import { addDays } from 'src/platform/time/calendar-date';
import { nightKey, nightlyRun, NightlyPayload } from './nightly.jobs';

export type NightlyStep = {
  job: JobDefinition<NightlyPayload>;
  /** Lower runs first: KPI aggregation before rankings that read it. */
  order: number;
  /** Only on some days (the 1st of the month, Mondays); every day when absent. */
  when?: (localDate: string) => boolean;
};

type StepOutcome = { step: string; status: 'completed' | 'failed' | 'skipped'; attempts: number; error?: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Modules register their nightly steps here (in onModuleInit). Each step runs as a child run of the
 * night with its own retries; a step that fails for good is recorded and the next one still runs.
 */
@Injectable()
export class NightlyPipeline {
  private readonly steps: NightlyStep[] = [];

  constructor(
    private readonly runs: JobRunRepository,
    private readonly execution: JobExecution,
    private readonly queue: JobQueue,
  ) {}

  register(step: NightlyStep): void {
    if (this.steps.some((s) => s.job.name === step.job.name))
      throw new Error(`Nightly step ${step.job.name} registered twice`);
    this.steps.push(step);
    this.steps.sort((a, b) => a.order - b.order || a.job.name.localeCompare(b.job.name));
  }

  registered(): string[] {
    return this.steps.map((s) => s.job.name);
  }

  @JobHandler(nightlyRun)
  async run(payload: NightlyPayload, context: JobContext): Promise<Record<string, unknown>> {
    const due = this.steps.filter((s) => !s.when || s.when(payload.date));
    const outcomes: StepOutcome[] = [];
    for (const [index, step] of due.entries()) {
      outcomes.push(await this.runStep(step, payload, context.runId));
      await context.progress(((index + 1) / due.length) * 100, step.job.name);
    }
    await this.queueNextMissed(payload);
    const failed = outcomes.filter((o) => o.status === 'failed');
    if (failed.length)
      throw new UnrecoverableJobError({
        template: jobFailureTexts.stepsFailed,
        params: { steps: failed.map((f) => `${f.step} (${f.error})`) },
      });
    return { date: payload.date, steps: outcomes };
  }

  /**
   * A caught-up night, done (a failed step included), queues the next missed one under the
   * scheduler's key: the catch-up goes on at once, oldest first, one night at a time.
   */
  private async queueNextMissed(payload: NightlyPayload): Promise<void> {
    if (!payload.through || payload.date >= payload.through) return;
    const date = addDays(payload.date, 1);
    await this.queue.enqueue(nightlyRun, { ...payload, date }, { dedupeKey: nightKey(payload.shopId, date) });
  }

  private async runStep(step: NightlyStep, payload: NightlyPayload, parentRunId: string): Promise<StepOutcome> {
    const name = step.job.name;
    // Keyed by the night's run: a retried night skips what already completed; a manual re-run redoes all.
    const dedupeKey = `${parentRunId}:${name}`;
    const run =
      (await this.runs.insert({
        shopId: payload.shopId,
        name,
        params: payload,
        maxAttempts: step.job.attempts,
        dedupeKey,
        parentRunId,
        requestedBy: null,
      })) ?? (await this.runs.findByDedupeKey(dedupeKey))!;
    if (run.status === 'completed') return { step: name, status: 'skipped', attempts: run.attempts };
    for (;;) {
      const outcome = await this.execution.attempt(run.id, name, payload);
      if (outcome.status === 'retry') {
        await sleep(step.job.backoffMs * 2 ** (outcome.attempt - 1));
        continue;
      }
      // Attempts are counted by the run record, which also holds the outcome another start reached.
      const record = (await this.runs.find(run.id))!;
      if (outcome.status === 'completed' || record.status === 'completed')
        return { step: name, status: 'completed', attempts: record.attempts };
      return {
        step: name,
        status: 'failed',
        attempts: record.attempts,
        error: outcome.status === 'failed' ? outcome.error.message : (record.error ?? record.status),
      };
    }
  }
}
