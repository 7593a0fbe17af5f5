import { defineProblems } from 'src/platform/errors/problem-catalogue';

/** Refusals of time-off requests (the rules every self-service request shares are in self-service.problems). */
export const TimeOffProblems = defineProblems('time-off', {
  notFound: { status: 404, en: 'Time-off request not found', zh: '未找到该休假申请' },
  overlaps: {
    status: 409,
    en: '{agent} already has {what} from {start} to {end}',
    zh: '{agent}在 {start} 至 {end} 已有{what}',
  },
  allowanceExceeded: {
    status: 409,
    en: '{off} of {group} are already off on {date}; at most {max} may be',
    zh: '{date} {group}已有 {off} 人休假，最多只能 {max} 人',
  },
  cannotShorten: {
    status: 409,
    en: 'No shift template fits {shift} around time off {date} {from}–{to}: ask for the whole day or other hours',
    zh: '{date} {from}–{to} 的休假无法把 {shift} 缩短为任何班次模板：请申请全天休假或调整时间',
  },
  notYours: {
    status: 409,
    en: 'Only {agent} may cancel this request, while it waits',
    zh: '只有{agent}本人可以在待审批时取消该申请',
  },
});
