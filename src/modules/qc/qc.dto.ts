import { z } from 'zod';
import { localDate } from 'src/platform/http/field-schemas';
import { pageQuery } from 'src/platform/http/pagination';
import { OUTCOMES } from './engine/daily-sample';
import { QC_CATEGORIES } from './engine/review-score';
import { CalibrationTexts } from './qc.labels';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';
import { text } from 'src/platform/i18n/locale';

const uuid = z.uuid(localized(SchemaTexts.uuid));
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export const QcSettingsBody = z.strictObject({
  samplesPerAgent: z
    .number()
    .int()
    .min(10)
    .max(20)
    .optional()
    .meta({ description: 'Sessions sampled per agent per day (10–20)', example: 15 }),
  randomFloorPercent: z
    .number()
    .int()
    .min(0)
    .max(100)
    .optional()
    .meta({ description: 'Share of each sample spread evenly over all sessions', example: 30 }),
  lowRatingMax: z
    .number()
    .int()
    .min(1)
    .max(4)
    .optional()
    .meta({ description: 'Ratings up to this count as low (1–5 scale)', example: 2 }),
  slowFirstResponseSeconds: z.number().int().min(1).max(3600).optional().meta({ example: 60 }),
  outcomeWeights: z
    .partialRecord(z.enum(OUTCOMES), z.number().min(0).max(100))
    .optional()
    .meta({
      description: 'Extra sampling weight per bad outcome',
      example: { lowRating: 4, complaint: 6, refund: 3, slowResponse: 2 },
    }),
  coachingThreshold: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .meta({ description: 'Reviews below this total raise a coaching task', example: 80 }),
  coachingDueDays: z.number().int().min(1).max(30).optional().meta({ example: 3 }),
});
export type QcSettingsBody = z.infer<typeof QcSettingsBody>;

export const SamplesQuery = z.strictObject({
  date: localDate.meta({
    description: 'The local day the sample is worked on (its sessions are from the day before)',
    example: '2026-11-26',
  }),
  agent: uuid.optional(),
});
export type SamplesQuery = z.infer<typeof SamplesQuery>;

export const RunSampleBody = z.strictObject({
  sessionDate: localDate.meta({ description: 'The local day whose sessions are sampled', example: '2026-11-25' }),
});
export type RunSampleBody = z.infer<typeof RunSampleBody>;

const RubricItemBody = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9_]+$/, localized(text('lower-case letters, digits and _ only', '只能包含小写字母、数字和 _'))),
  category: z.enum(QC_CATEGORIES),
  title: z.string().trim().min(1).max(200),
  titleEn: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'The title in English (reports in English fall back to `title`)' }),
  kind: z.enum(['points', 'deduction']),
  maxPoints: z.number().positive().max(100),
  critical: z.boolean().default(false),
});

export const CreateRubricBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100).meta({ example: '标准质检表 v2' }),
    items: z.array(RubricItemBody).min(1).max(100),
  })
  .refine((b) => new Set(b.items.map((i) => i.code)).size === b.items.length, {
    ...localized(text('item codes must be unique', '评分项代码不得重复')),
    path: ['items'],
  })
  .refine((b) => b.items.filter((i) => i.kind === 'points').reduce((s, i) => s + i.maxPoints, 0) <= 100, {
    ...localized(text('points items may add up to at most 100', '加分项合计最多 100 分')),
    path: ['items'],
  })
  .refine((b) => b.items.every((i) => !i.critical || i.kind === 'deduction'), {
    ...localized(text('only deduction items can be critical', '只有扣分项才能设为致命项')),
    path: ['items'],
  });
export type CreateRubricBody = z.infer<typeof CreateRubricBody>;

export const CreateReviewBody = z.strictObject({
  sessionId: uuid,
  rubricVersionId: uuid.optional().meta({ description: "Default: the shop's newest active rubric" }),
  scores: z
    .array(
      z.strictObject({ itemId: uuid, points: z.number().min(0).max(100), comment: z.string().max(2000).optional() }),
    )
    .max(100)
    .default([]),
  comment: z.string().max(4000).optional(),
  findings: z
    .array(
      z.strictObject({
        category: z.enum(QC_CATEGORIES),
        severity: z.enum(SEVERITIES),
        quote: z
          .string()
          .trim()
          .min(1)
          .max(2000)
          .optional()
          .meta({ description: 'Must appear verbatim in the transcript' }),
        note: z.string().max(2000).optional(),
        itemId: uuid.optional(),
      }),
    )
    .max(50)
    .default([]),
});
export type CreateReviewBody = z.infer<typeof CreateReviewBody>;

