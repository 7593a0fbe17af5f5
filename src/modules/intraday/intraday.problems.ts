import { defineProblems } from 'src/platform/errors/problem-catalogue';

/** Refusals of the live intraday view and its suggestions. */
export const IntradayProblems = defineProblems('intraday', {
  notRealTime: {
    status: 400,
    en: 'Queue {queue} is a deferred queue; the live view shows real-time queues',
    zh: '队列“{queue}”是延时处理队列；实时视图只显示实时队列',
  },
  dayOver: {
    status: 409,
    en: 'The day {date} is over; suggestions are for today and later',
    zh: '{date} 已经结束；调整建议只针对今天及以后',
  },
  notOnRoster: {
    status: 409,
    en: '{agent} has no published roster for the week of {date}',
    zh: '{agent} 在 {date} 所在的一周没有已发布的排班',
  },
  staleSuggestion: {
    status: 409,
    en: 'The roster of {agent} changed since the suggestion was made; ask for suggestions again',
    zh: '{agent} 的排班在提出建议后已有变动；请重新获取建议',
  },
  kindMismatch: {
    status: 400,
    en: 'The change is not a {kind} of the shift of {agent} on {date}',
    zh: '该更改不是对{agent} {date} 班次的“{kind}”',
  },
  agentNotOnQueue: { status: 404, en: 'No agent of queue {queue} by that id', zh: '队列“{queue}”没有该客服' },
  supervisorBreaksOnly: {
    status: 403,
    en: 'Supervisors move breaks of their team; other changes are for managers',
    zh: '主管可调整本组的休息时间；其他调整需由经理操作',
  },
});
