import { z } from 'zod';
import { integer, text } from './cell-values';
import { ImportKind, unknownCode } from './import-kind';
import { CellTexts, CodeKinds, cellError } from './cell-texts';

export const CHANNELS = ['chat', 'phone', 'email', 'review'] as const;
export const QUEUE_KINDS = ['realtime', 'deferred'] as const;

const oneOf = <T extends readonly string[]>(values: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z.enum(values, cellError(CellTexts.oneOf, { values: values.join(', ') })),
  );

/** How a deferred queue's deadline is counted, the same in requirements and what-if. */
export const DEADLINE_DESCRIPTION =
  'Deferred work: each item is due exactly this many minutes after the start of the slot it arrives in (the items of a slot ' +
  'count as arriving at its start); need not be whole slots (45 minutes on 30-minute slots is a slot and a half)';

/** The fields of a queue row; POST /queues takes them and a measured chat slowdown table. */
export const queueRowFields = {
  code: text(40).pipe(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only')),
  name: text(100).pipe(z.string().min(1, 'is required')),
  channel: oneOf(CHANNELS),
  kind: oneOf(QUEUE_KINDS),
  chatConcurrency: integer(1, 10).default(1),
  defaultHandleSeconds: integer(1, 86_400),
  serviceLevelPercent: integer(1, 100).default(80),
  serviceLevelSeconds: integer(0, 86_400).default(30),
  deadlineMinutes: integer(1, 60 * 24 * 30)
    .optional()
    .meta({ description: DEADLINE_DESCRIPTION }),
  patienceSeconds: integer(1, 86_400).optional(),
  requiredSkill: text(40).optional(),
};

type QueueRuleFields = { kind: string; channel: string; chatConcurrency: number; deadlineMinutes?: number };

/** Rules across fields of a queue, for files and the API alike. */
export const withQueueRules = <S extends z.ZodType<QueueRuleFields>>(schema: S) =>
  schema
    .refine((q) => q.kind !== 'deferred' || q.deadlineMinutes !== undefined, {
      ...cellError(CellTexts.requiredForDeferred),
      path: ['deadlineMinutes'],
    })
    .refine((q) => q.channel === 'chat' || q.chatConcurrency === 1, {
      ...cellError(CellTexts.chatOnlyConcurrency),
      path: ['chatConcurrency'],
    });

/** The same schema serves queue files and (with the slowdown table) POST /queues. */
export const queueRowSchema = () => withQueueRules(z.strictObject(queueRowFields));
export type QueueRow = z.infer<ReturnType<typeof queueRowSchema>>;

export const queueKind: ImportKind<QueueRow> = {
  kind: 'queues',
  columns: [
    { key: 'code', zh: '队列代码', en: 'Code', example: 'presales_chat', required: true },
    { key: 'name', zh: '队列名称', en: 'Name', example: '售前咨询', required: true },
    { key: 'channel', zh: '渠道', en: 'Channel (chat/phone/email/review)', example: 'chat', required: true },
    { key: 'kind', zh: '类型', en: 'Kind (realtime/deferred)', example: 'realtime', required: true },
    { key: 'chatConcurrency', zh: '并发接待数', en: 'Chat concurrency', example: 4, required: false },
    { key: 'defaultHandleSeconds', zh: '默认处理时长(秒)', en: 'Default handle (s)', example: 420, required: true },
    { key: 'serviceLevelPercent', zh: '服务水平目标(%)', en: 'Service level %', example: 80, required: false },
    { key: 'serviceLevelSeconds', zh: '服务水平时限(秒)', en: 'Service level seconds', example: 30, required: false },
    { key: 'deadlineMinutes', zh: '处理时限(分钟)', en: 'Deadline (min, deferred)', example: '', required: false },
    { key: 'patienceSeconds', zh: '顾客耐心(秒)', en: 'Patience (s)', example: 180, required: false },
    { key: 'requiredSkill', zh: '所需技能', en: 'Required skill code', example: 'pre_sales', required: false },
  ],
  rowSchema: queueRowSchema,
  key: (r) => r.code,
  stage: (r, l) => {
    const skillId = r.requiredSkill ? l.skillIdByCode.get(r.requiredSkill) : null;
    if (r.requiredSkill && !skillId) return unknownCode('requiredSkill', r.requiredSkill, CodeKinds.skillCode);
    return {
      values: [
        r.code,
        r.name,
        r.channel,
        r.kind,
        r.chatConcurrency,
        r.defaultHandleSeconds,
        r.serviceLevelPercent,
        r.serviceLevelSeconds,
        r.deadlineMinutes ?? null,
        r.patienceSeconds ?? null,
        skillId ?? null,
      ],
    };
  },
};
