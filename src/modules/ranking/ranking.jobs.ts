import { defineJob } from 'src/platform/jobs/job-definition';

export type RankingPayload = { shopId: string; runId: string };

export const rankingComputeJob = defineJob<RankingPayload>({
  name: 'ranking.compute',
  description: 'Ranks one scorecard group for one month from the daily KPI sums and stores the rows of that version',
  // A retry replaces the version's rows; an approved version is never recomputed.
  attempts: 2,
  backoffMs: 5_000,
});
