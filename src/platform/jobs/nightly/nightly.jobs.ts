import { defineJob } from 'src/platform/jobs/job-definition';

/**
 * `through`: set by the scheduler when it catches up missed nights: the night, once done, queues
 * the next one up to that date at once instead of leaving it to the next minute's check.
 */
export type NightlyPayload = { shopId: string; date: string; through?: string };

/** The one key of a shop's scheduled night: the first replica to enqueue it wins. */
export const nightKey = (shopId: string, date: string) => `nightly.run:${shopId}:${date}`;

export const nightlyRun = defineJob<NightlyPayload>({
  name: 'nightly.run',
  description: "A shop's nightly pipeline for one local day: every registered step, in order",
  // Steps retry themselves; re-running the whole night only repeats steps that did not complete.
  attempts: 2,
  backoffMs: 60_000,
  manual: true,
});
