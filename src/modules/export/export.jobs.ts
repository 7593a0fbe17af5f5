import { defineJob } from 'src/platform/jobs/job-definition';

export type BuildExportPayload = { shopId: string; exportId: string };

export const exportBuildJob = defineJob<BuildExportPayload>({
  name: 'export.build',
  description: 'Builds one Excel export with the streaming writer and stores the file',
  // A retry rebuilds the whole file; nothing half-written is ever served.
  attempts: 2,
  backoffMs: 5_000,
});
