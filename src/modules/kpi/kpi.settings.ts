import { z } from 'zod';

/** The KPI module's part of a shop's settings (`PATCH /shops` validates it, the shop context returns it typed). */
export const KpiSettings = z.object({
  attributionWindowDays: z
    .number()
    .int()
    .min(0)
    .max(7)
    .optional()
    .meta({ description: 'Order attribution: inquiry day plus this many days, until 24:00 (default 1)', example: 1 }),
});
export type KpiSettings = z.infer<typeof KpiSettings>;

export const DEFAULT_ATTRIBUTION_WINDOW_DAYS = 1;
