import { defineProblems } from 'src/platform/errors/problem-catalogue';

/** Refusals of the staffing module. */
export const StaffingProblems = defineProblems('staffing', {
  notQueueOfForecast: {
    status: 400,
    en: 'Queue {queue} is not the queue of this forecast',
    zh: '队列“{queue}”不是该预测的队列',
  },
  notChatQueue: { status: 400, en: 'Queue {queue} is not a chat queue', zh: '队列“{queue}”不是在线咨询队列' },
  concurrencyBeyondTable: {
    status: 400,
    en: 'The slowdown table of queue {queue} gives factors up to {length} chats at once, fewer than {concurrency}',
    zh: '队列“{queue}”的并发减速表只给出了最多 {length} 个并发会话的系数，少于 {concurrency} 个',
  },
  slowdownTableShort: {
    status: 409,
    en: 'The slowdown table of queue {queue} gives factors up to {length} chats at once, but the queue serves {concurrency}; measure it again or set a longer one',
    zh: '队列“{queue}”的并发减速表只给出了最多 {length} 个并发会话的系数，但该队列同时接待 {concurrency} 个；请重新测量或设置更长的表',
  },
  slowdownNotMeasurable: {
    status: 422,
    en: 'The sessions of queue {queue} do not measure a slowdown table up to {concurrency} chats at once: {reason}',
    zh: '队列“{queue}”的会话不足以测量到 {concurrency} 个并发会话的减速表：{reason}',
  },
});
