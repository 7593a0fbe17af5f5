import { defineProblems } from 'src/platform/errors/problem-catalogue';

/** Refusals of the job API and of queueing work. */
export const JobsProblems = defineProblems('jobs', {
  runNotFound: { status: 404, en: 'Job run not found', zh: '未找到该任务运行记录' },
  unknownJob: { status: 404, en: 'There is no job called {name}', zh: '不存在名为 {name} 的任务' },
  notManual: { status: 400, en: 'The job {name} cannot be started by hand', zh: '任务 {name} 不能手动启动' },
  keyBusy: {
    status: 409,
    en: 'A run for the same work is being created right now; try again',
    zh: '相同工作的任务正在创建中，请重试',
  },
  queueUnavailable: {
    status: 503,
    en: 'The job queue is unavailable; try again shortly',
    zh: '任务队列暂不可用，请稍后重试',
  },
});
