import { defineJob } from 'src/platform/jobs/job-definition';
import type { NightlyPayload } from 'src/platform/jobs/nightly/nightly.jobs';

export type GeneratePayload = { shopId: string; versionId: string };

export const forecastGenerateJob = defineJob<GeneratePayload>({
  name: 'forecast.generate',
  description: 'Computes one forecast version of one queue from its volume history and stores its slots',
  // A retry replaces the version's slots, so a half-stored attempt leaves nothing behind.
  attempts: 2,
  backoffMs: 5_000,
});

export const forecastRefreshJob = defineJob<NightlyPayload>({
  name: 'forecast.refresh',
  description: "Nightly: re-forecasts every active real-time queue from the next day with yesterday's actuals",
  attempts: 2,
  backoffMs: 30_000,
  manual: true,
});

export type IntradayPayload = { shopId: string; queueId: string; date: string };

export const forecastIntradayJob = defineJob<IntradayPayload>({
  name: 'forecast.intraday',
  description:
    "Re-forecasts the rest of a queue's day from the arrivals so far (queued by volume pushes and imports; a burst makes one run)",
  // A retry recomputes from the facts of its own moment; an older result never replaces a newer one.
  attempts: 2,
  backoffMs: 5_000,
});
