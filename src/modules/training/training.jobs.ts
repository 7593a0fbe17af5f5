import { defineJob } from 'src/platform/jobs/job-definition';
import type { NightlyPayload } from 'src/platform/jobs/nightly/nightly.jobs';

export const trainingWeeklyDraftJob = defineJob<NightlyPayload>({
  name: 'training.weekly-draft',
  description:
    "Mondays: drafts next week's training sessions for the top needs in the quietest slots of the published roster (a re-run replaces the week's drafts)",
  attempts: 2,
  backoffMs: 30_000,
  manual: true,
});
