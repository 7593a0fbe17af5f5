import { defineTexts } from 'src/platform/i18n/texts';

/** QC categories are stored by their Chinese names (the shops' own words); these are what each reader sees. */
export const QcCategoryLabels = defineTexts('qc.category', {
  话术: { en: 'Wording', zh: '话术' },
  平台政策: { en: 'Platform policy', zh: '平台政策' },
  工具使用: { en: 'Tools', zh: '工具使用' },
  流程: { en: 'Process', zh: '流程' },
  沟通技巧: { en: 'Communication', zh: '沟通技巧' },
  销售技能: { en: 'Selling', zh: '销售技能' },
  服务态度: { en: 'Service attitude', zh: '服务态度' },
});

export const SeverityLabels = defineTexts('qc.severity', {
  low: { en: 'low', zh: '轻微' },
  medium: { en: 'medium', zh: '一般' },
  high: { en: 'high', zh: '严重' },
  critical: { en: 'critical', zh: '致命' },
});

export const CoachingReasonLabels = defineTexts('qc.coaching-reason', {
  failed: { en: 'failed review', zh: '质检不合格' },
  below_threshold: { en: 'score below threshold', zh: '得分低于辅导线' },
});

/** How well inspectors agree (ICC bands of Koo & Li, 2016). */
export const AgreementLabels = defineTexts('qc.agreement', {
  poor: { en: 'poor agreement', zh: '一致性差' },
  moderate: { en: 'moderate agreement', zh: '一致性中等' },
  good: { en: 'good agreement', zh: '一致性良好' },
  excellent: { en: 'excellent agreement', zh: '一致性优秀' },
});

/** Where an inspector stands against the panels they sat on. */
export const LeaningLabels = defineTexts('qc.leaning', {
  harsher: { en: 'harsher than the panel', zh: '比评审组偏严' },
  softer: { en: 'softer than the panel', zh: '比评审组偏松' },
  'in-line': { en: 'in line with the panel', zh: '与评审组一致' },
});

export const CalibrationTexts = defineTexts('qc.calibration', {
  unknownInspector: { en: '(unknown inspector)', zh: '（未知质检员）' },
  inspector: { en: 'Inspector', zh: '质检员' },
  range: { en: 'the range may span at most 366 days', zh: '范围最多 366 天' },
});

/** What the sampling job reports when done. */
export const QcJobTexts = defineTexts('qc.job', {
  sampled: { en: '{sessions} sessions of {agents} agents', zh: '{agents} 名客服的 {sessions} 个会话' },
});
