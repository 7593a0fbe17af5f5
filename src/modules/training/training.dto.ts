import { z } from 'zod';
import { localDate, utcInstant } from 'src/platform/http/field-schemas';
import { pageQuery } from 'src/platform/http/pagination';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';
import { text } from 'src/platform/i18n/locale';

const uuid = z.uuid(localized(SchemaTexts.uuid));
const MAX_WINDOW_DAYS = 14;
const dayCount = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

/** A topic: a QC category such as 话术 or 平台政策, or a topic of its own asked for by the floor. */
const category = z.string().trim().min(1).max(40).meta({ example: '平台政策' });

export const NeedsQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(90).optional().meta({
    description: 'Findings of the last N days; default the shop setting `trainingNeedsDays` (14)',
    example: 14,
  }),
});
export type NeedsQuery = z.infer<typeof NeedsQuery>;

export const CreateRequestBody = z.strictObject({
  category,
  note: z.string().trim().max(1000).optional().meta({ example: '新版千牛工作台的快捷短语' }),
});
export type CreateRequestBody = z.infer<typeof CreateRequestBody>;

const Invitees = z
  .strictObject({
    agentIds: z.array(uuid).max(500).optional().meta({ description: 'Agents invited by id' }),
    teamId: uuid.optional().meta({ description: 'Every active agent of the team (not its supervisor)' }),
  })
  .refine(
    (i) => (i.agentIds?.length ?? 0) > 0 || i.teamId,
    localized(text('name agentIds or a teamId', '请指定客服或团队')),
  );

const sessionFields = {
  category,
  title: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Default: the category', example: '七天无理由退货政策' }),
  lengthMinutes: z.number().int().min(15).max(480).meta({ example: 60 }),
  capacity: z.number().int().min(1).max(200).meta({ description: 'Seats in one session', example: 12 }),
  trainerUserId: uuid.meta({ description: 'A trainer, manager or supervisor user of the shop' }),
  invitees: Invitees,
  allowBelowMinimum: z.boolean().default(false).meta({
    description:
      "Also offer times that drop a slot below the shop's minimum service level (`trainingMinServiceLevel`, default 0.7)",
  }),
};

const WindowTooLong = text(`the window may span at most ${MAX_WINDOW_DAYS} days`, `时间窗最多 ${MAX_WINDOW_DAYS} 天`);

const LocalWindow = z
  .strictObject({ from: localDate, to: localDate })
  .refine((w) => w.from <= w.to, { ...localized(SchemaTexts.notBeforeFrom), path: ['to'] })
  .refine((w) => dayCount(w.from, w.to) <= MAX_WINDOW_DAYS, {
    ...localized(WindowTooLong),
    path: ['to'],
  });

export const ProposalBody = z
  .strictObject({
    ...sessionFields,
    from: localDate.meta({ description: 'First local day (shop zone)', example: '2026-11-30' }),
    to: localDate.meta({ description: 'Last local day, inclusive', example: '2026-12-04' }),
    options: z.number().int().min(1).max(20).default(5).meta({ example: 5 }),
  })
  .refine((b) => b.from <= b.to, { ...localized(SchemaTexts.notBeforeFrom), path: ['to'] })
  .refine((b) => dayCount(b.from, b.to) <= MAX_WINDOW_DAYS, {
    ...localized(WindowTooLong),
    path: ['to'],
  });
export type ProposalBody = z.infer<typeof ProposalBody>;

export const BookBody = z
  .strictObject({
    ...sessionFields,
    start: utcInstant.optional().meta({
      description: 'Book one session at this start (an option of a proposal)',
      example: '2026-12-01T06:00:00Z',
    }),
    plan: LocalWindow.optional().meta({
      description: 'Instead: book repeated sessions over these local days until every invitee who can be placed is',
    }),
    draftId: uuid.optional().meta({ description: 'The weekly draft this booking replaces; it is removed' }),
  })
  .refine((b) => Boolean(b.start) !== Boolean(b.plan), {
    ...localized(text('give either start or plan', '请在开始时间和计划中选择其一')),
    path: ['start'],
  });
export type BookBody = z.infer<typeof BookBody>;

export const SessionsQuery = z
  .strictObject({
    from: utcInstant,
    to: utcInstant,
    status: z.enum(['booked', 'draft']).default('booked'),
  })
  .refine((q) => new Date(q.from) < new Date(q.to), { ...localized(SchemaTexts.afterFrom), path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 92 * 86_400_000, {
    ...localized(text('the range may span at most 92 days', '时间范围最多 92 天')),
    path: ['to'],
  });
export type SessionsQuery = z.infer<typeof SessionsQuery>;

export const AttendanceBody = z
  .strictObject({
    attendees: z
      .array(z.strictObject({ agentId: uuid, attendance: z.enum(['attended', 'absent']) }))
      .min(1)
      .max(500),
  })
  .refine((b) => new Set(b.attendees.map((a) => a.agentId)).size === b.attendees.length, {
    ...localized(text('must not repeat an agent', '客服不得重复')),
    path: ['attendees'],
  });
export type AttendanceBody = z.infer<typeof AttendanceBody>;

export const EffectQuery = z.strictObject({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(90)
    .default(14)
    .meta({ description: 'Days before the session and after it', example: 14 }),
});
export type EffectQuery = z.infer<typeof EffectQuery>;

export const ListMakeupQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(['open', 'done']).optional(),
  agent: uuid.optional(),
  session: uuid.optional(),
});
export type ListMakeupQuery = z.infer<typeof ListMakeupQuery>;

export const CloseMakeupBody = z.strictObject({
  note: z
    .string()
    .trim()
    .min(
      5,
      localized(
        text('the supervisor must say what was coached (at least 5 characters)', '主管须写明辅导内容（至少 5 个字）'),
      ),
    )
    .max(4000)
    .meta({ example: '一对一讲解七天无理由政策并抽查三个案例' }),
});
export type CloseMakeupBody = z.infer<typeof CloseMakeupBody>;
