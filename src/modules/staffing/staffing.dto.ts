import { z } from 'zod';
import { localDate, utcInstant } from 'src/platform/http/field-schemas';
import { inLocale, text } from 'src/platform/i18n/locale';
import { currentLocale } from 'src/platform/i18n/request-locale';
import { localized, SchemaTexts, uuid } from 'src/platform/i18n/zod-messages';
import { defineTexts } from 'src/platform/i18n/texts';
import { chatSlowdownTable, checkTableCovers, MAX_CHAT_CONCURRENCY } from 'src/modules/queues/chat-slowdown-table';

const MEASURE_DAYS = 92;

export const StaffingTexts = defineTexts('staffing', {
  oneSlowdown: text(
    'give one of slowdownPerExtraChat, slowdownByConcurrency, queue',
    '每多一个会话的减速系数、按并发数的减速表、队列三者只能给出其一',
  ),
  measureRange: text(`the range may span at most ${MEASURE_DAYS} days`, `范围最多 ${MEASURE_DAYS} 天`),
  notChatQueue: text('is not a chat queue', '不是聊天队列'),
  noBaseline: text(
    'fewer than {min} of its sessions were handled at one chat, which every factor is compared with',
    '单独接待（1 个会话）的会话少于 {min} 个，无法作为比较基准',
  ),
  tooShortMeasured: text(
    'only up to {length} chats at once have {min} sessions or more, and the queue serves {concurrency}',
    '只有最多 {length} 个并发会话的级别有不少于 {min} 个会话，而该队列同时接待 {concurrency} 个',
  ),
});

export const RequirementsQuery = z
  .strictObject({
    forecast: z.uuid().meta({ description: 'The forecast version whose (adjusted) volume is staffed' }),
    queue: z.uuid().optional().meta({ description: 'Must be the forecast’s queue when given' }),
    from: utcInstant.optional(),
    to: utcInstant.optional(),
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
    ...localized(SchemaTexts.afterFrom),
    path: ['to'],
  });
export type RequirementsQuery = z.infer<typeof RequirementsQuery>;

const fraction = z.number().gt(0).lt(1);

const contacts = z
  .array(z.number().min(0).max(1_000_000))
  .min(1)
  .max(2_000)
  .meta({ description: 'Arrivals per slot', example: [120, 180, 240] });
const slotMinutes = z.number().int().min(5).max(60).default(30);
const shrinkage = z.number().min(0).max(0.8).default(0);

const RealTimeWhatIf = z.strictObject({
  kind: z.literal('realtime').optional().meta({ description: 'Default: a real-time queue (phone, chat)' }),
  contacts,
  slotMinutes,
  handleSeconds: z.number().gt(0).max(86_400).meta({ example: 420 }),
  patienceSeconds: z
    .number()
    .gt(0)
    .max(86_400)
    .optional()
    .meta({ description: 'With it Erlang A, without it Erlang C', example: 180 }),
  target: z
    .strictObject({
      answerWithinSeconds: z.number().min(0).max(86_400).meta({ example: 30 }),
      serviceLevel: fraction.optional().meta({ example: 0.8 }),
      maxAsaSeconds: z.number().gt(0).optional(),
      maxOccupancy: z.number().gt(0).max(1).optional(),
      maxAbandonment: fraction.optional(),
    })
    .refine(
      (t) =>
        t.serviceLevel !== undefined ||
        t.maxAsaSeconds !== undefined ||
        t.maxOccupancy !== undefined ||
        t.maxAbandonment !== undefined,
      {
        ...localized(
          text(
            'give at least one of serviceLevel, maxAsaSeconds, maxOccupancy, maxAbandonment',
            '请至少给出一项目标：服务水平、平均应答时间、最高占用率或最高放弃率',
          ),
        ),
      },
    ),
  chat: z
    .strictObject({
      concurrency: z.number().int().min(1).max(MAX_CHAT_CONCURRENCY),
      slowdownPerExtraChat: z
        .number()
        .min(0)
        .max(1)
        .optional()
        .meta({ description: 'Linear slowdown 1 + s·(k − 1); the default when no other is given: 0.15' }),
      slowdownByConcurrency: chatSlowdownTable.optional(),
      queue: uuid()
        .optional()
        .meta({ description: "Use this queue's measured table (else the shop's factor per extra chat)" }),
    })
    .superRefine((c, ctx) => {
      const given = (['slowdownPerExtraChat', 'slowdownByConcurrency', 'queue'] as const).filter(
        (k) => c[k] !== undefined,
      );
      if (given.length > 1)
        ctx.addIssue({
          code: 'custom',
          message: inLocale(StaffingTexts.oneSlowdown, currentLocale()),
          path: [given[1]],
        });
      checkTableCovers(c.slowdownByConcurrency, c.concurrency, ctx, ['slowdownByConcurrency']);
    })
    .optional(),
  shrinkage,
  agents: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .optional()
    .meta({ description: 'Project what exactly this many agents give, instead of finding the fewest' }),
});

const DeferredWhatIf = z.strictObject({
  kind: z
    .literal('deferred')
    .meta({ description: 'Deferred work (e-mail, reviews, after-sales cases): done by a deadline' }),
  contacts: contacts.meta({ description: 'Items arriving per slot', example: [30, 10, 0, 0, 20, 0, 0, 0] }),
  slotMinutes,
  handleSeconds: z.number().gt(0).max(86_400).meta({ description: 'Work per item', example: 600 }),
  deadlineMinutes: z
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .meta({
      description:
        'Each item is due exactly this many minutes after the start of the slot it arrives in: the items of a slot ' +
        'count as arriving at its start (workable from then on), so with 30-minute slots an item of 09:00–09:30 ' +
        'is due at 09:45 for 45 minutes, and a deadline need be neither whole slots nor as long as one ' +
        '(10 minutes on 15-minute slots: due 10 minutes after the slot starts)',
      example: 120,
    }),
  shrinkage,
  agents: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .optional()
    .meta({ description: 'How late the work gets with exactly this many agents in every slot' }),
});

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

