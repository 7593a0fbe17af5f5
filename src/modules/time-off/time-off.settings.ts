import { z } from 'zod';
import { text } from 'src/platform/i18n/locale';
import { localized } from 'src/platform/i18n/zod-messages';

const Allowance = z
  .strictObject({
    teamId: z.uuid().optional().meta({ description: 'Agents of this team (omit for every team)' }),
    skill: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .optional()
      .meta({ description: 'Agents with this skill code (omit for any skill)', example: 'pre_sales' }),
    perDay: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .meta({ description: 'This many may be off on a day without asking the supervisor', example: 2 }),
    maxPerDay: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .optional()
      .meta({ description: 'Never more than this many off on a day: a request beyond it is refused', example: 4 }),
  })
  .refine((a) => a.maxPerDay === undefined || a.maxPerDay >= a.perDay, {
    ...localized(text('must not be below perDay', '不得小于 `perDay`')),
    path: ['maxPerDay'],
  });

/** The time-off module's part of a shop's settings: when a request is approved at once. */
export const TimeOffSettings = z.object({
  timeOffAllowances: z
    .array(Allowance)
    .max(100)
    .optional()
    .meta({
      description:
        'How many agents of a team and/or skill may be off per day; a request within every allowance that applies to the agent is approved at once',
      example: [{ skill: 'pre_sales', perDay: 2, maxPerDay: 4 }],
    }),
  timeOffMinCoveragePercent: z.number().min(0).max(100).optional().meta({
    description:
      'Or approved at once as long as cover of the freed shifts\u2019 skill on those days stays at or above this share of the requirement',
    example: 90,
  }),
});
export type TimeOffSettings = z.infer<typeof TimeOffSettings>;
