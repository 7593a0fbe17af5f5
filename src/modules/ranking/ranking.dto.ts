import { z } from 'zod';
import { pageQuery } from 'src/platform/http/pagination';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';
import { text } from 'src/platform/i18n/locale';

export const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, localized(SchemaTexts.month))
  .meta({ example: '2026-11' });

export const CreateScorecardBody = z.strictObject({
  name: z.string().trim().min(1).max(80).meta({ example: '售前月度考核' }),
  roleGroup: z.enum(['pre_sales', 'after_sales']).meta({ example: 'pre_sales' }),
  metrics: z
    .array(
      z.strictObject({
        metric: z.string().min(1).meta({ example: 'orderConversion' }),
        weight: z.number().positive().max(100).meta({ example: 40 }),
      }),
    )
    .min(1)
    .max(12)
    .refine(
      (list) => new Set(list.map((m) => m.metric)).size === list.length,
      localized(text('must not repeat a metric', '指标不得重复')),
    )
    .meta({ description: 'KPI keys of GET /kpis/definitions with weights; the direction comes from the registry' }),
  minDaysWorked: z
    .number()
    .int()
    .min(0)
    .max(31)
    .default(15)
    .meta({ description: 'Eligibility floor: days with sessions in the month', example: 15 }),
  minInquiries: z
    .number()
    .int()
    .min(0)
    .default(300)
    .meta({ description: 'Eligibility floor: inquiries in the month', example: 300 }),
  topN: z.number().int().min(0).max(100).default(3).meta({ example: 3 }),
  bottomPercent: z
    .number()
    .int()
    .min(0)
    .max(50)
    .default(10)
    .meta({ description: 'Bottom of the list (末位), rounded up to whole agents', example: 10 }),
  tieRule: z.enum(['heaviest_metric', 'inquiries']).default('heaviest_metric').meta({
    description:
      'Equal totals: `heaviest_metric` = more points in the heaviest metric, then more inquiries; `inquiries` = more inquiries; both then the lower employee number',
  }),
  rewardRules: z
    .array(
      z.strictObject({
        flag: z.enum(['top', 'bottom']),
        kind: z.enum(['bonus', 'penalty', 'improvement_plan']),
        amountCents: z
          .number()
          .int()
          .min(0)
          .max(100_000_000)
          .default(0)
          .meta({ description: 'Integer cents, positive; a penalty is booked negative', example: 50_000 }),
        note: z.string().trim().min(1).max(200).meta({ example: '月度前三奖励' }),
      }),
    )
    .max(10)
    .default([]),
});
export type CreateScorecardBody = z.infer<typeof CreateScorecardBody>;
export type RewardRule = CreateScorecardBody['rewardRules'][number];

const card = CreateScorecardBody.shape;
/** Any of a scorecard's rules; a default of creation never fills what an update leaves out. Runs already made keep their snapshot. */
export const UpdateScorecardBody = z
  .strictObject({
    name: card.name.optional(),
    roleGroup: card.roleGroup.optional(),
    metrics: card.metrics.optional(),
    minDaysWorked: card.minDaysWorked.unwrap().optional(),
    minInquiries: card.minInquiries.unwrap().optional(),
    topN: card.topN.unwrap().optional(),
    bottomPercent: card.bottomPercent.unwrap().optional(),
    tieRule: card.tieRule.unwrap().optional(),
    rewardRules: card.rewardRules.unwrap().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), localized(SchemaTexts.nothingToChange));
export type UpdateScorecardBody = z.infer<typeof UpdateScorecardBody>;

export const CreateRankingBody = z.strictObject({
  month,
  scorecardId: z.uuid(localized(SchemaTexts.uuid)),
});
export type CreateRankingBody = z.infer<typeof CreateRankingBody>;

export const ListRankingsQuery = z.strictObject({
  ...pageQuery,
  month: month.optional(),
  scorecardId: z.uuid(localized(SchemaTexts.uuid)).optional(),
});
export type ListRankingsQuery = z.infer<typeof ListRankingsQuery>;

