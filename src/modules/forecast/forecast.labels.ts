import { defineTexts } from 'src/platform/i18n/texts';

/** The states of a forecast version, as a user reads them. */
export const ForecastStatusLabels = defineTexts('forecast.status', {
  queued: { en: 'queued', zh: '排队中' },
  running: { en: 'running', zh: '计算中' },
  completed: { en: 'completed', zh: '已完成' },
  failed: { en: 'failed', zh: '失败' },
});
