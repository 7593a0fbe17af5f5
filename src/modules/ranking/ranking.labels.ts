import { fillText, type Text, text } from 'src/platform/i18n/locale';
import { defineTexts } from 'src/platform/i18n/texts';

/** Names of the ranking's stable codes (ledger kinds and states, run states) as a user reads them. */
export const LedgerKindLabels = defineTexts('ranking.ledger-kind', {
  bonus: { en: 'bonus', zh: '奖励' },
  penalty: { en: 'penalty', zh: '扣款' },
  improvement_plan: { en: 'improvement plan', zh: '改进计划' },
});

export const LedgerStatusLabels = defineTexts('ranking.ledger-status', {
  proposed: { en: 'proposed', zh: '待审批' },
  approved: { en: 'approved', zh: '已批准' },
  rejected: { en: 'rejected', zh: '已驳回' },
});

export const LedgerSourceLabels = defineTexts('ranking.ledger-source', {
  rule: { en: 'scorecard rule', zh: '考核规则' },
  manual: { en: 'manual', zh: '手工录入' },
});

export const RankingStatusLabels = defineTexts('ranking.status', {
  queued: { en: 'queued', zh: '排队中' },
  running: { en: 'computing', zh: '计算中' },
  completed: { en: 'completed', zh: '已完成' },
  failed: { en: 'failed', zh: '失败' },
  approved: { en: 'approved', zh: '已审批' },
});

export const RankingTexts = defineTexts('ranking.text', {
  /** Why an agent is not ranked; the codes are stored with the row, the words made on reading. */
  'min-days-worked': { en: 'worked {days} days, fewer than {min}', zh: '出勤 {days} 天，少于 {min} 天' },
  'min-inquiries': { en: '{inquiries} inquiries, fewer than {min}', zh: '咨询量 {inquiries}，少于 {min}' },
  ruleReason: { en: '{note} (rank {rank})', zh: '{note}（第 {rank} 名）' },
});

type RowFigures = { daysWorked: number; inquiries: number };
type Floors = { minDaysWorked?: number; minInquiries?: number };

/** One stored reason code of an ineligible row, in words, with the row's figures and the scorecard's floor. */
export function ineligibleReason(code: string, row: RowFigures, floors: Floors): Text {
  if (code === 'min-days-worked')
    return fillText(RankingTexts['min-days-worked'], { days: row.daysWorked, min: floors.minDaysWorked });
  if (code === 'min-inquiries')
    return fillText(RankingTexts['min-inquiries'], { inquiries: row.inquiries, min: floors.minInquiries });
  return text(code, code);
}

/** What the ranking job reports and why it may refuse at once. */
export const RankingJobTexts = defineTexts('ranking.job', {
  aggregating: { en: 'aggregating days of the month not aggregated yet', zh: '正在汇总本月尚未汇总的日期' },
  readingSums: {
    en: 'reading the month’s KPI sums ({days} days aggregated first)',
    zh: '正在读取本月绩效汇总（先汇总了 {days} 天）',
  },
  frozen: {
    en: 'An approved ranking is frozen; run a new version instead',
    zh: '已批准的排名不可更改；请运行新版本',
  },
});
