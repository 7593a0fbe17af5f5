import { defineProblems } from 'src/platform/errors/problem-catalogue';
import { defineTexts } from 'src/platform/i18n/texts';

/** Refusals of training: needs, requests, session planning and booking, attendance, make-up tasks. */
export const TrainingProblems = defineProblems('training', {
  agentNotFound: { status: 404, en: 'Agent not found', zh: '未找到客服' },
  teamNotFound: { status: 404, en: 'Team not found', zh: '未找到团队' },
  trainerNotFound: { status: 404, en: 'Trainer not found', zh: '未找到培训师' },
  sessionNotFound: { status: 404, en: 'Training session not found', zh: '未找到培训场次' },
  draftNotFound: { status: 404, en: 'Draft session not found', zh: '未找到草稿场次' },
  makeupNotFound: { status: 404, en: 'Make-up task not found', zh: '未找到补训任务' },
  notOnSlotGrid: {
    status: 400,
    en: "The start must lie on the shop's {minutes}-minute slot grid",
    zh: '开始时间必须落在本店 {minutes} 分钟的时段网格上',
  },
  sessionRefused: { status: 422, en: 'The session cannot be planned: {problems}', zh: '无法安排该培训：{problems}' },
  noInviteeAtStart: {
    status: 409,
    en: 'No invitee can attend at that start without taking service below {level} (or none is on shift then)',
    zh: '在该开始时间，任何受邀客服参加都会使服务水平低于 {level}（或当时无人在班）',
  },
  noTimeInWindow: {
    status: 409,
    en: 'No time in the window can take any invitee',
    zh: '该时间范围内没有任何时段能安排受邀客服',
  },
  draftsForPlanners: {
    status: 403,
    en: 'Draft sessions are the planners’ working list',
    zh: '草稿场次仅供排课人员查看',
  },
  alreadyAsked: {
    status: 409,
    en: 'You already asked for {topic} within the last {days} days',
    zh: '您在最近 {days} 天内已申请过“{topic}”培训',
  },
  attendanceOnlyBooked: {
    status: 409,
    en: 'Attendance is recorded for booked sessions only; this one is {state}',
    zh: '只有已预订的场次才能记录出勤，该场次为“{state}”',
  },
  attendanceRefused: {
    status: 422,
    en: 'The attendance cannot be recorded: {problems}',
    zh: '无法记录出勤：{problems}',
  },
  effectOnlyBooked: {
    status: 409,
    en: 'Only a booked session has an effect; this one is {state}',
    zh: '只有已预订的场次才有培训效果，该场次为“{state}”',
  },
  makeupNotYours: {
    status: 403,
    en: "Only the agent's team supervisor may close this make-up task",
    zh: '只有该客服所在团队的主管才能关闭此补训任务',
  },
  makeupClosed: { status: 409, en: 'The make-up task is already closed', zh: '该补训任务已关闭' },
});

/** Field messages and warnings of training. */
export const TrainingTexts = defineTexts('training.text', {
  notOnGrid: { en: 'not on the {minutes}-minute slot grid', zh: '不在 {minutes} 分钟的时段网格上' },
  notATrainer: {
    en: '{user} is not an active trainer, manager or supervisor',
    zh: '{user}不是在职的培训师、经理或主管',
  },
  agentInactive: { en: '{agent} is no longer active', zh: '{agent}已不在职' },
  agentUnknown: { en: 'no such agent in this shop', zh: '本店没有这名客服' },
  teamEmpty: { en: 'the team has no active agents', zh: '该团队没有在职客服' },
  notAttendee: { en: '{agent} is not an attendee of this session', zh: '{agent}不是该场次的参训人员' },
  skillWithoutQueue: {
    en: 'shifts with skill {skill} serve no active real-time queue; taking them off costs no service',
    zh: '技能“{skill}”的班次不服务任何在用的实时队列，抽调这些客服不影响服务',
  },
  noSkill: { en: '(none)', zh: '（无）' },
  queueWithoutForecast: {
    en: 'queue {queue}: no completed forecast covers the window; taking its agents off is priced as free',
    zh: '队列“{queue}”：没有覆盖该时间范围的已完成预测，抽调其客服按无代价计算',
  },
  noPublishedShift: { en: 'no published roster shift lies in the window', zh: '该时间范围内没有已发布的排班' },
  noNeed: { en: 'no need with affected agents in the needs window', zh: '需求统计期内没有涉及客服的培训需求' },
});
