import { z } from 'zod';
import { localDate, utcInstant } from 'src/platform/http/field-schemas';
import { pageQuery } from 'src/platform/http/pagination';
import { METHOD_NAMES } from './engine/forecast-types';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';
import { text } from 'src/platform/i18n/locale';
import { DEFAULT_HORIZON_WEEKS } from './forecast.settings';

export const FORECAST_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;

export const CreateForecastBody = z.strictObject({
  queueIds: z
    .array(z.uuid(localized(SchemaTexts.uuid)))
    .min(1)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, localized(text('must not repeat a queue', '队列不得重复')))
    .optional()
    .meta({
      description: 'Queues to forecast; omitted: every active queue of the shop (forecast all queues)',
      example: ['4a3b2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d'],
    }),
  from: localDate.optional().meta({
    description: 'First local date to forecast; default the next Monday in the shop’s zone',
    example: '2026-11-30',
  }),
  weeks: z
    .number()
    .int()
    .min(1)
    .max(8)
    .default(DEFAULT_HORIZON_WEEKS)
    .meta({ description: 'Horizon in weeks (1–8)', example: 4 }),
  method: z
    .enum(['auto', ...METHOD_NAMES])
    .default('auto')
    .meta({
      description:
        '`auto` picks the method with the lowest backtest WAPE (event days and the days of their learnt after-effect wave left out, see GET /forecasts/{id}/accuracy)',
      example: 'auto',
    }),
});
export type CreateForecastBody = z.infer<typeof CreateForecastBody>;

export const ListForecastsQuery = z.strictObject({
  ...pageQuery,
  queueId: z.uuid(localized(SchemaTexts.uuid)).optional(),
  status: z.enum(FORECAST_STATUSES).optional(),
});
export type ListForecastsQuery = z.infer<typeof ListForecastsQuery>;

const MAX_RANGE_DAYS = 92;

/** A UTC range of slot starts, half-open [from, to). */
export const SlotRangeQuery = z
  .strictObject({ from: utcInstant.optional(), to: utcInstant.optional() })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
    ...localized(SchemaTexts.afterFrom),
    path: ['to'],
  });
export type SlotRangeQuery = z.infer<typeof SlotRangeQuery>;

export const ActualRangeQuery = z
  .strictObject({ from: utcInstant, to: utcInstant })
  .refine((q) => new Date(q.from) < new Date(q.to), { ...localized(SchemaTexts.afterFrom), path: ['to'] })
  .refine((q) => new Date(q.to).getTime() - new Date(q.from).getTime() <= MAX_RANGE_DAYS * 86_400_000, {
    ...localized(text(`the range may span at most ${MAX_RANGE_DAYS} days`, `时间范围最多 ${MAX_RANGE_DAYS} 天`)),
    path: ['to'],
  });
export type ActualRangeQuery = z.infer<typeof ActualRangeQuery>;

const versionId = '7b6a5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
const queueId = '4a3b2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d';
const jobId = '3f2e1d0c-9b8a-4765-8432-10fedcba9876';

export const createdForecastsExample = {
  forecasts: [
    { forecastId: versionId, queueId, jobId, name: 'forecast.generate', status: 'queued', statusUrl: `/jobs/${jobId}` },
  ],
};

export const forecastExample = {
  id: versionId,
  shopId: 'c1a0f4d2-7e3b-4b8a-9f61-2d5e8c9a1b34',
  queueId,
  methodRequested: 'auto',
  methodChosen: 'decomposition',
  fromDate: '2026-11-30',
  toDate: '2026-12-27',
  horizonDays: 28,
  status: 'completed',
  error: null,
  nightlyDate: null,
  jobRunId: jobId,
  createdBy: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  createdAt: '2026-11-23T02:00:00.000Z',
  completedAt: '2026-11-23T02:00:03.512Z',
};

const metricsExample = { count: 896, mae: 3.81, rmse: 4.94, wape: 0.163, bias: -0.13 };

export const accuracyExample = {
  forecastId: versionId,
  queueId,
  method: 'decomposition',
  candidates: [
    { method: 'seasonal-naive', wape: 0.221 },
    { method: 'decomposition', wape: 0.163 },
  ],
  overall: metricsExample,
  byWeekday: { 1: metricsExample, 2: metricsExample },
  byHour: { 10: metricsExample, 21: metricsExample },
  eventWaves: { 'promotion:double11': 3, 'holiday:': 0 },
  intraday: { credibility: 1520, recentCredibility: 76, recentHalfLifeMinutes: 30, persistenceHalfLifeMinutes: 120 },
};

export const appliedAdjustmentExample = {
  id: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
  kind: 'percent',
  value: 20,
  reason: '店铺直播',
  createdBy: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
};

export const slotsExample = {
  forecastId: versionId,
  queueId,
  items: [
    {
      start: '2026-11-30T02:00:00.000Z',
      slotMinutes: 30,
      forecast: 44.8,
      adjusted: 53.8,
      lower: 35.4,
      upper: 51.7,
      closed: false,
      adjustments: [appliedAdjustmentExample],
    },
  ],
};

export const forecastVsActualExample = {
  queueId,
  from: '2026-11-30T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  items: [
    {
      start: '2026-11-30T02:00:00.000Z',
      slotMinutes: 30,
      forecastId: versionId,
      forecast: 44.8,
      adjusted: 53.8,
      lower: 35.4,
      upper: 51.7,
      actual: 49,
    },
  ],
  wape: 0.142,
  adjustedWape: 0.118,
  accuracy: { model: metricsExample, adjusted: metricsExample },
};
