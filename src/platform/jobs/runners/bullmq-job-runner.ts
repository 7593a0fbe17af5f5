import { Logger } from '@nestjs/common';
import { Job, Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RedisConnections } from 'src/platform/redis/redis.module';
import { JobDefinition, JobPayload, queueNameOf } from 'src/platform/jobs/job-definition';
import { JobExecution } from 'src/platform/jobs/job-execution';
import { JobsProblems } from 'src/platform/jobs/jobs.problems';
import type { JobRun, JobRunRepository } from 'src/platform/jobs/job-run.repository';
import type { OrphanedRuns } from 'src/platform/jobs/orphaned-runs';
import { queueGaveUpReason, removedFromQueueReason } from 'src/platform/jobs/run-end-reasons';
import { JobRunner } from './job-runner';
import { QueueRemovals } from './queue-removals';
import { VanishedJobs } from './vanished-jobs';
import { settledWithin } from 'src/platform/lifecycle/settled-within';

type Message = { runId: string; payload: JobPayload };
type Options = { prefix: string; concurrency: number; lockMs: number; jobNames: () => string[] };

const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Runs on BullMQ: one queue per domain, the run id as the job id, retries with exponential backoff. */
export class BullMqJobRunner extends JobRunner {
  readonly kind = 'bullmq' as const;
  private readonly logger = new Logger('BullMqJobRunner');
  private readonly queues = new Map<string, Queue>();
  /** On a connection that waits out a reconnect: for start-up repair and waiting, not for enqueueing. */
  private readonly patientQueues = new Map<string, Queue>();
  private readonly events = new Map<string, QueueEvents>();
  private readonly workers: Worker[] = [];
  /**
   * One connection of each kind for all queues of this process (BullMQ gives each worker its own
   * blocking connection on top): an API replica holds 1, a worker process 3 + one per job domain.
   */
  private readonly shared = new Map<'producer' | 'patient' | 'workers', Redis>();
  private readonly removals: QueueRemovals;
  private readonly vanished: VanishedJobs;

  constructor(
    private readonly redis: RedisConnections,
    private readonly execution: JobExecution,
    private readonly runs: JobRunRepository,
    private readonly orphans: OrphanedRuns,
    private readonly options: Options,
  ) {
    super();
    this.removals = new QueueRemovals({
      prefix: options.prefix,
      connection: () => this.connection('patient'),
      removed: (runId, queue, previous) => this.removedFromQueue(runId, queue, previous),
    });
    this.vanished = new VanishedJobs({
      prefix: options.prefix,
      connection: () => this.connection('patient'),
      runs,
      jobNames: options.jobNames,
      graceMs: Math.max(5_000, options.lockMs),
      requeue: (run) => this.requeue(run),
      fail: (run, reason) => this.execution.giveUp(run.id, reason),
    });
  }

