import { defineProblems } from 'src/platform/errors/problem-catalogue';

/** Refusals of the forecast module. */
export const ForecastProblems = defineProblems('forecast', {
  queueNotFound: { status: 404, en: 'Queue not found', zh: '未找到队列' },
  forecastNotFound: { status: 404, en: 'Forecast not found', zh: '未找到预测' },
  adjustmentNotFound: { status: 404, en: 'Adjustment not found', zh: '未找到该预测调整' },
  eventNotFound: { status: 404, en: 'Event not found', zh: '未找到该事件' },
  noActiveQueue: { status: 400, en: 'The shop has no active queue to forecast', zh: '本店没有可预测的启用队列' },
  notCompleted: {
    status: 409,
    en: 'The forecast is {state}; its slots and accuracy exist once it has completed',
    zh: '该预测为“{state}”，完成后才有时段数据和准确度',
  },
  adjustmentRemoved: { status: 409, en: 'The adjustment was already removed', zh: '该预测调整已被删除' },
  closedDayMultiplier: { status: 400, en: 'A closed day takes no multiplier', zh: '停业日不能设置倍数' },
  noDayAheadForecast: {
    status: 409,
    en: 'No completed forecast of this queue covers {date}: create one (POST /forecasts) before its day is updated',
    zh: '该队列没有覆盖 {date} 的已完成预测：请先创建预测（POST /forecasts），当天才能滚动更新',
  },
});
