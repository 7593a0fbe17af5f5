import { z } from 'zod';
import { queryBoolean, utcInstant } from 'src/platform/http/field-schemas';
import { pageQuery } from 'src/platform/http/pagination';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';
import { text } from 'src/platform/i18n/locale';

export const ADJUSTMENT_KINDS = ['percent', 'absolute'] as const;
const MAX_SPAN_MS = 366 * 86_400_000;

export const CreateAdjustmentBody = z
  .strictObject({
    queueId: z.uuid(localized(SchemaTexts.uuid)),
    from: utcInstant.meta({ description: 'First instant changed (inclusive)', example: '2026-12-12T12:00:00Z' }),
    to: utcInstant.meta({ description: 'End of the change (exclusive)', example: '2026-12-12T15:00:00Z' }),
    kind: z
      .enum(ADJUSTMENT_KINDS)
      .meta({ description: 'percent: model × (1 + value/100); absolute: model + value per slot', example: 'percent' }),
    value: z
      .number()
      .finite()
      .refine((v) => v !== 0, localized(text('must not be 0', '不能为 0')))
      .meta({ example: 20 }),
    reason: z.string().trim().min(1).max(500).meta({ example: '双12 店铺直播' }),
  })
  .refine((b) => new Date(b.from) < new Date(b.to), { ...localized(SchemaTexts.afterFrom), path: ['to'] })
  .refine((b) => new Date(b.to).getTime() - new Date(b.from).getTime() <= MAX_SPAN_MS, {
    ...localized(text('the range may span at most 366 days', '时间范围最多 366 天')),
    path: ['to'],
  })
  .refine((b) => b.kind !== 'percent' || (b.value >= -100 && b.value <= 1000), {
    ...localized(text('a percentage must be between -100 and 1000', '百分比必须在 -100 到 1000 之间')),
    path: ['value'],
  })
  .refine((b) => b.kind !== 'absolute' || Math.abs(b.value) <= 100_000, {
    ...localized(text('an absolute change must be within ±100000 per slot', '绝对调整量每时段须在 ±100000 以内')),
    path: ['value'],
  });
export type CreateAdjustmentBody = z.infer<typeof CreateAdjustmentBody>;

export const ListAdjustmentsQuery = z
  .strictObject({
    ...pageQuery,
    queueId: z.uuid(localized(SchemaTexts.uuid)).optional(),
    from: utcInstant.optional().meta({ description: 'Adjustments ending after this instant' }),
    to: utcInstant.optional().meta({ description: 'Adjustments starting before this instant' }),
    includeDeleted: queryBoolean.optional().meta({ description: 'Also the removed ones (audit)' }),
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
    ...localized(SchemaTexts.afterFrom),
    path: ['to'],
  });
export type ListAdjustmentsQuery = z.infer<typeof ListAdjustmentsQuery>;

export const adjustmentExample = {
  id: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
  shopId: 'c1a0f4d2-7e3b-4b8a-9f61-2d5e8c9a1b34',
  queueId: '4a3b2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d',
  from: '2026-12-12T12:00:00.000Z',
  to: '2026-12-12T15:00:00.000Z',
  kind: 'percent',
  value: 20,
  reason: '双12 店铺直播',
  createdBy: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  createdAt: '2026-11-23T03:00:00.000Z',
  deletedBy: null,
  deletedAt: null,
};