export const CreateLedgerEntryBody = z.strictObject({
  agentId: z.uuid(localized(SchemaTexts.uuid)),
  month,
  kind: z.enum(['bonus', 'penalty', 'improvement_plan']),
  amountCents: z
    .number()
    .int()
    .min(0)
    .max(100_000_000)
    .default(0)
    .meta({ description: 'Integer cents, positive; a penalty is booked negative', example: 20_000 }),
  reason: z.string().trim().min(1).max(500).meta({ example: '双十一期间主动加班' }),
});
export type CreateLedgerEntryBody = z.infer<typeof CreateLedgerEntryBody>;

export const ListLedgerQuery = z.strictObject({
  ...pageQuery,
  month: month.optional(),
  agentId: z.uuid(localized(SchemaTexts.uuid)).optional(),
  status: z.enum(['proposed', 'approved', 'rejected']).optional(),
});
export type ListLedgerQuery = z.infer<typeof ListLedgerQuery>;

const ids = {
  shop: 'c1a0f4d2-7e3b-4b8a-9f61-2d5e8c9a1b34',
  scorecard: '6c5b4a39-2817-4f6e-9d5c-4b3a29180f7e',
  run: '7b6a5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  agent: '5b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
  team: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  job: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
};

export const scorecardExample = {
  id: ids.scorecard,
  shopId: ids.shop,
  name: '售前月度考核',
  roleGroup: 'pre_sales',
  metrics: [
    { metric: 'orderConversion', weight: 40 },
    { metric: 'serviceSales', weight: 30 },
    { metric: 'firstResponseSeconds', weight: 15 },
    { metric: 'satisfaction', weight: 15 },
  ],
  minDaysWorked: 15,
  minInquiries: 300,
  topN: 3,
  bottomPercent: 10,
  tieRule: 'heaviest_metric',
  rewardRules: [
    { flag: 'top', kind: 'bonus', amountCents: 50_000, note: '月度前三奖励' },
    { flag: 'bottom', kind: 'improvement_plan', amountCents: 0, note: '末位改进计划' },
  ],
  createdBy: null,
  createdAt: '2026-11-01T02:00:00.000Z',
  updatedAt: '2026-11-01T02:00:00.000Z',
};

export const acceptedRankingExample = {
  rankingId: ids.run,
  version: 2,
  jobId: ids.job,
  name: 'ranking.compute',
  status: 'queued',
  statusUrl: `/jobs/${ids.job}`,
};

export const rankingExample = {
  id: ids.run,
  shopId: ids.shop,
  scorecardId: ids.scorecard,
  month: '2026-11',
  version: 2,
  status: 'approved',
  statusLabel: '已审批',
  error: null,
  jobRunId: ids.job,
  createdAt: '2026-12-01T01:00:00.000Z',
  completedAt: '2026-12-01T01:00:01.200Z',
  approvedBy: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  approvedAt: '2026-12-02T03:00:00.000Z',
  ranked: [
    {
      rank: 1,
      agentId: ids.agent,
      agentName: '林晓',
      employeeNo: 'A007',
      teamId: ids.team,
      teamName: '售前一组',
      total: 91.25,
      percentile: 100,
      top: true,
      bottom: false,
      daysWorked: 22,
      inquiries: 2140,
      metrics: { orderConversion: { value: 0.4812, points: 100 }, serviceSales: { value: 18_342_000, points: 95.5 } },
    },
  ],
  ineligible: [
    {
      agentId: '8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968',
      agentName: '王芳',
      employeeNo: 'A019',
      teamId: ids.team,
      teamName: '售前一组',
      daysWorked: 9,
      inquiries: 610,
      reasons: ['出勤 9 天，少于 15 天'],
      reasonCodes: ['min-days-worked'],
    },
  ],
};

export const ledgerEntryExample = {
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  shopId: ids.shop,
  agentId: ids.agent,
  month: '2026-11',
  kind: 'bonus',
  kindLabel: '奖励',
  amountCents: 50_000,
  reason: '月度前三奖励（第 1 名）',
  rank: 1,
  source: 'rule',
  rankingRunId: ids.run,
  ruleIndex: 0,
  status: 'approved',
  statusLabel: '已批准',
  sourceLabel: '考核规则',
  createdBy: null,
  createdAt: '2026-12-02T03:00:00.000Z',
  decidedBy: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  decidedAt: '2026-12-02T03:05:00.000Z',
};
