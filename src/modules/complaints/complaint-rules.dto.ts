import { z } from 'zod';
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, DEPARTMENTS } from './engine/complaint-catalogue';
import { text } from 'src/platform/i18n/locale';
import { localized } from 'src/platform/i18n/zod-messages';

const oneOf = (values: readonly string[]) =>
  localized(text(`must be one of ${values.join(', ')}`, `必须是以下之一：\`${values.join(', ')}\``));
export const categoryParam = z.enum(COMPLAINT_CATEGORIES, oneOf(COMPLAINT_CATEGORIES));
export const severityParam = z.enum(COMPLAINT_SEVERITIES, oneOf(COMPLAINT_SEVERITIES));

export const RoutingRuleBody = z.strictObject({ department: z.enum(DEPARTMENTS).meta({ example: 'warehouse' }) });
export type RoutingRuleBody = z.infer<typeof RoutingRuleBody>;

export const DeadlineRuleBody = z.strictObject({
  firstResponseMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .meta({ description: 'Elapsed minutes from receipt', example: 60 }),
  resolveDays: z
    .number()
    .int()
    .min(1)
    .max(90)
    .meta({ description: 'Calendar days of the shop’s zone; a negative review is capped at 7', example: 2 }),
});
export type DeadlineRuleBody = z.infer<typeof DeadlineRuleBody>;

export const complaintRulesExample = {
  timeZone: 'Asia/Shanghai',
  negativeReviewMaxDays: 7,
  routing: [{ category: 'logistics', department: 'logistics', updatedAt: '2026-11-23T01:00:00.000Z' }],
  deadlines: [
    {
      category: 'logistics',
      severity: 'high',
      firstResponseMinutes: 60,
      resolveDays: 2,
      updatedAt: '2026-11-23T01:00:00.000Z',
    },
  ],
};