export const ListReviewsQuery = z.strictObject({
  ...pageQuery,
  from: localDate.optional().meta({ description: 'First local day of the sessions' }),
  to: localDate.optional().meta({ description: 'Last local day of the sessions (inclusive)' }),
  agent: uuid.optional(),
  failed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ListReviewsQuery = z.infer<typeof ListReviewsQuery>;

export const SummaryQuery = z.strictObject({
  date: localDate.meta({ description: 'Local day of the reviewed sessions', example: '2026-11-25' }),
  team: uuid.optional().meta({ description: "Default: every team the caller may see (a supervisor's own)" }),
});
export type SummaryQuery = z.infer<typeof SummaryQuery>;

/** The calibration report's longest range (CalibrationTexts.range says it). */
const REPORT_DAYS = 366;
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

export const CalibrationReportQuery = z
  .strictObject({
    from: localDate.meta({ description: 'First local day of the reviewed sessions', example: '2026-09-01' }),
    to: localDate.meta({
      description: 'Last local day (inclusive); at most 366 days after from',
      example: '2026-11-30',
    }),
    period: z
      .enum(['week', 'month'])
      .default('week')
      .meta({ description: 'Drift is shown per week (from Monday) or per month of the sessions' }),
    inspector: uuid
      .optional()
      .meta({ description: 'Only this inspector (a user id); the panels and the agreement stay whole' }),
  })
  .refine((q) => dayNumber(q.to) >= dayNumber(q.from), { ...localized(SchemaTexts.notBeforeFrom), path: ['to'] })
  .refine((q) => dayNumber(q.to) - dayNumber(q.from) < REPORT_DAYS, {
    ...localized(CalibrationTexts.range),
    path: ['to'],
  });
export type CalibrationReportQuery = z.infer<typeof CalibrationReportQuery>;

export const ListCoachingQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(['open', 'done']).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  agent: uuid.optional(),
});
export type ListCoachingQuery = z.infer<typeof ListCoachingQuery>;

export const CloseCoachingBody = z.strictObject({
  note: z
    .string()
    .trim()
    .min(
      5,
      localized(
        text('the supervisor must say what was coached (at least 5 characters)', '主管须写明辅导内容（至少 5 个字）'),
      ),
    )
    .max(4000)
    .meta({ example: '已与客服复盘话术，明确退款政策' }),
});
export type CloseCoachingBody = z.infer<typeof CloseCoachingBody>;

