import { z } from 'zod';

export const DEFAULT_HORIZON_WEEKS = 4;

/** The forecast module's part of a shop's settings. */
export const ForecastSettings = z.object({
  forecastHorizonWeeks: z
    .number()
    .int()
    .min(1)
    .max(8)
    .optional()
    .meta({ description: 'How far the nightly forecast refresh looks ahead, in weeks (default 4)', example: 4 }),
});
export type ForecastSettings = z.infer<typeof ForecastSettings>;
