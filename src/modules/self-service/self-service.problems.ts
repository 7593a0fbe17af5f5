import { defineProblems } from 'src/platform/errors/problem-catalogue';

/** Refusals every self-service request shares (time off, swaps, open shifts): the rules of issue 23. */
export const SelfServiceProblems = defineProblems('self-service', {
  noAgentRecord: { status: 404, en: 'Your user has no agent record', zh: '您的账号没有对应的客服档案' },
  pastDay: {
    status: 400,
    en: '{date} is in the past; requests are for today or later',
    zh: '{date} 已经过去，只能申请今天及以后的日期',
  },
  unpublishedWeek: {
    status: 409,
    en: 'The week of {week} is not published for {agent} yet; ask once the roster is out',
    zh: '{agent}在 {week} 这一周的排班尚未发布，请在排班发布后再申请',
  },
  otherTeam: {
    status: 409,
    en: '{shift} on {date} belongs to {owner} of team {team}, not to a team mate of {agent}',
    zh: '{date} 的{shift}属于“{team}”团队的{owner}，不是{agent}的同组同事',
  },
  skillLacking: {
    status: 409,
    en: '{agent} lacks the skill {skill} that {shift} on {date} is worked with',
    zh: '{agent}不具备 {date} {shift}所需的技能“{skill}”',
  },
  rulesBroken: {
    status: 409,
    en: 'The change breaks {rules} for {agents} on {dates}',
    zh: '该变更会违反规则：{rules}（涉及{agents}，日期 {dates}）',
  },
  noShift: { status: 409, en: '{agent} has no published shift on {date}', zh: '{agent}在 {date} 没有已发布的班次' },
  alreadyWorks: { status: 409, en: '{agent} already works {shift} on {date}', zh: '{agent}在 {date} 已有{shift}' },
  agentNotFound: { status: 404, en: 'Agent not found', zh: '未找到客服' },
  auditForbidden: {
    status: 403,
    en: 'Agents read their own history, not a roster’s',
    zh: '客服只能查看自己的记录，不能查看整张排班表的记录',
  },
  decided: { status: 409, en: 'The request is already {state}', zh: '该申请的状态已是“{state}”' },
});
