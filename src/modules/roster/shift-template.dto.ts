import { z } from 'zod';
import { clockTime, code } from 'src/platform/http/field-schemas';
import { text } from 'src/platform/i18n/locale';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';
import { clockMinutes } from './roster-week';

const startClock = clockTime.refine(
  (t) => t !== '24:00',
  localized(text('a shift starts before 24:00', '班次须在 24:00 之前开始')),
);

export const BreakRuleInput = z
  .strictObject({
    name: z.string().trim().min(1).max(40).meta({ example: 'meal' }),
    minutes: z.number().int().min(5).max(180).meta({ example: 60 }),
    minShiftMinutes: z
      .number()
      .int()
      .min(0)
      .max(1440)
      .default(0)
      .meta({ description: 'Only shifts at least this long get the break', example: 480 }),
    earliestStartAfterMinutes: z.number().int().min(0).max(1440).meta({
      description: 'Earliest start, real minutes after the shift starts (time lived, also across a clock change)',
      example: 180,
    }),
    latestStartAfterMinutes: z
      .number()
      .int()
      .min(0)
      .max(1440)
      .meta({ description: 'Latest start, real minutes after the shift starts', example: 300 }),
    paid: z.boolean().default(false).meta({ description: 'Paid breaks count towards contract minutes' }),
  })
  .refine((b) => b.earliestStartAfterMinutes <= b.latestStartAfterMinutes, {
    ...localized(text('must not be after the latest start', '不得晚于最晚开始时间')),
    path: ['earliestStartAfterMinutes'],
  });

const templateFields = {
  code: code.meta({ example: 'E' }),
  name: z.string().trim().min(1).max(60).meta({ example: '早班' }),
  start: startClock
    .nullable()
    .optional()
    .meta({ description: 'Fixed local start; or give startWindow', example: '08:00' }),
  startWindow: z
    .strictObject({ earliest: startClock, latest: startClock })
    .refine((w) => w.earliest <= w.latest, {
      ...localized(text('earliest must not be after latest', '最早开始不得晚于最晚开始')),
      path: ['earliest'],
    })
    .nullable()
    .optional()
    .meta({
      description: 'The solver picks the start in this local window (on the slot grid)',
      example: { earliest: '09:00', latest: '12:00' },
    }),
  lengthMinutes: z
    .number()
    .int()
    .min(60)
    .max(720)
    .meta({ description: 'Paid and unpaid time from start to end', example: 540 }),
  breaks: z.array(BreakRuleInput).max(6),
  late: z.boolean().meta({ description: 'Counts for late-shift fairness' }),
  colour: z
    .string()
    .regex(/^#[0-9A-Fa-f]{6}$/, localized(text('must be a colour #RRGGBB', '须为 # 加六位十六进制数字的颜色')))
    .meta({ example: '#8BC34A' }),
};

/** Defaults only when creating: a partial update must leave what it does not name untouched. */
const createDefaults = {
  breaks: templateFields.breaks.default([]),
  late: templateFields.late.default(false),
  colour: templateFields.colour.default('#9E9E9E'),
};

const oneStart = (b: { start?: string | null; startWindow?: unknown }) => Boolean(b.start) !== Boolean(b.startWindow);
const breaksFit = (b: { lengthMinutes?: number; breaks?: z.infer<typeof BreakRuleInput>[] }) =>
  !b.lengthMinutes ||
  (b.breaks ?? []).every(
    (r) => b.lengthMinutes! < r.minShiftMinutes || r.latestStartAfterMinutes + r.minutes <= b.lengthMinutes!,
  );

const breaksFitRule = {
  ...localized(text('a break must end inside the shift', '休息须在班次结束前结束')),
  path: ['breaks'],
};

export const CreateShiftTemplateBody = z
  .strictObject({ ...templateFields, ...createDefaults })
  .refine(oneStart, {
    ...localized(text('give either a start time or a start window', '请填写固定开始时间或开始时间窗（二选一）')),
    path: ['start'],
  })
  .refine(breaksFit, breaksFitRule);
export type CreateShiftTemplateBody = z.infer<typeof CreateShiftTemplateBody>;

export const UpdateShiftTemplateBody = z
  .strictObject(templateFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, localized(SchemaTexts.nothingToChange))
  .refine((b) => !(b.start && b.startWindow), {
    ...localized(text('give a start time or a start window, not both', '固定开始时间与开始时间窗只能填写一项')),
    path: ['start'],
  })
  .refine(breaksFit, breaksFitRule);
export type UpdateShiftTemplateBody = z.infer<typeof UpdateShiftTemplateBody>;

/** Columns from the body's clock times. */
export function templateColumns(b: Partial<CreateShiftTemplateBody>) {
  const { start, startWindow, ...rest } = b;
  return {
    ...rest,
    ...(start ? { startMinutes: clockMinutes(start), startEarliest: null, startLatest: null } : {}),
    ...(startWindow
      ? {
          startMinutes: null,
          startEarliest: clockMinutes(startWindow.earliest),
          startLatest: clockMinutes(startWindow.latest),
        }
      : {}),
  };
}

export const shiftTemplateExample = {
  id: '5c4b3a29-1807-4f6e-8d5c-4b3a29180716',
  code: 'E',
  name: '早班',
  start: '08:00',
  startWindow: null,
  lengthMinutes: 540,
  end: '17:00',
  breaks: [
    {
      name: 'meal',
      minutes: 60,
      minShiftMinutes: 480,
      earliestStartAfterMinutes: 180,
      latestStartAfterMinutes: 300,
      paid: false,
    },
  ],
  late: false,
  colour: '#8BC34A',
  archived: false,
  updatedAt: '2026-11-23T02:00:00.000Z',
};
