import { defineProblems } from 'src/platform/errors/problem-catalogue';

/** Refusals of the organisation: shops, teams, agents, skills, users, availability and leave. */
export const OrgProblems = defineProblems('org', {
  shopNotFound: { status: 404, en: 'Shop not found', zh: '未找到店铺' },
  shopCodeTaken: { status: 409, en: 'A shop with code {code} already exists', zh: '店铺代码 {code} 已存在' },
  teamNotFound: { status: 404, en: 'Team not found', zh: '未找到团队' },
  teamHasAgents: {
    status: 409,
    en: 'Team {team} still has agents; move them to another team first',
    zh: '团队“{team}”仍有客服，请先将他们调到其他团队',
  },
  teamUnknown: { status: 400, en: 'No such team in this shop', zh: '本店没有这个团队' },
  agentNotFound: { status: 404, en: 'Agent not found', zh: '未找到客服' },
  agentUnknown: { status: 400, en: 'No such agent in this shop', zh: '本店没有这名客服' },
  noAgentRecord: { status: 404, en: 'Your user has no agent record', zh: '您的账号没有对应的客服档案' },
  notSupervisor: { status: 400, en: '{agent} is not a supervisor', zh: '{agent}不是主管' },
  employeeNoTaken: {
    status: 409,
    en: 'Employee number {employeeNo} is already used in this shop',
    zh: '工号 {employeeNo} 在本店已被使用',
  },
  agentChanged: {
    status: 409,
    en: 'Agent {agent} was changed by someone else; reload and try again',
    zh: '客服{agent}的资料已被他人修改，请刷新后重试',
  },
  skillUnknown: { status: 400, en: 'Unknown skill code {skill}', zh: '未知的技能代码 {skill}' },
  skillNotFound: { status: 404, en: 'Skill not found', zh: '未找到技能' },
  skillCodeTaken: {
    status: 409,
    en: 'Skill code {code} already exists in this shop',
    zh: '技能代码 {code} 在本店已存在',
  },
  skillInUse: { status: 409, en: 'Agents still have the skill {skill}', zh: '仍有客服具备技能“{skill}”' },
  userNotFound: { status: 404, en: 'User not found', zh: '未找到用户' },
  usernameTaken: { status: 409, en: 'User name {username} is taken', zh: '用户名 {username} 已被占用' },
  adminOnly: {
    status: 403,
    en: 'Only an admin may create an admin or grant the admin role',
    zh: '只有管理员才能创建管理员或授予管理员角色',
  },
  availabilityNotFound: { status: 404, en: 'Availability entry not found', zh: '未找到该可用时间记录' },
  leaveNotFound: { status: 404, en: 'Leave not found', zh: '未找到该请假记录' },
  leaveOverlaps: {
    status: 409,
    en: 'Overlaps leave {start} to {end} ({state})',
    zh: '与 {start} 至 {end} 的请假（{state}）重叠',
  },
  leaveNotRequested: {
    status: 409,
    en: 'The leave is {state}; only requested leave can be decided',
    zh: '该请假的状态为“{state}”，只能审批待审批的请假',
  },
  leaveAlreadyDone: { status: 409, en: 'The leave is already {state}', zh: '该请假的状态已是“{state}”' },
});
