import { DateTime } from 'luxon';
import { z } from 'zod';
import { localDate } from 'src/platform/http/field-schemas';
import { KPI_DEFINITIONS, KPI_KEYS } from './kpi-definitions';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';
import { text } from 'src/platform/i18n/locale';

const MAX_RANGE_DAYS = 366;
const days = (from: string, to: string) => DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days;

export const KpiQuery = z
  .strictObject({
    level: z
      .enum(['agent', 'team', 'shop'])
      .default('agent')
      .meta({ description: 'Roll-up level: sums of numerators and denominators, then ratios', example: 'team' }),
    from: localDate.meta({ description: 'First local day (shop zone), inclusive', example: '2026-11-01' }),
    to: localDate.meta({
      description: 'Last local day, inclusive (at most 366 days after from)',
      example: '2026-11-30',
    }),
    period: z
      .enum(['day', 'week', 'month', 'total'])
      .default('total')
      .meta({ description: 'Rows per day, ISO week (Monday), month, or one row for the range', example: 'week' }),
    metrics: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((m) => m.trim())
          .filter(Boolean),
      )
      .refine(
        (list) => list.length > 0 && list.every((m) => KPI_KEYS.includes(m)),
        localized(
          text(
            `must be a comma-separated list of: ${KPI_KEYS.join(', ')}`,
            '必须是以逗号分隔的指标键（见 GET /kpis/definitions）',
          ),
        ),
      )
      .optional()
      .meta({
        description: 'Comma-separated KPI keys (default all)',
        example: 'inquiries,orderConversion,serviceSales',
      }),
    teamId: z.uuid(localized(SchemaTexts.uuid)).optional(),
    agentId: z.uuid(localized(SchemaTexts.uuid)).optional(),
  })
  .refine((q) => q.to >= q.from, { ...localized(SchemaTexts.notBeforeFrom), path: ['to'] })
  .refine((q) => days(q.from, q.to) < MAX_RANGE_DAYS, {
    ...localized(text(`the range may span at most ${MAX_RANGE_DAYS} days`, `时间范围最多 ${MAX_RANGE_DAYS} 天`)),
    path: ['to'],
  });
export type KpiQuery = z.infer<typeof KpiQuery>;

export const DailyReportQuery = z.strictObject({
  date: localDate.meta({
    description: 'The local day reported; compared with the same weekday a week before',
    example: '2026-11-25',
  }),
});
export type DailyReportQuery = z.infer<typeof DailyReportQuery>;

export const definitionsExample = KPI_DEFINITIONS.slice(0, 2).map((d) => ({
  ...d,
  label: d.nameZh,
  unitLabel: '个',
  directionLabel: '越高越好',
}));

export const kpiRowsExample = {
  level: 'agent',
  period: 'total',
  from: '2026-11-01',
  to: '2026-11-30',
  metrics: ['inquiries', 'orderConversion', 'serviceSales'],
  items: [
    {
      agentId: '5b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      agentName: '林晓',
      employeeNo: 'A007',
      teamId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      teamName: '售前一组',
      periodStart: '2026-11-01',
      daysWorked: 21,
      values: { inquiries: 1840, orderConversion: 0.4125, serviceSales: 12_873_400 },
    },
  ],
};

const figure = (value: number, previous: number) => ({
  value,
  previous,
  change: Math.round((value - previous) * 1e4) / 1e4,
  changePercent: Math.round(((value - previous) / previous) * 1e4) / 100,
});

export const dailyReportExample = {
  date: '2026-11-25',
  comparedWith: '2026-11-18',
  metrics: ['inquiries', 'orders', 'orderConversion'],
  shop: {
    figures: { inquiries: figure(5120, 4870), orders: figure(1630, 1555), orderConversion: figure(0.3811, 0.3702) },
  },
  teams: [
    {
      teamId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      teamName: '售前一组',
      figures: { inquiries: figure(2210, 2032), orders: figure(802, 751), orderConversion: figure(0.4017, 0.3911) },
    },
  ],
};
