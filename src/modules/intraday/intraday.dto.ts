import { z } from 'zod';
import { clockTime, code, localDate } from 'src/platform/http/field-schemas';

export const LiveViewQuery = z.strictObject({
  queue: z.uuid().meta({ description: 'A real-time queue', example: '4a3b2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d' }),
  date: localDate
    .optional()
    .meta({ description: 'Local date in the shop’s zone; default today', example: '2026-11-30' }),
});
export type LiveViewQuery = z.infer<typeof LiveViewQuery>;

export const liveViewExample = {
  queue: { id: '4a3b2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d', code: 'presales_chat', name: '售前咨询' },
  date: '2026-11-30',
  asOf: '2026-11-30T06:10:00.000Z',
  target: { serviceLevel: 0.8, answerWithinSeconds: 30 },
  forecastId: '7b6a5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  update: {
    asOf: '2026-11-30T06:00:00.000Z',
    updatedAt: '2026-11-30T06:00:05.000Z',
    updates: 12,
    observed: 1840,
    expected: 1600,
    weight: 0.7,
    level: 1.105,
    recent: 1.2,
    baseForecastId: '7b6a5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  },
  restOfDay: { serviceLevel: 0.7412, slotsBelowTarget: 3 },
  outOfAdherence: [
    {
      agentId: '0c9b8a7f-6e5d-4c3b-8a19-0f1e2d3c4b5a',
      name: '张敏',
      employeeNo: 'CS0002',
      expected: 'work',
      expectedStates: ['online', 'busy'],
      state: 'away',
      since: '2026-11-30T05:58:00.000Z',
    },
  ],
  items: [
    {
      start: '2026-11-30T05:30:00.000Z',
      slotMinutes: 30,
      forecast: 118.2,
      updated: null,
      actual: 131,
      required: 9,
      scheduled: 9,
      loggedIn: 8.4,
      projected: null,
    },
    {
      start: '2026-11-30T06:00:00.000Z',
      slotMinutes: 30,
      forecast: 121.4,
      updated: 134.9,
      actual: null,
      required: 10,
      scheduled: 8.5,
      loggedIn: 7.8,
      projected: { serviceLevel: 0.6934, asaSeconds: 41.2, belowTarget: true },
    },
  ],
};

export const SUGGESTION_KINDS = ['move-break', 'early-start', 'overtime', 'release'] as const;

export const AcceptSuggestionBody = z.strictObject({
  queue: z.uuid().meta({ description: 'The queue the suggestion was made for' }),
  date: localDate.meta({ example: '2026-11-30' }),
  kind: z.enum(SUGGESTION_KINDS),
  rosterId: z.uuid().meta({ description: 'As the suggestion names it' }),
  expectedRevision: z
    .number()
    .int()
    .min(0)
    .meta({ description: 'As the suggestion names it: a roster changed since is 409', example: 7 }),
  change: z.strictObject({
    agentId: z.uuid(),
    shiftTemplate: code.nullable().meta({ description: 'Template code; null releases the shift', example: 'M' }),
    start: clockTime.optional().meta({ example: '10:00' }),
    skill: code.optional().meta({ example: 'pre_sales' }),
    breaks: z
      .array(z.strictObject({ start: clockTime }))
      .max(4)
      .optional()
      .meta({ example: [{ start: '13:30' }] }),
  }),
});
export type AcceptSuggestionBody = z.infer<typeof AcceptSuggestionBody>;

const suggestionExample = {
  kind: 'move-break',
  agent: { id: '0c9b8a7f-6e5d-4c3b-8a19-0f1e2d3c4b5a', name: '张敏', employeeNo: 'CS0002' },
  description: 'Move the break of 张敏 to 13:30',
  rosterId: '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c',
  expectedRevision: 7,
  change: {
    agentId: '0c9b8a7f-6e5d-4c3b-8a19-0f1e2d3c4b5a',
    date: '2026-11-30',
    shiftTemplate: 'M',
    start: '10:00',
    skill: 'pre_sales',
    breaks: [{ start: '13:30' }],
  },
  effect: {
    restOfDay: { before: 0.7412, after: 0.7655 },
    slots: [{ start: '2026-11-30T04:00:00.000Z', scheduledBefore: 8, scheduledAfter: 9, before: 0.61, after: 0.74 }],
  },
};

export const suggestionsExample = {
  queue: liveViewExample.queue,
  date: '2026-11-30',
  asOf: '2026-11-30T03:10:00.000Z',
  restOfDay: { serviceLevel: 0.7412 },
  suggestions: [suggestionExample],
};

export const acceptedSuggestionExample = {
  rosterId: suggestionExample.rosterId,
  version: 4,
  note: 'Intraday on 售前咨询, 2026-11-30: Move the break of 张敏 to 13:30; projected service level for the rest of the day 74.1 % → 76.6 %',
  effect: { restOfDay: suggestionExample.effect.restOfDay, slots: [] },
};
