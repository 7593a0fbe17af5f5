import { defineProblems } from 'src/platform/errors/problem-catalogue';

/** Refusals of KPI reading and aggregation. */
export const KpiProblems = defineProblems('kpi', {
  agentNotFound: { status: 404, en: 'Agent not found', zh: '未找到客服' },
  teamNotFound: { status: 404, en: 'Team not found', zh: '未找到团队' },
  agentsOwnOnly: {
    status: 403,
    en: 'Agents may read only their own agent-level figures',
    zh: '客服只能查看本人的个人指标',
  },
  supervisorsTeamsOnly: {
    status: 403,
    en: 'Supervisors read agent and team figures of their own teams',
    zh: '主管只能查看本团队的个人和团队指标',
  },
  agentOutOfScope: { status: 403, en: 'This agent is outside your scope', zh: '该客服不在您的管理范围内' },
  teamOutOfScope: { status: 403, en: 'This team is outside your scope', zh: '该团队不在您的管理范围内' },
});
