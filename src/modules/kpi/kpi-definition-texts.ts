import { defineTexts } from 'src/platform/i18n/texts';
import { KPI_DEFINITIONS } from './kpi-definitions';

/** The KPI registry's descriptions in Chinese, beside the English of `kpi-definitions.ts`. */
const FORMULAS_ZH: Readonly<Record<string, string>> = {
  inquiries: '客服回复过的会话的去重顾客数',
  preSaleInquiries: '有已回复售前会话的去重顾客数',
  orders: '订单归属到该客服的去重顾客数',
  orderConversion: '下单人数 / 询单人数',
  paymentRate: '付款人数 / 下单人数',
  inquiryConversion: '付款人数 / 询单人数',
  serviceSales: '归属订单的付款金额合计（退款另计）',
  averageOrderValue: '客服销售额 / 付款人数（分，四舍五入）',
  firstResponseSeconds: '首次响应秒数合计 / 有首次响应的会话数',
  averageResponseSeconds: '按消息对加权的会话平均响应时间，消息对 = 顾客与客服消息数的较小者',
  replyRatio: '客服消息数 / 顾客消息数',
  resolutionRate: '已解决的售后会话 / 售后会话',
  satisfaction: '4–5 分评价（满意、很满意）/ 全部评价（1–5 分）',
  complaints: '认定客服有责的投诉数',
  refundRate: '归属订单的退款金额 / 付款金额（退款发生时计入）',
  refundedAmount: '已付款归属订单的退款金额合计',
  stockOuts: '标记为缺货的归属订单数',
  qcScore: '各被抽检会话平均质检分的均值（0–100，同一会话多次评审只计一次）',
  workedMinutes: '最新发布排班中的班次分钟数，扣除休息',
  adherence:
    '处于排班所要求状态的秒数（在班：在线或忙碌；休息或培训：离开或离线；未上报视为离线）/ 已发布班次的排班秒数（含休息）',
  conformance: '在线或忙碌的秒数（无论是否在班）/ 已发布班次扣除休息和培训后的秒数',
  sessions: '处理的会话数',
};

const COUNTED_ON_ZH: Readonly<Record<string, string>> = {
  'local day the session started': '会话开始的当地日期',
  'local day of the attributed inquiry session': '所归属咨询会话的当地日期',
  'local day the complaint was received': '收到投诉的当地日期',
  'local day the reviewed session started': '被评审会话开始的当地日期',
  'local day the shift starts': '班次开始的当地日期',
  'local day each second lies in (a night shift counts on both days)': '每一秒所在的当地日期（夜班分别计入两天）',
  'from the inquiry until 24:00 of the inquiry day plus the shop’s attribution window (default 1 day)':
    '从咨询起，至咨询当天加本店归属窗口（默认 1 天）的 24:00',
};

export const KpiFormulas = defineTexts(
  'kpi.formula',
  Object.fromEntries(KPI_DEFINITIONS.map((d) => [d.key, { en: d.formula, zh: FORMULAS_ZH[d.key] }])),
);

/** Which day a figure counts on, and the attribution window, by their English wording. */
export const KpiDayTexts = defineTexts(
  'kpi.counted-on',
  Object.fromEntries(Object.entries(COUNTED_ON_ZH).map(([en, zh]) => [en, { en, zh }])),
);

export const KpiUnitLabels = defineTexts('kpi.unit', {
  count: { en: 'count', zh: '个' },
  ratio: { en: 'ratio', zh: '比率' },
  cents: { en: 'amount', zh: '金额' },
  seconds: { en: 'seconds', zh: '秒' },
  score: { en: 'score', zh: '分' },
  minutes: { en: 'minutes', zh: '分钟' },
});

export const KpiDirectionLabels = defineTexts('kpi.direction', {
  higher: { en: 'higher is better', zh: '越高越好' },
  lower: { en: 'lower is better', zh: '越低越好' },
});
