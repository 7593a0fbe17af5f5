import { defineProblems } from 'src/platform/errors/problem-catalogue';

/** Refusals about a shop's queues (definitions, service targets, chat slowdown tables). */
export const QueuesProblems = defineProblems('queues', {
  notFound: { status: 404, en: 'Queue not found', zh: '未找到队列' },
  codeTaken: {
    status: 409,
    en: 'A queue with code {code} already exists in this shop',
    zh: '本店已有代码为 {code} 的队列',
  },
  deadlineRequired: {
    status: 400,
    en: 'Queue {queue} handles deferred work, so it needs a deadline',
    zh: '队列“{queue}”为延迟处理队列，必须设置处理时限',
  },
  slowdownChatOnly: {
    status: 400,
    en: 'Queue {queue} is not a chat queue; only chat queues carry a slowdown table',
    zh: '队列“{queue}”不是聊天队列；只有聊天队列才有并发减速表',
  },
  slowdownTooShort: {
    status: 400,
    en: 'The slowdown table of {queue} gives factors up to {length} chats at once, but the queue serves {concurrency}',
    zh: '队列“{queue}”的并发减速表只给出了最多 {length} 个并发会话的系数，但该队列同时接待 {concurrency} 个',
  },
  skillUnknown: { status: 400, en: 'Unknown skill code {skill}', zh: '未知的技能代码 {skill}' },
});
