import { defineTexts } from 'src/platform/i18n/texts';

/** Why a forecast's job failed, as its requester reads it on the forecast and the run. */
export const ForecastJobTexts = defineTexts('forecast.job', {
  readingHistory: { en: 'reading volume history', zh: '正在读取咨询量历史' },
  computed: { en: 'forecast computed ({method})', zh: '预测已计算（{method}）' },
  slotsStored: { en: '{slots} slots stored', zh: '已保存 {slots} 个时段' },
  noVolume: {
    en: 'The queue {queue} has no volume in the {days} days before {from}: import its history first',
    zh: '队列“{queue}”在 {from} 之前的 {days} 天内没有咨询量：请先导入其历史数据',
  },
});

/** The states of a forecast version, as a user reads them. */
export const ForecastStatusLabels = defineTexts('forecast.status', {
  queued: { en: 'queued', zh: '排队中' },
  running: { en: 'running', zh: '计算中' },
  completed: { en: 'completed', zh: '已完成' },
  failed: { en: 'failed', zh: '失败' },
});
