/**
 * The KPI registry as data: every figure of the department, its formula over the stored daily
 * sums, unit and direction. Rates are computed on read from summed numerators and denominators,
 * so a team-month is exact; a zero denominator gives null ("no data").
 */
export const KPI_SUMS = [
  'sessions', 'inquiries', 'preSaleInquiries', 'firstResponseSum', 'firstResponseCount', 'responseSum', 'responsePairs',
  'customerMessages', 'agentMessages', 'afterSaleSessions', 'resolvedSessions', 'ratings', 'satisfiedRatings',
  'orderedCustomers', 'orders', 'payingCustomers', 'paidCents', 'refundedCents', 'outOfStockOrders', 'complaints', 'qcReviews', 'qcScoreSum', 'workedMinutes',
  'scheduledSeconds', 'adherentSeconds', 'plannedWorkSeconds', 'loggedWorkSeconds',
] as const;
export type KpiSum = (typeof KPI_SUMS)[number];
export type KpiSums = Record<KpiSum, number>;

export type KpiUnit = 'count' | 'ratio' | 'cents' | 'seconds' | 'score' | 'minutes';
export type KpiDefinition = {
  key: string;
  name: string;
  nameZh: string;
  formula: string;
  unit: KpiUnit;
  direction: 'higher' | 'lower';
  /** Which fact decides the day a figure is counted on. */
  countedOn: string;
  /** Only figures that depend on order attribution have one. */
  attributionWindow: string | null;
  numerator: KpiSum;
  denominator?: KpiSum;
  /** Decimal places of the value returned. */
  decimals: number;
};

