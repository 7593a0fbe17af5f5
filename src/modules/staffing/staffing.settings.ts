import { z } from 'zod';

export const DEFAULT_SHRINKAGE = 0.3;
export const DEFAULT_SLOWDOWN = 0.15;

/** The staffing module's part of a shop's settings. */
export const StaffingSettings = z.object({
  shrinkage: z.number().min(0).max(0.8).optional().meta({
    description: 'Absence, meetings and training (breaks are placed by the roster, not here); default 0.3',
    example: 0.25,
  }),
  chatSlowdownPerExtraChat: z.number().min(0).max(1).optional().meta({
    description:
      'How much longer a chat takes for each other chat open at once, for queues without a measured table; default 0.15',
    example: 0.15,
  }),
});
export type StaffingSettings = z.infer<typeof StaffingSettings>;
