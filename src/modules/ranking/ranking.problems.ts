import { defineProblems } from 'src/platform/errors/problem-catalogue';

/** Refusals of rankings, scorecards and the reward/penalty ledger. */
export const RankingProblems = defineProblems('ranking', {
  rankingNotFound: { status: 404, en: 'Ranking not found', zh: '未找到该排名' },
  scorecardNotFound: { status: 404, en: 'Scorecard not found', zh: '未找到考核方案' },
  scorecardNameTaken: {
    status: 409,
    en: 'A scorecard named {name} already exists',
    zh: '已存在名为“{name}”的考核方案',
  },
  unknownKpi: { status: 400, en: 'Unknown KPI {metric}', zh: '未知的指标 {metric}' },
  notCompleted: {
    status: 409,
    en: 'Only a completed ranking can be approved; this one is {state}',
    zh: '只有已完成的排名才能审批，该排名为“{state}”',
  },
  monthApproved: {
    status: 409,
    en: 'Version {version} of this month is already approved',
    zh: '本月的第 {version} 版已审批',
  },
  changedWhileApproving: {
    status: 409,
    en: 'The ranking changed while being approved; reload and try again',
    zh: '审批期间排名已变更，请刷新后重试',
  },
  agentNotFound: { status: 404, en: 'Agent not found', zh: '未找到客服' },
  agentOutOfScope: { status: 403, en: 'This agent is outside your scope', zh: '该客服不在您的管理范围内' },
  entryNotFound: { status: 404, en: 'Ledger entry not found', zh: '未找到该奖惩记录' },
  entryDecided: { status: 409, en: 'The entry is already {state}', zh: '该奖惩记录已是“{state}”' },
});
