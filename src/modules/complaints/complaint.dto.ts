import { z } from 'zod';
import { queryBoolean, utcInstant } from 'src/platform/http/field-schemas';
import { pageQuery } from 'src/platform/http/pagination';
import { requiredKeys } from 'src/modules/ingest/readers/required-columns';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  DEPARTMENTS,
  OUTCOMES,
} from './engine/complaint-catalogue';
import { COMPLAINT_STATUSES } from './engine/complaint-status';
import { localized, say, SchemaTexts } from 'src/platform/i18n/zod-messages';
import { defineTexts } from 'src/platform/i18n/texts';
import { text } from 'src/platform/i18n/locale';

const note = z.string().trim().min(1).max(2000);
const { requiredToResolve: REQUIRED_TO_RESOLVE, requiredToReopen: REQUIRED_TO_REOPEN } = defineTexts(
  'complaints.schema',
  {
    requiredToResolve: text('is required to resolve a complaint', '解决投诉时必须填写'),
    requiredToReopen: text('is required to reopen a complaint (why?)', '重新打开投诉时必须说明原因'),
  },
);

/** One complaint as it arrives: the same schema checks POST /complaints and every imported row. */
export const ComplaintIntakeBody = z
  .strictObject({
    externalId: z.string().trim().min(1).max(100).optional().meta({
      description: 'Id in the source system; an import skips ids it already has',
      example: 'TS-20261123-0042',
    }),
    channel: z.enum(COMPLAINT_CHANNELS).meta({ example: 'platform' }),
    customerKey: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .meta({ description: 'Buyer id; stored only as a keyed hash', example: 'tb_buyer_8842' }),
    orderExternalId: z.string().trim().min(1).max(100).optional().meta({ example: 'TB2026112200017' }),
    agentId: z.uuid().optional().meta({ description: 'The agent the complaint is about (or agentEmployeeNo)' }),
    agentEmployeeNo: z.string().trim().min(1).max(40).optional().meta({ example: 'CS0002' }),
    agentAtFault: z.boolean().default(false).meta({ description: 'Counts in the agent’s KPIs' }),
    category: z.enum(COMPLAINT_CATEGORIES).meta({ example: 'service_attitude' }),
    severity: z.enum(COMPLAINT_SEVERITIES).default('medium'),
    negativeReview: z.boolean().default(false).meta({ description: 'A 中差评: handled within 7 days at most' }),
    description: z.string().trim().min(1).max(5000).optional().meta({ example: '顾客称客服回复态度差' }),
    receivedAt: utcInstant.optional().meta({ description: 'Defaults to now', example: '2026-11-23T02:00:00Z' }),
  })
  .refine((b) => !(b.agentId && b.agentEmployeeNo), {
    ...localized(text('give agentId or agentEmployeeNo, not both', '客服和工号只能填写一项')),
    path: ['agentEmployeeNo'],
  })
  .refine((b) => !b.agentAtFault || b.agentId || b.agentEmployeeNo, {
    ...localized(text('needs an agent (agentId or agentEmployeeNo)', '认定有责时必须指定客服（客服或工号）')),
    path: ['agentAtFault'],
  });
export type ComplaintIntakeBody = z.infer<typeof ComplaintIntakeBody>;
/** The columns an import must have (neither optional nor defaulted): channel, customerKey, category. */
export const COMPLAINT_REQUIRED_COLUMNS = requiredKeys(ComplaintIntakeBody.shape);

export const MAX_IMPORT_ROWS = 5000;

export const ComplaintImportBody = z.strictObject({
  rows: z.array(z.unknown()).min(1).max(MAX_IMPORT_ROWS).meta({ description: 'Each row as for POST /complaints' }),
});
export const ComplaintImportQuery = z.strictObject({
  mode: z
    .enum(['all', 'partial'])
    .default('all')
    .meta({ description: 'all: one bad row rejects the import; partial: store the good rows' }),
});
export type ComplaintImportQuery = z.infer<typeof ComplaintImportQuery>;

export const ListComplaintsQuery = z.strictObject({
  ...pageQuery,
  overdue: queryBoolean.optional().meta({ description: 'Flagged by the nightly step' }),
  status: z.enum(COMPLAINT_STATUSES).optional(),
  agent: z.uuid().optional().meta({ description: 'Agent id' }),
  team: z.uuid().optional().meta({ description: 'Team id: complaints about its agents' }),
  category: z.enum(COMPLAINT_CATEGORIES).optional(),
  department: z.enum(DEPARTMENTS).optional(),
  agentAtFault: queryBoolean.optional(),
});
export type ListComplaintsQuery = z.infer<typeof ListComplaintsQuery>;

