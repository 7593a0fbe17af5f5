import { defineProblems } from 'src/platform/errors/problem-catalogue';

/** Refusals of the forecast module. */
export const ForecastProblems = defineProblems('forecast', {
  noDayAheadForecast: {
    status: 409,
    en: 'No completed forecast of this queue covers {date}: create one (POST /forecasts) before its day is updated',
    zh: '该队列没有覆盖 {date} 的已完成预测：请先创建预测（POST /forecasts），当天才能滚动更新',
  },
});
