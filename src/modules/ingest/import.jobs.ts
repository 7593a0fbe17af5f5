import { defineJob } from 'src/platform/jobs/job-definition';

export const importFileJob = defineJob<{ shopId: string; importId: string }>({
  name: 'ingest.import-file',
  description: 'Imports an uploaded file that was too large to import within the request',
  // A retry re-reads the same stored file; the upsert makes that harmless.
  attempts: 3,
  backoffMs: 5_000,
});
