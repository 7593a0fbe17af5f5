import { z } from 'zod';
import { localDate } from 'src/platform/http/field-schemas';
import { pageQuery } from 'src/platform/http/pagination';

export const JOB_STATUSES = ['queued', 'running', 'retrying', 'completed', 'failed'] as const;

export const ListJobsQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(JOB_STATUSES).optional(),
  name: z.string().max(80).optional().meta({ example: 'nightly.run' }),
  parentRunId: z.uuid().optional().meta({ description: 'The steps of one nightly run' }),
});
export type ListJobsQuery = z.infer<typeof ListJobsQuery>;

export const RunJobBody = z.strictObject({
  date: localDate.meta({ description: 'The local day to (re)compute', example: '2026-11-22' }),
});
export type RunJobBody = z.infer<typeof RunJobBody>;

export const jobNameParam = z
  .string()
  .regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, 'must be a job name such as nightly.run');

export const jobRunExample = {
  id: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
  shopId: 'c1a0f4d2-7e3b-4b8a-9f61-2d5e8c9a1b34',
  name: 'nightly.run',
  params: { shopId: 'c1a0f4d2-7e3b-4b8a-9f61-2d5e8c9a1b34', date: '2026-11-22' },
  status: 'completed',
  attempts: 1,
  maxAttempts: 2,
  claimedBy: 'worker-7f9c:41:9a3b5c7d',
  heartbeatAt: '2026-11-22T18:00:07.500Z',
  progress: 100,
  progressNote: 'kpi.aggregate-day',
  parentRunId: null,
  queuedAt: '2026-11-22T18:00:00.120Z',
  startedAt: '2026-11-22T18:00:00.180Z',
  finishedAt: '2026-11-22T18:00:07.930Z',
  error: null,
  result: { date: '2026-11-22', steps: [{ step: 'kpi.aggregate-day', status: 'completed', attempts: 1 }] },
};

export const acceptedExample = {
  jobId: jobRunExample.id,
  name: 'nightly.run',
  status: 'queued',
  statusUrl: `/jobs/${jobRunExample.id}`,
};
