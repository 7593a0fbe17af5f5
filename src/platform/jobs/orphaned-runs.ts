import { Injectable, Logger } from '@nestjs/common';
import { JobExecution } from './job-execution';
import { JobRun, JobRunRepository } from './job-run.repository';
import { ProcessPresence } from './process-presence';
import { processNameOf, runEndTexts, storedReason } from './run-end-reasons';

/**
 * Runs left `running` by a process that stopped mid-job (killed, out of memory, host lost). The
 * attempt it was making counts: a run with attempts left is put back in line and resumed (an
 * import re-reads its stored upload), one without is failed and its record told so (a failed
 * import's upload is discarded by the import's failure hook).
 */
@Injectable()
export class OrphanedRuns {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly runs: JobRunRepository,
    private readonly execution: JobExecution,
    private readonly presence: ProcessPresence,
  ) {}

  /** Gone: its process's session lock is free, or it stopped beating for the lease (a host lost). */
  async isOrphan(run: JobRun): Promise<boolean> {
    return this.runs.isExpired(run, this.execution.leaseMs) || (await this.presence.gone(run.claimedBy));
  }

  /** `lost` narrows the orphans further (on BullMQ: those whose job Redis no longer has). */
  async recover(
    lost: (run: JobRun) => Promise<boolean> = async () => true,
  ): Promise<{ resumed: string[]; failed: string[] }> {
    const orphans: JobRun[] = [];
    for (const run of await this.runs.running()) if ((await this.isOrphan(run)) && (await lost(run))) orphans.push(run);
    const resumed: string[] = [];
    const failed: string[] = [];
    // Parents first: a nightly run decides for its steps (failing it fails them, resuming it re-runs them).
    for (const run of [...orphans.filter((r) => !r.parentRunId), ...orphans.filter((r) => r.parentRunId)]) {
      const stopped = { process: processNameOf(run.claimedBy), attempt: run.attempts };
      if (run.attempts < run.maxAttempts) {
        if (
          (await this.runs.release(run.id, run.claimedBy, storedReason(runEndTexts.stoppedResumed, stopped))) &&
          !run.parentRunId
        )
          resumed.push(run.id);
      } else {
        await this.execution.giveUp(run.id, storedReason(runEndTexts.stoppedLastAttempt, stopped));
        if (!run.parentRunId) failed.push(run.id);
      }
    }
    if (resumed.length || failed.length) this.logger.warn({ resumed, failed }, 'runs of a stopped process recovered');
    return { resumed, failed };
  }
}
