import { z } from 'zod';
import { text } from 'src/platform/i18n/locale';
import { defineTexts } from 'src/platform/i18n/texts';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';
import { clockTime, code, localDate } from 'src/platform/http/field-schemas';
import { pageQuery } from 'src/platform/http/pagination';
import { isMonday } from './roster-week';

/** The longest range of GET /me/shifts. */
const MAX_SHIFT_RANGE_DAYS = 62;

/** Refusals of roster requests that no shared message says. */
export const RosterDtoTexts = defineTexts('roster.request', {
  monday: text('must be a Monday (the local first day of the week)', '必须是周一（当地一周的第一天）'),
  dayCoverNeeded: text(
    'give the cover per day and shift template for demand day-cover',
    '需求为 `day-cover` 时，请给出每天每个班次模板的人数',
  ),
  dayCoverOnly: text('only with demand day-cover', '仅在需求为 `day-cover` 时可用'),
  changedTwice: text('an agent-day is changed twice', '同一客服同一天被修改了两次'),
  differFromFrom: text('must differ from from', '必须与开始不同'),
  shiftRange: text(`the range may span at most ${MAX_SHIFT_RANGE_DAYS} days`, `范围最多 ${MAX_SHIFT_RANGE_DAYS} 天`),
});

export const ROSTER_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export const DEMAND_KINDS = ['forecast', 'day-cover'] as const;

const DayCoverInput = z.strictObject({
  shiftTemplate: code.meta({ description: 'Shift template code', example: 'E' }),
  skill: code.optional().meta({ description: 'Only agents with this skill count', example: 'pre_sales' }),
  required: z.number().int().min(0).max(1000).meta({ example: 5 }),
  weekdays: z
    .array(z.number().int().min(1).max(7))
    .min(1)
    .max(7)
    .optional()
    .meta({ description: 'ISO weekdays (1 = Monday); default every day', example: [1, 2, 3, 4, 5] }),
  underWeight: z.number().min(0).max(10_000).default(100).meta({ description: 'Cost per missing agent', example: 100 }),
  overWeight: z
    .number()
    .min(0)
    .max(10_000)
    .default(10)
    .meta({ description: 'Cost per agent above the cover', example: 10 }),
});

const LockInput = z.strictObject({
  agentId: z.uuid(),
  date: localDate,
  shiftTemplate: code.nullable().meta({ description: 'Template code, or null to keep the day off', example: 'E' }),
});

export const CreateRosterBody = z
  .strictObject({
    weekStart: localDate.refine(isMonday, localized(RosterDtoTexts.monday)).meta({ example: '2026-11-30' }),
    teamIds: z
      .array(z.uuid())
      .min(1)
      .max(50)
      .optional()
      .meta({ description: 'Teams to roster; default every team of the shop' }),
    timeLimitSeconds: z.number().int().min(1).max(600).default(30).meta({
      description:
        'A promise about the whole job, counted from this request: the roster is stored and the job complete within about this long (the solver stops early enough to store its best roster)',
      example: 30,
    }),
    demand: z.enum(DEMAND_KINDS).default('forecast').meta({
      description:
        '`forecast`: required agents per slot from staffing (the newest completed forecast of each real-time queue covering the week); `day-cover`: agents per day and shift template as given in `dayCover`',
    }),
    dayCover: z.array(DayCoverInput).max(500).optional(),
    locked: z.array(LockInput).max(2000).default([]).meta({ description: 'Agent-days fixed by hand before solving' }),
    supervisorOnEveryShift: z
      .boolean()
      .default(false)
      .meta({ description: 'Every worked shift (day, template) needs a supervisor on it' }),
    handoverMinutes: z
      .number()
      .int()
      .min(0)
      .max(120)
      .optional()
      .meta({ description: 'Consecutive shifts of a day must overlap at least this long' }),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2_147_483_647)
      .default(1)
      .meta({ description: 'Same inputs and seed, same roster' }),
    maxIterations: z.number().int().min(1).max(10_000).optional().meta({
      description:
        'Repeatable runs: the search stops after this many improvement steps and every sub-solve is limited by work, not time, so the same inputs, seed and limit give the same roster on a loaded machine as on a quiet one (the time limit only cuts a run short)',
      example: 20,
    }),
  })
  .refine((b) => b.demand !== 'day-cover' || (b.dayCover?.length ?? 0) > 0, {
    ...localized(RosterDtoTexts.dayCoverNeeded),
    path: ['dayCover'],
  })
  .refine((b) => b.demand !== 'forecast' || !b.dayCover, {
    ...localized(RosterDtoTexts.dayCoverOnly),
    path: ['dayCover'],
  });
