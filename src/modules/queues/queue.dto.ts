import { z } from 'zod';
import { utcInstant } from 'src/platform/http/field-schemas';
import { chatSlowdownTable, checkTableCovers, SlowdownTexts } from './chat-slowdown-table';
import { DEADLINE_DESCRIPTION, queueRowFields, withQueueRules } from 'src/modules/ingest/kinds/queue-rows';
import { inLocale, text } from 'src/platform/i18n/locale';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';
import { currentLocale } from 'src/platform/i18n/request-locale';

/** The JSON API takes the row schema of queue files, and a chat queue may bring its measured slowdown table. */
export const CreateQueueBody = withQueueRules(
  z.strictObject({ ...queueRowFields, chatSlowdown: chatSlowdownTable.optional() }),
).superRefine((q, ctx) => {
  if (q.chatSlowdown && q.channel !== 'chat')
    ctx.addIssue({
      code: 'custom',
      message: inLocale(SlowdownTexts.chatOnly, currentLocale()),
      path: ['chatSlowdown'],
    });
  else checkTableCovers(q.chatSlowdown, q.chatConcurrency, ctx, ['chatSlowdown']);
});
export type CreateQueueBody = z.infer<typeof CreateQueueBody>;
export const UpdateQueueBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    chatConcurrency: z.number().int().min(1).max(10).optional(),
    defaultHandleSeconds: z.number().int().min(1).max(86_400).optional(),
    serviceLevelPercent: z.number().int().min(1).max(100).optional(),
    serviceLevelSeconds: z.number().int().min(0).max(86_400).optional(),
    deadlineMinutes: z.number().int().min(1).nullable().optional().meta({ description: DEADLINE_DESCRIPTION }),
    patienceSeconds: z.number().int().min(1).nullable().optional(),
    chatSlowdown: chatSlowdownTable.nullable().optional().meta({
      description: 'A measured table (see GET /staffing/chat-slowdown); null: back to the shop’s factor per extra chat',
    }),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, localized(SchemaTexts.nothingToChange))
  .superRefine((b, ctx) => {
    if (b.chatConcurrency !== undefined) checkTableCovers(b.chatSlowdown, b.chatConcurrency, ctx, ['chatSlowdown']);
  });
export type UpdateQueueBody = z.infer<typeof UpdateQueueBody>;

export const RangeQuery = z
  .strictObject({ from: utcInstant, to: utcInstant })
  .refine((q) => new Date(q.from) < new Date(q.to), { ...localized(SchemaTexts.afterFrom), path: ['to'] })
  .refine((q) => new Date(q.to).getTime() - new Date(q.from).getTime() <= 92 * 86_400_000, {
    ...localized(text('the range may span at most 92 days', '范围最多 92 天')),
    path: ['to'],
  });
export type RangeQuery = z.infer<typeof RangeQuery>;

export const queueExample = {
  id: '4a3b2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d',
  shopId: 'c1a0f4d2-7e3b-4b8a-9f61-2d5e8c9a1b34',
  code: 'presales_chat',
  name: '售前咨询',
  channel: 'chat',
  kind: 'realtime',
  chatConcurrency: 4,
  defaultHandleSeconds: 420,
  serviceLevelPercent: 80,
  serviceLevelSeconds: 30,
  deadlineMinutes: null,
  patienceSeconds: 180,
  chatSlowdown: [1, 1.12, 1.3, 1.55],
  requiredSkillId: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
  active: true,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

export const volumeExample = [
  {
    slotStart: '2026-11-22T02:00:00.000Z',
    slotMinutes: 30,
    offered: 120,
    handled: 114,
    abandoned: 6,
    meanHandleSeconds: '410.00',
  },
];
