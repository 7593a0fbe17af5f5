import { defineTexts } from 'src/platform/i18n/texts';
import type { ImportKindName } from './kinds/import-kind';

/** What each import template is, for its title block (both languages on the sheet, as its headers are). */
export const ImportTemplateTitles = defineTexts('ingest.template-title', {
  queues: { en: 'Queues import template', zh: '队列导入模板' },
  volume: { en: 'Contact volume import template', zh: '进线量导入模板' },
  sessions: { en: 'Chat sessions import template', zh: '会话导入模板' },
  orders: { en: 'Orders import template', zh: '订单导入模板' },
  ratings: { en: 'Ratings import template', zh: '评价导入模板' },
  'agent-states': { en: 'Agent states import template', zh: '客服状态导入模板' },
} satisfies Record<ImportKindName, unknown>);

/** What the sheet is for: one row of what, and what the shop uses it for. */
export const ImportTemplatePurposes = defineTexts('ingest.template-purpose', {
  queues: {
    en: 'One row per queue: its channel, service level and skill (forecasts and rosters plan per queue)',
    zh: '每行一个队列：渠道、服务水平与所需技能（预测与排班按队列计划）',
  },
  volume: {
    en: 'One row per queue and time slot: contacts offered, handled and abandoned (the history forecasts learn from)',
    zh: '每行一个队列的一个时段：进线、接待与放弃量（预测所依据的历史）',
  },
  sessions: {
    en: 'One row per chat session: queue, agent, times and replies (response and resolution KPIs)',
    zh: '每行一个会话：队列、客服、时间与回复（响应与解决类 KPI）',
  },
  orders: {
    en: 'One row per order: customer, times and amounts (conversion and sales KPIs)',
    zh: '每行一个订单：客户、时间与金额（转化与销售类 KPI）',
  },
  ratings: {
    en: 'One row per rated session: the customer’s rating (satisfaction KPIs)',
    zh: '每行一个被评价的会话：客户评分（满意度类 KPI）',
  },
  'agent-states': {
    en: 'One row per agent state: online, busy, break… from and to (adherence and schedule KPIs)',
    zh: '每行一段客服状态：在线、忙碌、小休等的起止时间（遵从度与排班类 KPI）',
  },
} satisfies Record<ImportKindName, unknown>);

export const ImportTemplateWords = defineTexts('ingest.template-words', {
  zone: {
    en: 'Times are the shop’s local time ({zone}) or ISO 8601 with an offset. Keep these title lines or delete them; the headers below are read either way',
    zh: '时间按本店当地时间（{zone}）填写，或使用带时区偏移的 ISO 8601。标题行可保留或删除，均按下方表头读取',
  },
  anyZone: {
    en: 'Times are the shop’s local time or ISO 8601 with an offset. Keep these title lines or delete them; the headers below are read either way',
    zh: '时间按本店当地时间填写，或使用带时区偏移的 ISO 8601。标题行可保留或删除，均按下方表头读取',
  },
});