const measureFields = {
  queue: uuid().meta({ description: 'A chat queue of the shop' }),
  from: localDate.meta({ description: 'First local day of the sessions measured', example: '2026-10-01' }),
  to: localDate.meta({ description: 'Last local day (inclusive); at most 92 days after from', example: '2026-11-22' }),
  minSessions: z.coerce
    .number()
    .int()
    .min(5)
    .max(10_000)
    .default(30)
    .meta({ description: 'Sessions a concurrency level needs to be measured', example: 30 }),
};
const measureRange = <S extends z.ZodType<{ from: string; to: string }>>(schema: S) =>
  schema
    .refine((q) => daysBetween(q.from, q.to) >= 0, { ...localized(SchemaTexts.notBeforeFrom), path: ['to'] })
    .refine((q) => daysBetween(q.from, q.to) < MEASURE_DAYS, {
      ...localized(StaffingTexts.measureRange),
      path: ['to'],
    });

/** Which sessions measure a chat queue's slowdown table (the query of GET, the body of POST). */
export const SlowdownQuery = measureRange(z.strictObject(measureFields));
export type SlowdownQuery = z.infer<typeof SlowdownQuery>;

/** A real-time queue (the default, `kind` may be left out) or deferred work (`kind: 'deferred'`). */
export const WhatIfBody = z.discriminatedUnion('kind', [RealTimeWhatIf, DeferredWhatIf]);
export type WhatIfBody = z.infer<typeof WhatIfBody>;
export type RealTimeWhatIf = z.infer<typeof RealTimeWhatIf>;
export type DeferredWhatIf = z.infer<typeof DeferredWhatIf>;

export const slotExample = {
  start: '2026-11-23T02:00:00.000Z',
  slotMinutes: 30,
  contacts: 180,
  offeredLoad: 14.7,
  rawAgents: 6,
  positions: 8,
  serviceLevel: 0.83,
  asaSeconds: 9.4,
  occupancy: 0.61,
  abandonment: 0.012,
  parallelChats: 24,
  chatsPerHour: 162.3,
};

export const requirementsExample = {
  forecastId: '7b6a5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  queueId: '4a3b2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d',
  kind: 'realtime',
  model: 'erlang-a',
  shrinkage: 0.25,
  target: { answerWithinSeconds: 30, serviceLevel: 0.8 },
  items: [slotExample],
};

const lateExample = {
  agents: 2,
  lateItems: 28,
  maxHoursLate: 1,
  lateItemHours: 11.6667,
  unfinishedItems: 0,
  finishedAfterHours: 5,
};
const deferredItems = [3, 3, 3, 3, 3, 3, 2, 0].map((rawAgents, i) => ({
  slotMinutes: 30,
  contacts: [30, 10, 0, 0, 20, 0, 0, 0][i],
  rawAgents,
  positions: Math.ceil(rawAgents / 0.75),
  workSeconds: rawAgents * 1800,
}));

/** `POST /staffing/what-if` answers: a real-time queue, deferred work, and deferred work with given agents. */
export const whatIfExamples = {
  realTime: {
    summary: 'Real-time queue: fewest agents per slot',
    value: { model: 'erlang-a', mode: 'required', items: [slotExample] },
  },
  deferred: {
    summary: 'Deferred work: agents per slot by the deadline, and how late one agent fewer than the peak gets',
    value: {
      model: 'deferred',
      mode: 'required',
      deadlineMinutes: 120,
      deadlineSlots: 4,
      peakAgents: 3,
      fluidPeak: 2.6667,
      items: deferredItems,
      spilloverAgents: [0, 0, 0],
      oneFewer: lateExample,
    },
  },
  deferredProjected: {
    summary: 'Deferred work with exactly `agents` in every slot',
    value: {
      model: 'deferred',
      mode: 'projected',
      deadlineMinutes: 120,
      deadlineSlots: 4,
      peakAgents: 3,
      fluidPeak: 2.6667,
      items: deferredItems,
      spilloverAgents: [0, 0, 0],
      oneFewer: lateExample,
      projected: lateExample,
    },
  },
};

export const slowdownExample = {
  queueId: '4a3b2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d',
  queueName: '售前咨询',
  from: '2026-10-01',
  to: '2026-11-22',
  minSessions: 30,
  sessions: 18_420,
  concurrency: 4,
  current: null,
  baselineHandleSeconds: 301.4,
  table: [1, 1.1, 1.283, 1.283],
  coversConcurrency: true,
  note: null,
  levels: [
    { concurrency: 1, sessions: 2100, meanHandleSeconds: 301.4, ratio: 1, fitted: 1 },
    { concurrency: 2, sessions: 6400, meanHandleSeconds: 331.5, ratio: 1.1, fitted: 1.1 },
    { concurrency: 3, sessions: 7800, meanHandleSeconds: 391.8, ratio: 1.3, fitted: 1.283 },
    { concurrency: 4, sessions: 2100, meanHandleSeconds: 373.7, ratio: 1.24, fitted: 1.283 },
    { concurrency: 5, sessions: 20, meanHandleSeconds: 612, ratio: null, fitted: null },
  ],
};
