import { SetMetadata } from '@nestjs/common';
import type { JobDefinition, JobPayload } from './job-definition';

export const JOB_HANDLER = 'wfm:job-handler';

/** Marks a provider method as the one handler of a job. */
export const JobHandler = <P extends JobPayload>(definition: JobDefinition<P>) => SetMetadata(JOB_HANDLER, definition);