export const TransitionBody = z
  .strictObject({
    to: z.enum(COMPLAINT_STATUSES).meta({ example: 'resolved' }),
    note: note.optional().meta({ example: '已与顾客电话沟通' }),
    outcome: z.enum(OUTCOMES).optional().meta({ description: 'Required to resolve', example: 'refund' }),
    customerFeedback: note
      .optional()
      .meta({ description: 'What the customer said to the resolution; required to resolve', example: '顾客表示满意' }),
  })
  .superRefine((b, ctx) => {
    if (b.to === 'resolved' && !b.outcome)
      ctx.addIssue({ code: 'custom', message: say(REQUIRED_TO_RESOLVE), path: ['outcome'] });
    if (b.to === 'resolved' && !b.customerFeedback)
      ctx.addIssue({ code: 'custom', message: say(REQUIRED_TO_RESOLVE), path: ['customerFeedback'] });
    if (b.to === 'open' && !b.note) ctx.addIssue({ code: 'custom', message: say(REQUIRED_TO_REOPEN), path: ['note'] });
  });
export type TransitionBody = z.infer<typeof TransitionBody>;

export const ReassignBody = z.strictObject({
  department: z.enum(DEPARTMENTS).meta({ example: 'warehouse' }),
  note: note.meta({ example: '发错货, 转仓库' }),
});
export type ReassignBody = z.infer<typeof ReassignBody>;

export const AttributionBody = z
  .strictObject({
    agentId: z.uuid().nullable().optional().meta({ description: 'null: no agent' }),
    agentAtFault: z.boolean().optional(),
    note: note.meta({ example: '质检复核: 客服未按话术回复' }),
  })
  .refine((b) => b.agentId !== undefined || b.agentAtFault !== undefined, {
    ...localized(SchemaTexts.nothingToChange),
    path: ['agentAtFault'],
  });
export type AttributionBody = z.infer<typeof AttributionBody>;

export const complaintExample = {
  id: '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
  shopId: 'c1a0f4d2-7e3b-4b8a-9f61-2d5e8c9a1b34',
  externalId: 'TS-20261123-0042',
  channel: 'platform',
  orderExternalId: 'TB2026112200017',
  agentId: '8d9e0f1a-2b3c-4d5e-8f70-8192a3b4c5d6',
  agentAtFault: true,
  category: 'service_attitude',
  severity: 'high',
  negativeReview: true,
  description: '顾客称客服回复态度差',
  department: 'service',
  status: 'in_progress',
  receivedAt: '2026-11-23T02:00:00.000Z',
  firstResponseDueAt: '2026-11-23T03:00:00.000Z',
  resolveDueAt: '2026-11-25T02:00:00.000Z',
  firstRespondedAt: '2026-11-23T02:20:00.000Z',
  resolvedAt: null,
  closedAt: null,
  outcome: null,
  customerFeedback: null,
  overdue: false,
  overdueReason: null,
  overdueFlaggedAt: null,
  allowedTransitions: ['waiting_customer', 'resolved'],
  statusLabel: '处理中',
  categoryLabel: '服务态度',
  severityLabel: '高',
  departmentLabel: '客服部',
  channelLabel: '平台',
  outcomeLabel: null,
  overdueReasonLabel: null,
  createdAt: '2026-11-23T02:05:00.000Z',
  updatedAt: '2026-11-23T02:20:00.000Z',
};

export const complaintEventExample = {
  id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  kind: 'status',
  fromValue: 'open',
  toValue: 'in_progress',
  note: '已联系顾客',
  kindLabel: '状态变更',
  fromLabel: '待处理',
  toLabel: '处理中',
  actorUserId: '6f1c0d9e-1b7a-4c55-9c1e-0a4f3e2b7d10',
  actorRole: 'supervisor',
  actorName: '张主管',
  at: '2026-11-23T02:20:00.000Z',
};

export const importReportExample = {
  mode: 'partial',
  rows: 3,
  inserted: 1,
  skipped: 1,
  rejected: 1,
  errors: [{ row: 3, field: 'receivedAt', message: '不能晚于当前时间', code: 'custom' }],
};
