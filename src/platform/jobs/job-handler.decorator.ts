import { SetMetadata } from '@nestjs/common';
import type { JobDefinition, JobPayload } from './job-definition';

export const JOB_HANDLER = 'wfm:job-handler';
export const JOB_FAILED = 'wfm:job-failed';

/** Marks a provider method as the one handler of a job. */
export const JobHandler = <P extends JobPayload>(definition: JobDefinition<P>) => SetMetadata(JOB_HANDLER, definition);

/**
 * Marks the method that tells a job's record (a roster, an export) that its run failed for good,
 * called `(payload, { runId, error })` whatever ended it: the handler's last attempt, BullMQ
 * giving up on a job whose worker kept stopping, or a start finding its process gone.
 * It must be idempotent and leave a record that already finished alone.
 */
export const OnRunFailed = <P extends JobPayload>(definition: JobDefinition<P>) => SetMetadata(JOB_FAILED, definition);
