import { Logger } from '@nestjs/common';
import type { JobDefinition } from 'src/platform/jobs/job-definition';
import { JobExecution } from 'src/platform/jobs/job-execution';
import type { JobRun, JobRunRepository } from 'src/platform/jobs/job-run.repository';
import type { OrphanedRuns } from 'src/platform/jobs/orphaned-runs';
import { JobRunner, payloadOf } from './job-runner';

type Pending = { run: JobRun; definition: JobDefinition };

/** The embedded runner: the same handlers in this process, with retries, backoff and a concurrency cap. */
export class InlineJobRunner extends JobRunner {
  readonly kind = 'inline' as const;
  private readonly logger = new Logger('InlineJobRunner');
  private readonly waiting: Pending[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly waiters = new Map<string, (() => void)[]>();
  private active = 0;
  private running = false;
  private idleResolvers: (() => void)[] = [];

  constructor(
    private readonly execution: JobExecution,
    private readonly runs: JobRunRepository,
    private readonly orphans: OrphanedRuns,
    private readonly concurrency: number,
    private readonly definitionOf: (name: string) => JobDefinition,
  ) {
    super();
  }

  async submit(run: JobRun, definition: JobDefinition): Promise<void> {
    this.waiting.push({ run, definition });
    this.pump();
  }

  async startWorkers(): Promise<void> {
    this.running = true;
    // Runs a killed predecessor left running are put back in line (or failed), then everything
    // left queued by a previous process (crash, restart) is picked up again.
    await this.orphans.recover();
    for (const run of await this.runs.pending()) this.waiting.push({ run, definition: this.definitionOf(run.name) });
    this.pump();
  }

  settled(runId: string, timeoutMs = 60_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`run ${runId} did not finish within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.set(runId, [...(this.waiters.get(runId) ?? []), done]);
      // Registered first, then checked: a run that ended before we asked still resolves.
      void this.runs.find(runId).then((run) => {
        if (run && (run.status === 'completed' || run.status === 'failed')) this.settle(runId);
      }, reject);
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.active > 0) await new Promise<void>((resolve) => this.idleResolvers.push(resolve));
  }

  private pump(): void {
    while (this.running && this.active < this.concurrency && this.waiting.length) {
      const next = this.waiting.shift()!;
      this.active++;
      void this.execute(next).finally(() => {
        this.active--;
        if (this.active === 0) this.idleResolvers.splice(0).forEach((r) => r());
        this.pump();
      });
    }
  }

  private async execute(item: Pending): Promise<void> {
    try {
      const outcome = await this.execution.attempt(item.run.id, item.run.name, payloadOf(item.run));
      if (outcome.status !== 'retry') return this.settle(item.run.id);
      const delay = item.definition.backoffMs * 2 ** (outcome.attempt - 1);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.waiting.push(item);
        this.pump();
      }, delay);
      this.timers.add(timer);
    } catch (e) {
      // Recording itself failed (database down): the run stays queued and is picked up on restart.
      this.logger.error({ runId: item.run.id, err: (e as Error).message }, 'could not record a job attempt');
      this.settle(item.run.id);
    }
  }

  private settle(runId: string): void {
    this.waiters.get(runId)?.forEach((w) => w());
    this.waiters.delete(runId);
  }
}
