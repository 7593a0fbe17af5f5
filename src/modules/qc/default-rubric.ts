import type { NewRubricItem } from './rubric.repository';

/** The rubric every shop starts with: points add up to 100; the three critical errors fail a review. */
export const DEFAULT_RUBRIC_NAME = '标准质检表';
export const DEFAULT_RUBRIC_ITEMS: NewRubricItem[] = [
  { code: 'greeting', category: '话术', title: '开场问候与结束语规范', titleEn: 'Greeting and closing as scripted', kind: 'points', maxPoints: 10, critical: false },
  { code: 'wording', category: '话术', title: '用语规范，无错别字、无生硬话术', titleEn: 'Proper wording, no typos or stiff scripts', kind: 'points', maxPoints: 10, critical: false },
  { code: 'policy', category: '平台政策', title: '平台规则与售后政策解释准确', titleEn: 'Platform rules and after-sales policy explained correctly', kind: 'points', maxPoints: 15, critical: false },
  { code: 'tools', category: '工具使用', title: '正确使用快捷短语、订单查询与工单工具', titleEn: 'Quick phrases, order lookup and ticket tools used correctly', kind: 'points', maxPoints: 10, critical: false },
  { code: 'process', category: '流程', title: '按流程核实订单、登记、转交', titleEn: 'Order verified, recorded and handed over as the process says', kind: 'points', maxPoints: 15, critical: false },
  { code: 'communication', category: '沟通技巧', title: '理解问题、安抚情绪、确认解决', titleEn: 'Understands the problem, calms the customer, confirms the fix', kind: 'points', maxPoints: 15, critical: false },
  { code: 'sales', category: '销售技能', title: '推荐、催付、关联销售得当', titleEn: 'Recommends, chases payment and cross-sells well', kind: 'points', maxPoints: 15, critical: false },
  { code: 'attitude', category: '服务态度', title: '热情、耐心、及时', titleEn: 'Warm, patient and prompt', kind: 'points', maxPoints: 10, critical: false },
  { code: 'rude', category: '服务态度', title: '辱骂、讽刺、与客户争执', titleEn: 'Insults, sarcasm or arguing with the customer', kind: 'deduction', maxPoints: 100, critical: true },
  { code: 'wrong_promise', category: '平台政策', title: '违规承诺（政策外退款、赔付、时效）', titleEn: 'Promises outside policy (refunds, compensation, delivery times)', kind: 'deduction', maxPoints: 100, critical: true },
  { code: 'data_leak', category: '流程', title: '泄露客户信息', titleEn: 'Leaks customer data', kind: 'deduction', maxPoints: 100, critical: true },
  { code: 'slow_reply', category: '流程', title: '回复超时', titleEn: 'Slow reply', kind: 'deduction', maxPoints: 10, critical: false },
];
