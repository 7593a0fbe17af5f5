import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { defineTexts } from 'src/platform/i18n/texts';
import { queueNameOf } from 'src/platform/jobs/job-definition';
import type { JobRun, JobRunRepository } from 'src/platform/jobs/job-run.repository';
import { storedReason } from 'src/platform/jobs/run-end-reasons';

type Options = {
  prefix: string;
  /** The connection that waits out a reconnect. */
  connection: () => Redis;
  runs: JobRunRepository;
  jobNames: () => string[];
  /** A run recorded after this long without its job on the queue is no add in flight. */
  graceMs: number;
  requeue: (run: JobRun) => Promise<void>;
  fail: (run: JobRun, reason: string) => Promise<void>;
};

/** Why a waiting run whose job left its queue from outside ended: stored in both languages. */
export const vanishedTexts = defineTexts('jobs', {
  jobVanished: {
    en: 'Its job was removed from the queue (emptied, cleaned or deleted) before it ran',
    zh: '该任务在运行前已被移出队列（队列被清空、清理或删除）',
  },
});

export const vanishedReason = storedReason(vanishedTexts.jobVanished);

const BATCH = 500;

/**
 * Runs waiting (queued, retrying) in PostgreSQL whose BullMQ job is gone. Either Redis lost its
 * data (restarted without persistence: every key is gone) and they are put back, or someone
 * emptied a queue from outside (drain, clean, obliterate write no `removed` event per job) and
 * they end failed with their record. A key of our own beside the queues tells the two apart: it
 * is written by every sweep and survives anything done to one queue, but not a Redis that forgot.
 */
export class VanishedJobs {
  private readonly logger = new Logger('BullMqJobRunner');
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;

  constructor(private readonly options: Options) {}

  async sweep(): Promise<{ requeued: string[]; failed: string[] }> {
    const redis = this.options.connection();
    const mark = `${this.options.prefix}:wfm-kept`;
    const kept = (await redis.exists(mark)) === 1;
    const requeued: string[] = [];
    const failed: string[] = [];
    const waiting = await this.options.runs.pending(this.options.jobNames());
    for (let i = 0; i < waiting.length; i += BATCH) {
      const batch = waiting.slice(i, i + BATCH);
      const pipeline = redis.pipeline();
      for (const run of batch) pipeline.exists(`${this.options.prefix}:${queueNameOf(run.name)}:${run.id}`);
      const found = (await pipeline.exec()) ?? [];
      for (const [index, run] of batch.entries()) {
        const [error, exists] = found[index] ?? [null, 1];
        if (error || exists) continue;
        if (!kept) {
          await this.options.requeue(run);
          requeued.push(run.id);
        } else if (run.queuedAt.getTime() < Date.now() - this.options.graceMs) {
          await this.options.fail(run, vanishedReason);
          failed.push(run.id);
        }
      }
    }
    await redis.set(mark, new Date().toISOString());
    if (requeued.length) this.logger.warn({ runs: requeued }, 're-queued runs the queue had lost');
    if (failed.length) this.logger.warn({ runs: failed }, 'ended runs whose job was removed from the queue');
    return { requeued, failed };
  }

  follow(everyMs: number): void {
    this.timer = setInterval(() => {
      if (this.sweeping) return;
      this.sweeping = this.sweep()
        .catch((e: unknown) => this.logger.warn({ err: (e as Error).message }, 'sweeping vanished jobs failed'))
        .finally(() => (this.sweeping = undefined));
    }, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }
}
