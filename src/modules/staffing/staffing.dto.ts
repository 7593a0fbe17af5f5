import { z } from 'zod';
import { utcInstant } from 'src/platform/http/field-schemas';
import { text } from 'src/platform/i18n/locale';
import { localized } from 'src/platform/i18n/zod-messages';

export const RequirementsQuery = z
  .strictObject({
    forecast: z.uuid().meta({ description: 'The forecast version whose (adjusted) volume is staffed' }),
    queue: z.uuid().optional().meta({ description: 'Must be the forecast’s queue when given' }),
    from: utcInstant.optional(),
    to: utcInstant.optional(),
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), { message: 'must be after from', path: ['to'] });
export type RequirementsQuery = z.infer<typeof RequirementsQuery>;

const fraction = z.number().gt(0).lt(1);

const contacts = z.array(z.number().min(0).max(1_000_000)).min(1).max(2_000).meta({ description: 'Arrivals per slot', example: [120, 180, 240] });
const slotMinutes = z.number().int().min(5).max(60).default(30);
const shrinkage = z.number().min(0).max(0.8).default(0);

const RealTimeWhatIf = z.strictObject({
  kind: z.literal('realtime').optional().meta({ description: 'Default: a real-time queue (phone, chat)' }),
  contacts,
  slotMinutes,
  handleSeconds: z.number().gt(0).max(86_400).meta({ example: 420 }),
  patienceSeconds: z.number().gt(0).max(86_400).optional().meta({ description: 'With it Erlang A, without it Erlang C', example: 180 }),
  target: z
    .strictObject({
      answerWithinSeconds: z.number().min(0).max(86_400).meta({ example: 30 }),
      serviceLevel: fraction.optional().meta({ example: 0.8 }),
      maxAsaSeconds: z.number().gt(0).optional(),
      maxOccupancy: z.number().gt(0).max(1).optional(),
      maxAbandonment: fraction.optional(),
    })
    .refine((t) => t.serviceLevel !== undefined || t.maxAsaSeconds !== undefined || t.maxOccupancy !== undefined || t.maxAbandonment !== undefined, {
      message: 'give at least one of serviceLevel, maxAsaSeconds, maxOccupancy, maxAbandonment',
    }),
  chat: z.strictObject({ concurrency: z.number().int().min(1).max(10), slowdownPerExtraChat: z.number().min(0).max(1).default(0.15) }).optional(),
  shrinkage,
  agents: z.number().int().min(0).max(100_000).optional().meta({ description: 'Project what exactly this many agents give, instead of finding the fewest' }),
});

const DeferredWhatIf = z
  .strictObject({
    kind: z.literal('deferred').meta({ description: 'Deferred work (e-mail, reviews, after-sales cases): done by a deadline' }),
    contacts: contacts.meta({ description: 'Items arriving per slot', example: [30, 10, 0, 0, 20, 0, 0, 0] }),
    slotMinutes,
    handleSeconds: z.number().gt(0).max(86_400).meta({ description: 'Work per item', example: 600 }),
    deadlineMinutes: z.number().int().min(5).max(60 * 24 * 30).meta({ description: 'Each item is due this long after the start of its arrival slot (whole slots, at least one)', example: 120 }),
    shrinkage,
    agents: z.number().int().min(0).max(100_000).optional().meta({ description: 'How late the work gets with exactly this many agents in every slot' }),
  })
  .refine((b) => b.deadlineMinutes >= b.slotMinutes, { ...localized(text('must be at least one slot long', '至少为一个时段的长度')), path: ['deadlineMinutes'] });

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

const lateExample = { agents: 2, lateItems: 28, maxHoursLate: 1, lateItemHours: 11.6667, unfinishedItems: 0, finishedAfterHours: 5 };
const deferredItems = [3, 3, 3, 3, 3, 3, 2, 0].map((rawAgents, i) => ({ slotMinutes: 30, contacts: [30, 10, 0, 0, 20, 0, 0, 0][i], rawAgents, positions: Math.ceil(rawAgents / 0.75), workSeconds: rawAgents * 1800 }));

/** `POST /staffing/what-if` answers: a real-time queue, deferred work, and deferred work with given agents. */
export const whatIfExamples = {
  realTime: { summary: 'Real-time queue: fewest agents per slot', value: { model: 'erlang-a', mode: 'required', items: [slotExample] } },
  deferred: {
    summary: 'Deferred work: agents per slot by the deadline, and how late one agent fewer than the peak gets',
    value: { model: 'deferred', mode: 'required', deadlineSlots: 4, peakAgents: 3, fluidPeak: 2.6667, items: deferredItems, spilloverAgents: [0, 0, 0], oneFewer: lateExample },
  },
  deferredProjected: {
    summary: 'Deferred work with exactly `agents` in every slot',
    value: { model: 'deferred', mode: 'projected', deadlineSlots: 4, peakAgents: 3, fluidPeak: 2.6667, items: deferredItems, spilloverAgents: [0, 0, 0], oneFewer: lateExample, projected: lateExample },
  },
};
