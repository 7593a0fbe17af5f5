import { defineJob } from 'src/platform/jobs/job-definition';
import type { NightlyPayload } from 'src/platform/jobs/nightly/nightly.jobs';

export const qcSampleJob = defineJob<NightlyPayload>({
  name: 'qc.sample',
  description:
    "Nightly: draws each agent's QC sample from the night's sessions for review the next day (a re-run replaces the unreviewed part)",
  attempts: 2,
  backoffMs: 30_000,
  manual: true,
});

export const qcCoachingOverdueJob = defineJob<NightlyPayload>({
  name: 'qc.coaching-overdue',
  description: 'Nightly: flags open coaching tasks whose due date has passed (recomputed on every run)',
  attempts: 2,
  backoffMs: 30_000,
  manual: true,
});
