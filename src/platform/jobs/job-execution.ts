import { randomUUID } from 'node:crypto';
import { storedMessage } from './run-end-reasons';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from 'src/platform/config/app-config';
import { APP_CONFIG } from 'src/platform/config/config.module';
import { Db } from 'src/platform/db/db';
import { ClaimLostError, type JobPayload, type JobResult } from './job-definition';
import { JobRegistry } from './job-registry';
import { JobRun, JobRunRepository } from './job-run.repository';
import { ProcessPresence } from './process-presence';
import { attemptsUsedUpReason } from './run-end-reasons';

/**
 * What one delivery of a run came to: `completed`/`failed` (final), `retry` (the runner tries
 * again later), or `elsewhere` (another start holds or finished the run: nothing for this one to do).
 */
export type AttemptOutcome =
  | { status: 'completed'; result: Record<string, unknown> | null }
  | { status: 'failed'; error: Error }
  | { status: 'retry'; error: Error; attempt: number }
  | { status: 'elsewhere' };

const isUnrecoverable = (e: unknown) =>
  Boolean((e as { unrecoverable?: boolean })?.unrecoverable) || (e as Error)?.name === 'UnrecoverableError';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** JOB_LEASE_MS left unset follows the job lock, so a setting (or test) that moves the lock moves both. */
export function claimLeaseMs(config: Pick<AppConfig, 'jobLockMs' | 'jobLeaseMs'>): number {
  return config.jobLeaseMs ?? config.jobLockMs;
}

/**
 * One delivery of one run, the same for both runners. The run is claimed in PostgreSQL under a
 * fresh token before the handler starts, kept alive by a heartbeat, and its outcome recorded only
 * while the token still holds it. So a second delivery of the same run (BullMQ re-delivers a job
 * whose lock expired while Redis was away) waits while the first is alive and then does nothing,
 * and takes over only from a holder that stopped beating.
 */
@Injectable()
export class JobExecution {
  private readonly logger = new Logger('Jobs');
  /** A holder that has not beaten for this long counts as stopped. */
  readonly leaseMs: number;

  constructor(
    private readonly registry: JobRegistry,
    private readonly runs: JobRunRepository,
    private readonly db: Db,
    private readonly presence: ProcessPresence,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.leaseMs = claimLeaseMs(config);
  }

  async attempt(
    runId: string,
    name: string,
    payload: JobPayload,
    onProgress?: (p: number) => Promise<void>,
  ): Promise<AttemptOutcome> {
    const token = randomUUID();
    const run = await this.claim(runId, token);
    if (!run) return { status: 'elsewhere' };
    const { definition, run: handle } = this.registry.handler(name);
    const attempt = run.attempts;
    const claim = { lost: false };
    const heartbeat = setInterval(
      () => {
        this.runs.beat(runId, token).then(
          (held) => (claim.lost ||= !held),
          (e: unknown) => this.logger.warn({ runId, err: (e as Error).message }, 'job heartbeat not recorded'),
        );
      },
      Math.max(250, Math.floor(this.leaseMs / 4)),
    );
    const started = Date.now();
    try {
      const result: JobResult = await handle(payload, {
        runId,
        attempt,
        maxAttempts: definition.attempts,
        progress: async (percent, note) => {
          const p = Math.max(0, Math.min(100, Math.round(percent)));
          await this.runs.progressed(runId, p, note === undefined ? null : storedMessage(note));
          await onProgress?.(p);
        },
        fenced: (work) =>
          this.db.transaction(async () => {
            if (!(await this.runs.holdClaim(runId, token))) throw new ClaimLostError(runId);
            return work();
          }),
      });
      clearInterval(heartbeat);
      const summary = result ?? null;
      if (!(await this.runs.finished(runId, token, 'completed', { result: summary })))
        return this.lost(runId, name, attempt);
      this.logger.log({ runId, job: name, attempt, ms: Date.now() - started }, 'job completed');
      return { status: 'completed', result: summary };
    } catch (e) {
      clearInterval(heartbeat);
      if (e instanceof ClaimLostError) return this.lost(runId, name, attempt);
      const error = e instanceof Error ? e : new Error(String(e));
      const final = isUnrecoverable(error) || attempt >= definition.attempts;
      const recorded = final
        ? await this.withOwner(name, payload, runId, error.message, async () =>
            this.runs.finished(runId, token, 'failed', { error: error.message }),
          )
        : await this.runs.finished(runId, token, 'retrying', { error: error.message });
      if (!recorded) return this.lost(runId, name, attempt);
      this.logger.warn(
        { runId, job: name, attempt, final, err: error.message },
        final ? 'job failed' : 'job will be retried',
      );
      if (!final) return { status: 'retry', error, attempt };
      return { status: 'failed', error };
    }
  }

  /**
   * Ends a run that will not run again, whoever noticed (BullMQ giving up on a stalled job, a
   * start finding every attempt used), and tells the record it works on. Nothing when it had ended.
   */
  async giveUp(runId: string, reason: string): Promise<void> {
    const known = await this.runs.find(runId);
    if (!known) return;
    const run = await this.withOwner(known.name, known.params as JobPayload, runId, reason, () =>
      this.runs.giveUp(runId, reason),
    );
    if (!run) return;
    this.logger.warn(
      { runId, job: run.name, attempts: run.attempts, claimedBy: run.claimedBy, err: reason },
      'job given up',
    );
  }

  /** Claims the run, waiting while a live holder has it; undefined when there is nothing to run. */
  private async claim(runId: string, token: string): Promise<JobRun | undefined> {
    for (;;) {
      const claimed = await this.runs.claim(runId, token, this.presence.identity, this.leaseMs);
      if (claimed) return claimed;
      const run = await this.runs.find(runId);
      if (!run || (run.status !== 'running' && run.status !== 'queued' && run.status !== 'retrying')) return undefined;
      if (run.status === 'running' && this.runs.isExpired(run, this.leaseMs)) {
        // Expired but not claimable: every attempt has started, and the last one's process stopped.
        await this.giveUp(runId, attemptsUsedUpReason(run.claimedBy, run.maxAttempts));
        return undefined;
      }
      await sleep(Math.min(1000, Math.max(100, Math.floor(this.leaseMs / 4))));
    }
  }

  private lost(runId: string, name: string, attempt: number): AttemptOutcome {
    this.logger.warn({ runId, job: name, attempt }, 'job attempt lost its claim; its outcome is not recorded');
    return { status: 'elsewhere' };
  }

  /**
   * Ends the run (`end`, truthy when it did) and tells its record in one transaction, so a crash
   * between the two cannot leave the record `running` beside a failed run. A record that cannot be
   * told (its hook throws) does not keep the run alive: the run then ends alone and it is logged.
   */
  private async withOwner<T>(
    name: string,
    payload: JobPayload,
    runId: string,
    error: string,
    end: () => Promise<T>,
  ): Promise<T> {
    const hook = this.registry.failureHook(name);
    if (!hook) return end();
    try {
      return await this.db.transaction(async () => {
        const ended = await end();
        if (ended) await hook(payload, { runId, error });
        return ended;
      });
    } catch (e) {
      this.logger.error(
        { runId, job: name, err: (e as Error).message },
        'the record of a failed run could not be marked failed',
      );
      return end();
    }
  }
}
