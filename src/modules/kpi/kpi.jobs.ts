import { defineJob } from 'src/platform/jobs/job-definition';
import type { NightlyPayload } from 'src/platform/jobs/nightly/nightly.jobs';

export const kpiAggregateJob = defineJob<NightlyPayload>({
  name: 'kpi.aggregate',
  description:
    "Nightly: recomputes the agents' daily KPI sums of the night's day, of the days whose attribution window is still open, and of days whose facts were re-imported",
  // Every day is replaced in its own transaction, so a retry simply recomputes.
  attempts: 2,
  backoffMs: 30_000,
  manual: true,
});
