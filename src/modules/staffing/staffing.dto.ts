import { z } from 'zod';
import { utcInstant } from 'src/platform/http/field-schemas';

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

export const WhatIfBody = z
  .strictObject({
    contacts: z.array(z.number().min(0).max(1_000_000)).min(1).max(2_000).meta({ description: 'Arrivals per slot', example: [120, 180, 240] }),
    slotMinutes: z.number().int().min(5).max(60).default(30),
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
    shrinkage: z.number().min(0).max(0.8).default(0),
    agents: z.number().int().min(0).max(100_000).optional().meta({ description: 'Project what exactly this many agents give, instead of finding the fewest' }),
  });
export type WhatIfBody = z.infer<typeof WhatIfBody>;

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
