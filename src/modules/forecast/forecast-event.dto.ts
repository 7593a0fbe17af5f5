import { z } from 'zod';
import { localDate } from 'src/platform/http/field-schemas';
import { pageQuery } from 'src/platform/http/pagination';
import { text } from 'src/platform/i18n/locale';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';

export const EVENT_KINDS = ['promotion', 'holiday', 'closed'] as const;

const eventFields = {
  date: localDate.meta({ description: 'Local date in the shop’s zone', example: '2026-12-12' }),
  kind: z.enum(EVENT_KINDS).meta({
    description:
      'promotion / holiday: the day and its after-effect wave (learnt per kind, label and queue, up to 7 days) are left out of backtests and of the fitted baseline, ' +
      'and their learnt curve is applied to planned events of the same kind and label; closed: the queue takes no work that whole local day',
    example: 'promotion',
  }),
  label: z.string().trim().min(1).max(60).nullable().meta({
    description: 'Events with the same kind and label share what the model learns (e.g. double12)',
    example: 'double12',
  }),
  multiplier: z
    .number()
    .positive()
    .max(20)
    .nullable()
    .meta({ description: 'Expected volume × this, used until the model has seen such a day', example: 3 }),
  queueId: z.uuid(localized(SchemaTexts.uuid)).nullable().meta({ description: 'Omit for every queue of the shop' }),
};

const multiplierFitsKind = (b: { kind?: string; multiplier?: number | null }) =>
  b.kind !== 'closed' || b.multiplier === null || b.multiplier === undefined;
const multiplierRule = {
  ...localized(text('a closed day takes no multiplier', '停业日不能设置倍数')),
  path: ['multiplier'],
};

export const CreateEventBody = z
  .strictObject({
    date: eventFields.date,
    kind: eventFields.kind,
    label: eventFields.label.optional(),
    multiplier: eventFields.multiplier.optional(),
    queueId: eventFields.queueId.optional(),
  })
  .refine(multiplierFitsKind, multiplierRule);
export type CreateEventBody = z.infer<typeof CreateEventBody>;

export const UpdateEventBody = z
  .strictObject({
    date: eventFields.date.optional(),
    kind: eventFields.kind.optional(),
    label: eventFields.label.optional(),
    multiplier: eventFields.multiplier.optional(),
    queueId: eventFields.queueId.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, localized(SchemaTexts.nothingToChange))
  .refine(multiplierFitsKind, multiplierRule);
export type UpdateEventBody = z.infer<typeof UpdateEventBody>;

export const ListEventsQuery = z
  .strictObject({
    ...pageQuery,
    from: localDate.optional().meta({ description: 'Events on or after this date' }),
    to: localDate.optional().meta({ description: 'Events on or before this date' }),
    kind: z.enum(EVENT_KINDS).optional(),
    queueId: z
      .uuid(localized(SchemaTexts.uuid))
      .optional()
      .meta({ description: 'Events of this queue and the shop-wide ones' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { ...localized(SchemaTexts.notBeforeFrom), path: ['to'] });
export type ListEventsQuery = z.infer<typeof ListEventsQuery>;

export const eventExample = {
  id: '6f5e4d3c-2b1a-4098-8765-43210fedcba9',
  shopId: 'c1a0f4d2-7e3b-4b8a-9f61-2d5e8c9a1b34',
  queueId: null,
  date: '2026-12-12',
  kind: 'promotion',
  label: 'double12',
  multiplier: 3,
  createdBy: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  createdAt: '2026-11-23T03:00:00.000Z',
};
