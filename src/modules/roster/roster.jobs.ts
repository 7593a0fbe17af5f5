import { defineJob } from 'src/platform/jobs/job-definition';

export type RosterGeneratePayload = { shopId: string; rosterId: string };

export const rosterGenerateJob = defineJob<RosterGeneratePayload>({
  name: 'roster.generate',
  description: 'Solves one week’s roster from its stored problem and stores it as draft version 1',
  // A retry replaces the versions of the attempt before, so nothing half-stored remains.
  attempts: 2,
  backoffMs: 5_000,
});
