import { z } from 'zod';
import { pageQuery } from 'src/platform/http/pagination';
import { IMPORT_KINDS } from './kinds/import-kind';
import { text } from 'src/platform/i18n/locale';
import { localized } from 'src/platform/i18n/zod-messages';

export const kindParam = z.enum(
  IMPORT_KINDS,
  localized(text(`must be one of ${IMPORT_KINDS.join(', ')}`, `必须是以下之一：\`${IMPORT_KINDS.join(', ')}\``)),
);
export const ImportQuery = z.strictObject({
  mode: z
    .enum(['all', 'partial'])
    .default('all')
    .meta({ description: 'all: one bad row rejects the file; partial: store the good rows' }),
});
export type ImportQuery = z.infer<typeof ImportQuery>;
export const ListImportsQuery = z.strictObject({ ...pageQuery });
export type ListImportsQuery = z.infer<typeof ListImportsQuery>;
export const TemplateQuery = z.strictObject({});

export const reportExample = {
  importId: '7c6b5a49-3827-4165-9f8e-7d6c5b4a3928',
  kind: 'sessions',
  mode: 'partial',
  status: 'completed',
  rows: 1200,
  inserted: 1180,
  updated: 12,
  unchanged: 6,
  rejected: 2,
  errors: [
    { row: 17, field: 'agent', message: 'unknown agent employee number CS9999' },
    {
      row: 301,
      field: 'startedAt',
      message: '2026-03-08 02:30 does not exist in America/New_York (daylight-saving gap)',
    },
  ],
  errorsTruncated: false,
  reattributed: 37,
};

export const rejectedExample = {
  type: '/problems/unprocessable',
  title: 'The content cannot be processed',
  status: 422,
  detail: '2 of 1200 rows were rejected; nothing was stored (send ?mode=partial to store the good rows)',
  errors: reportExample.errors,
  report: { ...reportExample, mode: 'all', status: 'rejected', inserted: 0, updated: 0, unchanged: 0 },
};

/** The 422 of a file without a required column (checked from its header, or a JSON file's keys): each named. */
export const missingColumnsExample = (column: string, field = column) => ({
  type: '/problems/unprocessable',
  code: 'ingest.missing-columns',
  title: 'The content cannot be processed',
  status: 422,
  detail: `Missing required column(s): ${column}`,
  errors: [{ field, message: `column ${column} is required`, code: 'ingest.column-required' }],
});

/** A 422 of an import: rows refused, or a required column missing (zh: 缺少必填列 X). */
export const importRefusals = (rows: object, missing: object) => ({
  'application/problem+json': {
    examples: {
      rowsRejected: { summary: 'Rows rejected (mode=all): nothing stored', value: rows },
      missingColumn: {
        summary: 'A required column is missing: "column X is required" (缺少必填列 X), nothing stored',
        value: missing,
      },
    },
  },
});

export const importRecordExample = {
  id: reportExample.importId,
  shopId: 'c1a0f4d2-7e3b-4b8a-9f61-2d5e8c9a1b34',
  kind: 'sessions',
  fileName: 'sessions-2026-11-22.csv',
  format: 'csv',
  mode: 'partial',
  checksum: 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  status: 'completed',
  rows: 1200,
  inserted: 1180,
  updated: 12,
  unchanged: 6,
  rejected: 2,
  errors: reportExample.errors,
  jobRunId: null,
  createdBy: '6f1c0d9e-1b7a-4c55-9c1e-0a4f3e2b7d10',
  createdAt: '2026-11-23T01:10:00.000Z',
  finishedAt: '2026-11-23T01:10:03.000Z',
};

/** Pushes are meant to be small and frequent (every slot, every state change); a day of a busy shop fits easily. */
export const MAX_PUSHED_ROWS = 5_000;

/** The body of a push: rows as the kind's import takes them. */
export const pushBody = (description: string, example: Record<string, unknown>[]) =>
  z.strictObject({
    rows: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_PUSHED_ROWS).meta({ description, example }),
  });