const WINDOW = 'from the inquiry until 24:00 of the inquiry day plus the shop’s attribution window (default 1 day)';
const SESSION_DAY = 'local day the session started';
const INQUIRY_DAY = 'local day of the attributed inquiry session';
const STATE_DAY = 'local day each second lies in (a night shift counts on both days)';

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  { key: 'inquiries', name: 'Inquiries', nameZh: '咨询量', formula: 'distinct customers with a session the agent answered (agent messages > 0)', unit: 'count', direction: 'higher', countedOn: SESSION_DAY, attributionWindow: null, numerator: 'inquiries', decimals: 0 },
  { key: 'preSaleInquiries', name: 'Pre-sale inquiries', nameZh: '询单人数', formula: 'distinct customers with an answered pre-sale session', unit: 'count', direction: 'higher', countedOn: SESSION_DAY, attributionWindow: null, numerator: 'preSaleInquiries', decimals: 0 },
  { key: 'orders', name: 'Ordered customers', nameZh: '下单人数', formula: 'distinct customers with an order attributed to the agent', unit: 'count', direction: 'higher', countedOn: INQUIRY_DAY, attributionWindow: WINDOW, numerator: 'orderedCustomers', decimals: 0 },
  { key: 'orderConversion', name: 'Order conversion', nameZh: '转定率', formula: 'ordered customers / pre-sale inquiries', unit: 'ratio', direction: 'higher', countedOn: INQUIRY_DAY, attributionWindow: WINDOW, numerator: 'orderedCustomers', denominator: 'preSaleInquiries', decimals: 4 },
  { key: 'paymentRate', name: 'Payment rate', nameZh: '付款率', formula: 'paying customers / ordered customers', unit: 'ratio', direction: 'higher', countedOn: INQUIRY_DAY, attributionWindow: WINDOW, numerator: 'payingCustomers', denominator: 'orderedCustomers', decimals: 4 },
  { key: 'inquiryConversion', name: 'Inquiry conversion', nameZh: '询单转化率', formula: 'paying customers / pre-sale inquiries', unit: 'ratio', direction: 'higher', countedOn: INQUIRY_DAY, attributionWindow: WINDOW, numerator: 'payingCustomers', denominator: 'preSaleInquiries', decimals: 4 },
  { key: 'serviceSales', name: 'Service sales', nameZh: '客服销售额', formula: 'sum of amount_cents of paid attributed orders (refunds are reported apart)', unit: 'cents', direction: 'higher', countedOn: INQUIRY_DAY, attributionWindow: WINDOW, numerator: 'paidCents', decimals: 0 },
  { key: 'averageOrderValue', name: 'Average order value', nameZh: '客单价', formula: 'service sales / paying customers (cents, rounded half up)', unit: 'cents', direction: 'higher', countedOn: INQUIRY_DAY, attributionWindow: WINDOW, numerator: 'paidCents', denominator: 'payingCustomers', decimals: 0 },
  { key: 'firstResponseSeconds', name: 'First response time', nameZh: '首次响应时间', formula: 'sum of first-response seconds / sessions with a first response', unit: 'seconds', direction: 'lower', countedOn: SESSION_DAY, attributionWindow: null, numerator: 'firstResponseSum', denominator: 'firstResponseCount', decimals: 2 },
  { key: 'averageResponseSeconds', name: 'Average response time', nameZh: '平均响应时间', formula: 'sum of (session mean response × its message pairs) / message pairs, pairs = min(customer, agent messages)', unit: 'seconds', direction: 'lower', countedOn: SESSION_DAY, attributionWindow: null, numerator: 'responseSum', denominator: 'responsePairs', decimals: 2 },
  { key: 'replyRatio', name: 'Reply ratio', nameZh: '答问比', formula: 'agent messages / customer messages', unit: 'ratio', direction: 'higher', countedOn: SESSION_DAY, attributionWindow: null, numerator: 'agentMessages', denominator: 'customerMessages', decimals: 4 },
  { key: 'resolutionRate', name: 'Resolution rate', nameZh: '解决率', formula: 'resolved after-sales sessions / after-sales sessions', unit: 'ratio', direction: 'higher', countedOn: SESSION_DAY, attributionWindow: null, numerator: 'resolvedSessions', denominator: 'afterSaleSessions', decimals: 4 },
  { key: 'satisfaction', name: 'Satisfaction', nameZh: '满意度', formula: 'ratings 4–5 (satisfied, very satisfied) / all ratings (1–5)', unit: 'ratio', direction: 'higher', countedOn: SESSION_DAY, attributionWindow: null, numerator: 'satisfiedRatings', denominator: 'ratings', decimals: 4 },
  { key: 'complaints', name: 'Complaints', nameZh: '投诉数', formula: 'complaints with agent_at_fault against the agent', unit: 'count', direction: 'lower', countedOn: 'local day the complaint was received', attributionWindow: null, numerator: 'complaints', decimals: 0 },
  { key: 'refundRate', name: 'Refund rate', nameZh: '退款率', formula: 'refunded cents / paid cents of attributed orders (refunds count whenever they happen)', unit: 'ratio', direction: 'lower', countedOn: INQUIRY_DAY, attributionWindow: WINDOW, numerator: 'refundedCents', denominator: 'paidCents', decimals: 4 },
  { key: 'refundedAmount', name: 'Refunded amount', nameZh: '退款金额', formula: 'sum of refunded_cents of paid attributed orders', unit: 'cents', direction: 'lower', countedOn: INQUIRY_DAY, attributionWindow: WINDOW, numerator: 'refundedCents', decimals: 0 },
  { key: 'stockOuts', name: 'Stock-outs', nameZh: '缺货', formula: 'attributed orders marked out of stock', unit: 'count', direction: 'lower', countedOn: INQUIRY_DAY, attributionWindow: WINDOW, numerator: 'outOfStockOrders', decimals: 0 },
  { key: 'qcScore', name: 'QC score', nameZh: '质检分', formula: 'sum over reviewed sessions of the mean submitted score / reviewed sessions (0–100; a session reviewed twice counts once)', unit: 'score', direction: 'higher', countedOn: 'local day the reviewed session started', attributionWindow: null, numerator: 'qcScoreSum', denominator: 'qcReviews', decimals: 2 },
  { key: 'workedMinutes', name: 'Worked minutes', nameZh: '排班工时', formula: 'minutes of the agent’s shifts in the newest published roster version, breaks taken off', unit: 'minutes', direction: 'higher', countedOn: 'local day the shift starts', attributionWindow: null, numerator: 'workedMinutes', decimals: 0 },
  { key: 'adherence', name: 'Adherence', nameZh: '排班遵从率', formula: 'seconds in the state the schedule expects (on shift: online or busy; on a break or in training: away or offline; nothing reported counts as offline) / scheduled seconds of the published shifts, breaks included', unit: 'ratio', direction: 'higher', countedOn: STATE_DAY, attributionWindow: null, numerator: 'adherentSeconds', denominator: 'scheduledSeconds', decimals: 4 },
  { key: 'conformance', name: 'Conformance', nameZh: '工时符合率', formula: 'seconds online or busy (on shift or not) / seconds of the published shifts less breaks and training', unit: 'ratio', direction: 'higher', countedOn: STATE_DAY, attributionWindow: null, numerator: 'loggedWorkSeconds', denominator: 'plannedWorkSeconds', decimals: 4 },
  { key: 'sessions', name: 'Sessions', nameZh: '会话数', formula: 'sessions handled', unit: 'count', direction: 'higher', countedOn: SESSION_DAY, attributionWindow: null, numerator: 'sessions', decimals: 0 },
];

export const KPI_KEYS = KPI_DEFINITIONS.map((d) => d.key);
export const kpiDefinition = (key: string): KpiDefinition | undefined => KPI_DEFINITIONS.find((d) => d.key === key);
