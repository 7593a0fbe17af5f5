import { z } from 'zod';

/** The shift-swap module's part of a shop's settings: which swaps skip the supervisor. */
export const ShiftSwapSettings = z.object({
  shiftSwapAutoApprove: z
    .strictObject({
      teamIds: z
        .array(z.uuid())
        .max(100)
        .optional()
        .meta({ description: 'Only swaps within these teams (omit for every team)' }),
    })
    .optional()
    .meta({
      description:
        'Swaps that pass every hard rule are approved at once when cover per skill on their days does not drop; without this setting the supervisor decides',
      example: { teamIds: ['5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e'] },
    }),
});
export type ShiftSwapSettings = z.infer<typeof ShiftSwapSettings>;
