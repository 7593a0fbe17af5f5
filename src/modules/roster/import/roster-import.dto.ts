import { z } from 'zod';
import { localDate } from 'src/platform/http/field-schemas';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';
import { isMonday } from 'src/modules/roster/roster-week';
import { RosterDtoTexts } from 'src/modules/roster/roster.dto';

export const RosterImportQuery = z.strictObject({
  mode: z.enum(['all', 'partial']).default('all').meta({
    description:
      'all: one refused cell refuses the file, nothing is stored; partial: refused cells are left empty and listed, the rest is stored',
    example: 'all',
  }),
  rosterId: z.uuid(localized(SchemaTexts.uuid)).optional().meta({
    description: 'The roster to import into; default the newest solved roster of the week the file’s day headers name',
    example: '6f5e4d3c-2b1a-4098-8765-43210fedcba9',
  }),
});
export type RosterImportQuery = z.infer<typeof RosterImportQuery>;

export const ImportTemplateQuery = z.strictObject({
  week: localDate
    .refine(isMonday, localized(RosterDtoTexts.monday))
    .meta({ description: 'The Monday of the week', example: '2026-12-07' }),
  lang: z.enum(['zh', 'en']).optional().meta({
    description: 'Language of the template; default the reader’s (Accept-Language, else the shop’s)',
    example: 'zh',
  }),
});
export type ImportTemplateQuery = z.infer<typeof ImportTemplateQuery>;

export const rosterImportExample = {
  rosterId: '6f5e4d3c-2b1a-4098-8765-43210fedcba9',
  weekStart: '2026-12-07',
  version: 3,
  status: 'draft',
  revision: 7,
  shifts: 182,
  rejected: [
    {
      field: "'排班表'!E7",
      row: 7,
      code: 'roster-import.unknown-template',
      message: '“X”不是此排班的班次模板（可用模板：E 早班、M 中班、L 晚班、N 夜班）',
      in: 'file',
    },
  ],
};

export const rosterImportRefusedExample = {
  type: '/problems/unprocessable',
  code: 'roster-import.cells-rejected',
  status: 422,
  detail: '工作簿中有 2 个单元格被拒绝，未保存任何数据（如需保存其余内容并将这些单元格留空，请加 ?mode=partial）',
  errors: [
    { field: "'排班表'!D5", row: 5, code: 'roster-import.start-fixed', message: '早班的上班时间为 08:00', in: 'file' },
    {
      field: "'排班表'!F9",
      row: 9,
      code: 'roster-import.rule-broken',
      message: '违反规则“班次间最短休息”（2026-12-09）',
      in: 'file',
    },
  ],
};
