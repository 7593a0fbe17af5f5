import { defineJob } from 'src/platform/jobs/job-definition';

export type NightlyPayload = { shopId: string; date: string };

export const nightlyRun = defineJob<NightlyPayload>({
  name: 'nightly.run',
  description: "A shop's nightly pipeline for one local day: every registered step, in order",
  // Steps retry themselves; re-running the whole night only repeats steps that did not complete.
  attempts: 2,
  backoffMs: 60_000,
  manual: true,
});
