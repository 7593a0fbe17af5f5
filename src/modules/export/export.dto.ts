import { z } from 'zod';
import { pageQuery } from 'src/platform/http/pagination';

export const EXPORT_LANGUAGES = ['zh', 'en'] as const;

export const CreateExportBody = z.strictObject({
  kind: z.string().min(1).meta({
    description: 'What to export; `GET /exports/kinds` lists the kinds your role may ask for',
    example: 'ranking',
  }),
  lang: z.enum(EXPORT_LANGUAGES).optional().meta({
    description: 'Language of the workbook; default the reader’s (Accept-Language, else the shop’s)',
    example: 'zh',
  }),
  params: z
    .record(z.string(), z.unknown())
    .default({})
    .meta({
      description: 'The kind’s own parameters (see `GET /exports/kinds`)',
      example: { rankingId: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a' },
    }),
});
export type CreateExportBody = z.infer<typeof CreateExportBody>;

export const CreateExportQuery = z.strictObject({
  lang: z.enum(EXPORT_LANGUAGES).optional().meta({
    description:
      'Language of the workbook (same as the body’s `lang`, which wins); default the reader’s (Accept-Language, else the shop’s)',
    example: 'en',
  }),
});
export type CreateExportQuery = z.infer<typeof CreateExportQuery>;

export const ListExportsQuery = z.strictObject({ ...pageQuery });
export type ListExportsQuery = z.infer<typeof ListExportsQuery>;

const exportId = '0e1d2c3b-4a59-4687-9786-a5b4c3d2e1f0';
const jobId = '3f2e1d0c-9b8a-4765-8432-10fedcba9876';

export const createdExportExample = {
  exportId,
  jobId,
  name: 'export.build',
  status: 'queued',
  statusUrl: `/jobs/${jobId}`,
  fileUrl: `/exports/${exportId}/file`,
};
export const exportExample = {
  id: exportId,
  kind: 'ranking',
  params: { rankingId: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a' },
  lang: 'zh',
  status: 'completed',
  fileName: 'demo-shop_ranking_2026-11.xlsx',
  sizeBytes: 48213,
  error: null,
  createdAt: '2026-12-01T02:00:00.000Z',
  finishedAt: '2026-12-01T02:00:03.000Z',
  fileUrl: `/exports/${exportId}/file`,
  kindLabel: '月度绩效排名：各指标及得分、总分、标记、奖惩记录；不参与排名者单列',
  statusLabel: '已完成',
};
export const kindsExample = [
  {
    kind: 'ranking',
    description: '月度绩效排名：各指标及得分、总分、标记、奖惩记录；不参与排名者单列',
    params: { type: 'object', properties: { rankingId: { type: 'string', format: 'uuid' } } },
  },
];
