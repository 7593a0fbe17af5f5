import { z } from 'zod';

/** The training module's part of a shop's settings. */
export const TrainingSettings = z.object({
  trainingNeedsDays: z
    .number()
    .int()
    .min(1)
    .max(90)
    .optional()
    .meta({ description: 'QC findings of how many days make the training needs list (default 14)', example: 14 }),
  trainingMinServiceLevel: z.number().min(0).max(1).optional().meta({
    description: 'No slot may fall below this projected service level because of training (default 0.7)',
    example: 0.7,
  }),
  trainingSeverityWeights: z
    .record(z.string().trim().min(1).max(40), z.number().min(0).max(1000))
    .optional()
    .meta({
      description:
        'Weight of a QC finding by severity in the needs ranking (defaults low 1, medium 3, high 6, critical 10)',
      example: { high: 8, critical: 12 },
    }),
  trainingDraft: z
    .strictObject({
      topNeeds: z.number().int().min(1).max(10).optional(),
      lengthMinutes: z.number().int().min(15).max(480).optional(),
      capacity: z.number().int().min(1).max(200).optional(),
    })
    .optional()
    .meta({
      description: "Monday's draft: the top N needs, sessions of this length and capacity (defaults 3, 60 min, 12)",
      example: { topNeeds: 3, lengthMinutes: 60, capacity: 12 },
    }),
});
export type TrainingSettings = z.infer<typeof TrainingSettings>;