export type CreateRosterBody = z.infer<typeof CreateRosterBody>;

export const ListRostersQuery = z.strictObject({
  ...pageQuery,
  week: localDate.optional().meta({ description: 'Only rosters of the week starting on this Monday' }),
  status: z.enum(ROSTER_STATUSES).optional(),
});
export type ListRostersQuery = z.infer<typeof ListRostersQuery>;

export const ReadRosterQuery = z.strictObject({
  version: z.coerce.number().int().min(1).optional().meta({ description: 'A version number; default the newest' }),
});
export type ReadRosterQuery = z.infer<typeof ReadRosterQuery>;

const ShiftChange = z.strictObject({
  agentId: z.uuid(),
  date: localDate,
  shiftTemplate: code.nullable().meta({ description: 'Template code; null clears the day (day off)', example: 'L' }),
  start: clockTime
    .optional()
    .meta({ description: 'Start inside the template’s window (windowed templates only)', example: '10:00' }),
  skill: code
    .optional()
    .meta({ description: 'The skill worked; default the agent’s current or first skill', example: 'pre_sales' }),
  breaks: z
    .array(z.strictObject({ start: clockTime }))
    .max(4)
    .optional()
    .meta({
      description:
        'Break starts (local clock) in the template’s order, inside their windows; a window counts real minutes after the shift’s start, so on the night the clocks change a clock time is judged by the time lived (Berlin, 23:00 start: 04:00 is 300 min in March, 360 in October); default near the middle of each window (kept when the shift is unchanged)',
      example: [{ start: '12:30' }],
    }),
});
/**
 * A change as the roster applies it. `startsNextDay`: the shift belongs to its date but starts after
 * the midnight that ends it (what time off leaves of a night: 02:00–08:00 of a 23:00–08:00 shift, which
 * must stay on the night's date, the agent's next date having its own shift). Never read from a
 * request: the edit body is strict, so an edit or import still puts every shift on its own date.
 */
export type ShiftChange = z.infer<typeof ShiftChange> & { startsNextDay?: boolean };

export const EditRosterBody = z
  .strictObject({
    expectedRevision: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'The `revision` you read; a newer one answers 409', example: 3 }),
    changes: z.array(ShiftChange).min(1).max(200),
  })
  .refine((b) => new Set(b.changes.map((c) => `${c.agentId}/${c.date}`)).size === b.changes.length, {
    ...localized(RosterDtoTexts.changedTwice),
    path: ['changes'],
  });
export type EditRosterBody = z.infer<typeof EditRosterBody>;

export const PublishRosterBody = z.strictObject({
  expectedRevision: z
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: 'The `revision` you read; a newer one answers 409' }),
});
export type PublishRosterBody = z.infer<typeof PublishRosterBody>;

export const DiffQuery = z
  .strictObject({
    from: z.coerce.number().int().min(1).meta({ example: 1 }),
    to: z.coerce.number().int().min(1).optional().meta({
      description: 'Default: the publication that superseded `from` (maybe of another roster of the week)',
      example: 2,
    }),
  })
  .refine((q) => q.from !== q.to, { ...localized(RosterDtoTexts.differFromFrom), path: ['to'] });
export type DiffQuery = z.infer<typeof DiffQuery>;

export const MyShiftsQuery = z
  .strictObject({ from: localDate, to: localDate })
  .refine((q) => q.from <= q.to, { ...localized(SchemaTexts.notBeforeFrom), path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_SHIFT_RANGE_DAYS, {
    ...localized(RosterDtoTexts.shiftRange),
    path: ['to'],
  });
export type MyShiftsQuery = z.infer<typeof MyShiftsQuery>;
