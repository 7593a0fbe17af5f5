import { defineTexts } from 'src/platform/i18n/texts';

/** Names of the complaint domain's stable codes, as a user reads them. */
export const ComplaintStatusLabels = defineTexts('complaints.status', {
  open: { en: 'open', zh: '待处理' },
  in_progress: { en: 'in progress', zh: '处理中' },
  waiting_customer: { en: 'waiting for the customer', zh: '等待顾客回复' },
  resolved: { en: 'resolved', zh: '已解决' },
  closed: { en: 'closed', zh: '已关闭' },
});

export const ComplaintCategoryLabels = defineTexts('complaints.category', {
  product_quality: { en: 'product quality', zh: '商品质量' },
  logistics: { en: 'logistics', zh: '物流' },
  service_attitude: { en: 'service attitude', zh: '服务态度' },
  returns_refunds: { en: 'returns and refunds', zh: '退换货与退款' },
  wrong_description: { en: 'item not as described', zh: '描述不符' },
  other: { en: 'other', zh: '其他' },
});

export const ComplaintSeverityLabels = defineTexts('complaints.severity', {
  low: { en: 'low', zh: '低' },
  medium: { en: 'medium', zh: '中' },
  high: { en: 'high', zh: '高' },
  critical: { en: 'critical', zh: '紧急' },
});

export const DepartmentLabels = defineTexts('complaints.department', {
  after_sales: { en: 'after-sales', zh: '售后部' },
  logistics: { en: 'logistics', zh: '物流部' },
  warehouse: { en: 'warehouse', zh: '仓库' },
  product: { en: 'product', zh: '商品部' },
  service: { en: 'customer service', zh: '客服部' },
});

export const ChannelLabels = defineTexts('complaints.channel', {
  chat: { en: 'chat', zh: '在线咨询' },
  phone: { en: 'phone', zh: '电话' },
  email: { en: 'email', zh: '邮件' },
  review: { en: 'review', zh: '评价' },
  platform: { en: 'platform', zh: '平台' },
  social: { en: 'social media', zh: '社交媒体' },
  other: { en: 'other', zh: '其他' },
});

export const OutcomeLabels = defineTexts('complaints.outcome', {
  refund: { en: 'refund', zh: '退款' },
  replacement: { en: 'replacement', zh: '换货' },
  reshipment: { en: 'reshipment', zh: '补发' },
  compensation: { en: 'compensation', zh: '补偿' },
  apology: { en: 'apology', zh: '致歉' },
  explanation: { en: 'explanation', zh: '解释说明' },
  no_fault_found: { en: 'no fault found', zh: '未发现问题' },
  other: { en: 'other', zh: '其他' },
});

export const OverdueReasonLabels = defineTexts('complaints.overdue-reason', {
  first_response: { en: 'first response late', zh: '首次响应超时' },
  resolution: { en: 'resolution late', zh: '处理超时' },
});

export const EventKindLabels = defineTexts('complaints.event-kind', {
  created: { en: 'received', zh: '收到' },
  routed: { en: 'routed', zh: '分派' },
  status: { en: 'status changed', zh: '状态变更' },
  reopened: { en: 'reopened', zh: '重新打开' },
  reassigned: { en: 'reassigned', zh: '转交' },
  attribution: { en: 'attributed', zh: '归属变更' },
  fault: { en: 'fault changed', zh: '责任认定变更' },
  overdue: { en: 'overdue', zh: '超时' },
});

/** The notes the system writes into the audit trail, put in words on reading. */
export const EventNotes = defineTexts('complaints.event-note', {
  receivedBy: { en: 'received by {channel}', zh: '经“{channel}”渠道收到' },
  routedBy: { en: 'shop rule for {category}', zh: '按本店“{category}”类投诉的分派规则' },
  overdue: { en: 'nightly step: deadline missed ({reason})', zh: '夜间检查：已超过时限（{reason}）' },
  resolved: { en: 'outcome: {outcome} | customer: {feedback}', zh: '处理结果：{outcome} | 顾客反馈：{feedback}' },
  atFault: { en: 'at fault', zh: '有责' },
  notAtFault: { en: 'not at fault', zh: '无责' },
  noAgent: { en: 'no agent', zh: '无客服' },
});
