import { defineJob } from 'src/platform/jobs/job-definition';
import type { NightlyPayload } from 'src/platform/jobs/nightly/nightly.jobs';

export const complaintsFlagOverdueJob = defineJob<NightlyPayload>({
  name: 'complaints.flag-overdue',
  description:
    'Nightly: flags complaints that have missed their first-response or resolution deadline (and unflags handled ones)',
  // One statement that recomputes every flag: a retry or re-run gives the same flags.
  attempts: 3,
  backoffMs: 10_000,
  manual: true,
});