  async submit(run: JobRun, definition: JobDefinition): Promise<void> {
    try {
      await this.queue(queueNameOf(run.name)).add(
        run.name,
        { runId: run.id, payload: run.params as JobPayload } satisfies Message,
        {
          jobId: run.id,
          attempts: definition.attempts,
          backoff: { type: 'exponential', delay: definition.backoffMs },
          removeOnComplete: { age: 24 * 3600, count: 10_000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      );
    } catch (e) {
      this.logger.warn({ job: run.name, err: (e as Error).message }, 'job queue refused a run');
      throw JobsProblems.queueUnavailable();
    }
  }

  async startWorkers(): Promise<void> {
    const names = [...new Set(this.options.jobNames().map(queueNameOf))];
    for (const name of names) {
      const worker = new Worker(name, (job: Job<Message>) => this.process(job), {
        connection: this.connection('workers'),
        prefix: this.options.prefix,
        concurrency: this.options.concurrency,
        lockDuration: this.options.lockMs,
        stalledInterval: Math.max(500, Math.floor(this.options.lockMs / 2)),
        maxStalledCount: 2,
      });
      worker.on('error', (e) => this.logger.error({ queue: name, err: e.message }, 'worker error'));
      // BullMQ may fail a job without calling us (stalled more than the allowable limit): the run
      // and its record must end too. A retry also emits `failed`, so only a job that ended counts.
      worker.on('failed', (job, e) => {
        if (job) void this.endedByBullMq(job, e.message);
      });
      this.workers.push(worker);
    }
    // Removals first: a run whose job was removed while no worker ran ends, instead of being put back.
    await this.removals.catchUp(names);
    await this.requeueLost();
    this.removals.follow(names, Math.max(1000, Math.floor(this.options.lockMs / 2)));
    this.vanished.follow(Math.max(5_000, this.options.lockMs * 2));
  }

  /**
   * Waits on BullMQ's finish event, re-reading the run record every half second as well: an
   * event published before this process's event stream was listening would otherwise be missed.
   */
  async settled(runId: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let finished: Promise<unknown> | undefined;
    for (;;) {
      const run = await this.runs.find(runId);
      if (!run || run.status === 'completed' || run.status === 'failed') return;
      if (Date.now() > deadline) throw new Error(`run ${runId} did not finish within ${timeoutMs} ms`);
      if (!finished) {
        const name = queueNameOf(run.name);
        const job = await this.patientQueue(name).getJob(runId);
        // A failed job rejects here; the run record above is what decides.
        finished = job
          ? job.waitUntilFinished(this.queueEvents(name), timeoutMs).catch((e: unknown) => e)
          : Promise.resolve();
      }
      await settledWithin(finished, 500, () => undefined);
    }
  }

  async stop(): Promise<void> {
    await this.removals.stop();
    await this.vanished.stop();
    await Promise.allSettled(this.workers.map((w) => w.close()));
    await Promise.allSettled([...this.events.values()].map((e) => e.close()));
    await Promise.allSettled([...this.queues.values(), ...this.patientQueues.values()].map((q) => q.close()));
  }

  private async process(job: Job<Message>): Promise<Record<string, unknown> | null> {
    const outcome = await this.execution.attempt(job.data.runId, job.name, job.data.payload, (p) =>
      job.updateProgress(p),
    );
    if (outcome.status === 'completed') return outcome.result;
    // A final failure must not be retried by BullMQ either.
    if (outcome.status === 'failed') throw new UnrecoverableError(outcome.error.message);
    if (outcome.status === 'retry') throw outcome.error;
    // Another delivery holds or finished the run: this duplicate ends quietly.
    return null;
  }

  private async endedByBullMq(job: Job<Message>, reason: string): Promise<void> {
    try {
      if ((await job.getState()) !== 'failed') return;
      await this.execution.giveUp(job.data.runId, queueGaveUpReason(reason));
    } catch (e) {
      this.logger.error({ runId: job.data.runId, err: (e as Error).message }, 'a failed job could not be recorded');
    }
  }

  /**
   * A job removed from its queue (not by us: we never remove one) will not run: its run ends
   * failed and its record with it, unless the run had moved on (started, finished, or queued again
   * under the same id since).
   */
  private async removedFromQueue(runId: string, queue: string, previous: string): Promise<void> {
    if (!RUN_ID.test(runId)) return;
    try {
      const run = await this.runs.find(runId);
      if (!run || run.parentRunId || (run.status !== 'queued' && run.status !== 'retrying')) return;
      if (await this.patientQueue(queue).getJob(runId)) return;
      await this.execution.giveUp(runId, removedFromQueueReason(previous));
    } catch (e) {
      this.logger.error({ runId, err: (e as Error).message }, 'a removed job could not be recorded');
    }
  }

  /**
   * Runs a stopped process left running are resumed or failed when their job is gone or failed;
   * then waiting runs whose job is gone are put back (Redis forgot) or ended (removed from outside).
   */
  private async requeueLost(): Promise<void> {
    await this.orphans.recover(async (run) => {
      const job = await this.patientQueue(queueNameOf(run.name)).getJob(run.id);
      if (job && (await job.getState()) === 'failed')
        await this.execution.giveUp(run.id, queueGaveUpReason(job.failedReason));
      return !job;
    });
    await this.vanished.sweep();
  }

  private async requeue(run: JobRun): Promise<void> {
    await this.patientQueue(queueNameOf(run.name)).add(
      run.name,
      { runId: run.id, payload: run.params as JobPayload },
      { jobId: run.id, attempts: Math.max(1, run.maxAttempts - run.attempts) },
    );
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection('producer'), prefix: this.options.prefix });
      queue.on('error', (e) => this.logger.error({ queue: name, err: e.message }, 'queue error'));
      // Each concurrent add/getJob listens for 'closing'; many at once are normal here.
      queue.setMaxListeners(0);
      this.queues.set(name, queue);
    }
    return queue;
  }

  private patientQueue(name: string): Queue {
    let queue = this.patientQueues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection('patient'), prefix: this.options.prefix });
      queue.on('error', (e) => this.logger.error({ queue: name, err: e.message }, 'queue error'));
      queue.setMaxListeners(0);
      this.patientQueues.set(name, queue);
    }
    return queue;
  }

  private connection(kind: 'producer' | 'patient' | 'workers'): Redis {
    let connection = this.shared.get(kind);
    if (!connection) {
      connection = kind === 'producer' ? this.redis.producer() : this.redis.worker();
      // Every queue and worker on it listens for its events.
      connection.setMaxListeners(0);
      this.shared.set(kind, connection);
    }
    return connection;
  }

  private queueEvents(name: string): QueueEvents {
    let events = this.events.get(name);
    if (!events) {
      events = new QueueEvents(name, { connection: this.redis.worker(), prefix: this.options.prefix });
      events.on('error', (e) => this.logger.error({ queue: name, err: e.message }, 'queue events error'));
      this.events.set(name, events);
    }
    return events;
  }
}