const ids = {
  shop: 'c1a0f4d2-7e3b-4b8a-9f61-2d5e8c9a1b34',
  agent: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
  session: '0192f1d2-7e3b-7b8a-9f61-2d5e8c9a1b34',
  review: '6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c',
};
export const settingsExample = {
  shopId: ids.shop,
  samplesPerAgent: 15,
  randomFloorPercent: 30,
  lowRatingMax: 2,
  slowFirstResponseSeconds: 60,
  outcomeWeights: { lowRating: 4, complaint: 6, refund: 3, slowResponse: 2 },
  coachingThreshold: 80,
  coachingDueDays: 3,
};
export const sampleExample = {
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  agentId: ids.agent,
  sessionId: ids.session,
  sessionStartedAt: '2026-11-25T03:12:00.000Z',
  weight: 5,
  inclusionProbability: 0.62,
  reason: 'drawn',
  outcomes: ['lowRating'],
  position: 0,
  reviewed: false,
};
export const samplesExample = {
  date: '2026-11-26',
  sessionDate: '2026-11-25',
  seed: `${ids.shop}|2026-11-25|n=15|floor=30|lowRating=4,complaint=6,refund=3,slowResponse=2`,
  mix: [
    {
      agentId: ids.agent,
      candidates: 42,
      places: 15,
      picked: 15,
      byOutcome: {
        lowRating: { population: 3, expected: 2.1, picked: 2 },
        none: { population: 35, expected: 9.8, picked: 10 },
      },
    },
  ],
  items: [sampleExample],
};
export const rubricExample = {
  id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  version: 1,
  name: '标准质检表',
  active: true,
  items: [
    {
      id: '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f',
      code: 'rude',
      category: '服务态度',
      title: '辱骂、讽刺客户',
      titleEn: 'Insults or sarcasm',
      kind: 'deduction',
      maxPoints: 100,
      critical: true,
      position: 8,
    },
  ],
};
export const reviewExample = {
  id: ids.review,
  sessionId: ids.session,
  agentId: ids.agent,
  sessionStartedAt: '2026-11-25T03:12:00.000Z',
  reviewerUserId: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  rubricVersionId: rubricExample.id,
  totalScore: 72,
  failed: false,
  samplingWeight: 1.61,
  status: 'submitted',
  comment: '退款政策解释不清',
  scores: [{ itemId: rubricExample.items[0].id, points: 0, comment: null }],
  findings: [
    {
      category: '平台政策',
      severity: 'medium',
      quote: '七天无理由不包括这个',
      note: null,
      categoryLabel: '平台政策',
      severityLabel: '一般',
    },
  ],
  coachingTaskId: '8b9c0d1e-2f3a-4b4c-8d5e-6f7a8b9c0d1e',
};
export const summaryExample = {
  date: '2026-11-25',
  teams: [
    {
      teamId: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
      teamName: '售前一组',
      agents: [
        {
          agentId: ids.agent,
          name: '李娜',
          sessionsReviewed: 15,
          reviews: 16,
          meanScore: 84.5,
          weightedMeanScore: 88.2,
          fails: 1,
        },
      ],
      sessionsReviewed: 15,
      meanScore: 84.5,
      weightedMeanScore: 88.2,
      fails: 1,
      topFindings: [
        { category: '平台政策', severity: 'medium', count: 4, categoryLabel: '平台政策', severityLabel: '一般' },
      ],
    },
  ],
};
export const coachingExample = {
  id: reviewExample.coachingTaskId,
  agentId: ids.agent,
  reviewId: ids.review,
  teamId: summaryExample.teams[0].teamId,
  supervisorAgentId: '0d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a',
  reason: 'below_threshold',
  reasonLabel: '得分低于辅导线',
  dueDate: '2026-11-29',
  status: 'open',
  overdue: false,
  note: null,
  closedAt: null,
};
export const calibrationExample = {
  sessionId: ids.session,
  rubricVersionId: rubricExample.id,
  reviews: [{ reviewId: ids.review, reviewerUserId: reviewExample.reviewerUserId, totalScore: 72 }],
  totalSpread: 8,
  items: [{ itemId: rubricExample.items[0].id, code: 'greeting', min: 6, max: 10, spread: 4, mean: 8, sd: 2 }],
};

const inspectors = { wang: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', zhao: '8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e' };
export const calibrationReportExample = {
  from: '2026-09-01',
  to: '2026-11-30',
  period: 'week',
  method: 'ICC(1,1)',
  panels: 48,
  reviews: 101,
  total: { panels: 48, icc: 0.712, withinSd: 4.85, agreement: 'moderate', agreementText: '一致性中等' },
  periods: [
    { start: '2026-11-23', panels: 6, icc: 0.64, withinSd: 5.4, agreement: 'moderate', agreementText: '一致性中等' },
  ],
  items: [
    {
      code: 'policy',
      name: '平台规则与售后政策解释准确',
      category: '平台政策',
      categoryName: '平台政策',
      panels: 48,
      icc: 0.43,
      withinSd: 2.7,
      agreement: 'poor',
      agreementText: '一致性差',
    },
  ],
  inspectors: [
    {
      userId: inspectors.wang,
      name: '王质检',
      panels: 31,
      meanDeviation: -3.1,
      sd: 3.4,
      leaning: 'harsher',
      leaningText: '比评审组偏严',
      periods: [
        {
          start: '2026-11-23',
          panels: 4,
          meanDeviation: -5.5,
          sd: 2.1,
          leaning: 'harsher',
          leaningText: '比评审组偏严',
        },
      ],
      items: [
        {
          code: 'policy',
          name: '平台规则与售后政策解释准确',
          panels: 31,
          meanDeviation: -1.9,
          sd: 2.2,
          leaning: 'harsher',
          leaningText: '比评审组偏严',
        },
      ],
    },
  ],
};
