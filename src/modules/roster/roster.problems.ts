import { defineProblems } from 'src/platform/errors/problem-catalogue';

/**
 * Refusals of rosters and shift templates. A broken rule is one problem per occasion (edit,
 * publish); each rule it names is in `errors[]` with the rule's own code (`RosterRuleTexts`).
 */
export const RosterProblems = defineProblems('roster', {
  notFound: { status: 404, en: 'Roster not found', zh: '未找到排班表' },
  versionNotFound: { status: 404, en: 'The roster has no version {version}', zh: '该排班表没有第 {version} 版' },
  warningNotFound: {
    status: 404,
    en: 'The roster has no warning {warningId} to dismiss',
    zh: '该排班表没有可忽略的提醒 {warningId}',
  },
  teamNotFound: {
    status: 404,
    en: 'No team of this shop has the id given in {field}',
    zh: '{field} 中的团队不属于本店',
  },
  noAgentRecord: {
    status: 404,
    en: 'Your login is not linked to an agent, so it has no shifts',
    zh: '您的账号未关联客服，因此没有班次',
  },
  noAgents: { status: 400, en: 'The teams chosen have no active agents to roster', zh: '所选团队没有可排班的在职客服' },
  noTemplates: {
    status: 409,
    en: 'The shop has no active shift templates; add one first',
    zh: '本店没有在用的班次模板，请先添加',
  },
  noDemand: { status: 409, en: 'No demand for the week {week}: {reasons}', zh: '{week} 这一周没有需求：{reasons}' },
  lockedAgentNotRostered: {
    status: 400,
    en: 'The agent locked in {field} is not among the agents rostered',
    zh: '{field} 锁定的客服不在本次排班范围内',
  },
  dateOutsideWeek: {
    status: 400,
    en: '{date} is not a day of the week {from}…{to}',
    zh: '{date} 不在 {from}…{to} 这一周内',
  },
  unknownTemplate: {
    status: 400,
    en: 'No active shift template has the code {template}',
    zh: '没有代码为 {template} 的在用班次模板',
  },
  templateNotOnRoster: {
    status: 400,
    en: 'The shift template {template} is not one of this roster',
    zh: '班次模板 {template} 不属于该排班表',
  },
  agentNotOnRoster: {
    status: 400,
    en: 'The agent in {field} is not on this roster',
    zh: '{field} 中的客服不在该排班表中',
  },
  startFixed: { status: 400, en: '{template} starts at {start}', zh: '{template}的开始时间固定为 {start}' },
  startOutsideWindow: {
    status: 400,
    en: '{template} starts between {earliest} and {latest}',
    zh: '{template}的开始时间须在 {earliest} 至 {latest} 之间',
  },
  notSolvedForEdit: {
    status: 409,
    en: 'The roster is {state}; it can be edited once solved',
    zh: '该排班表{state}，求解完成后才能修改',
  },
  notSolvedForPublish: {
    status: 409,
    en: 'The roster is {state}; it can be published once solved',
    zh: '该排班表{state}，求解完成后才能发布',
  },
  notRunning: {
    status: 409,
    en: 'The roster is {state}; only a running solve can be stopped',
    zh: '该排班表{state}，只有正在求解的排班才能停止',
  },
  staleRevision: {
    status: 409,
    en: 'The roster was changed by someone else (now revision {revision}); reload and try again',
    zh: '该排班表已被他人修改（当前修订号 {revision}），请刷新后重试',
  },
  draftPending: {
    status: 409,
    en: 'Version {version} of the roster of {week} is {state}: the manager publishes or discards it first',
    zh: '{week} 这一周排班的第 {version} 版为“{state}”：需经理先发布或放弃该草稿',
  },
  alreadyPublished: {
    status: 409,
    en: 'Version {version} is already published; an edit creates the next draft',
    zh: '第 {version} 版已发布；修改会生成下一个草稿版本',
  },
  notSuperseded: {
    status: 409,
    en: 'Version {version} is {state}, not superseded: name the version to compare with',
    zh: '第 {version} 版{state}，并未被取代：请指定要比较的版本',
  },
  breakStartsCount: {
    status: 400,
    en: 'The shift {template} has {count} break(s): give one start for each',
    zh: '班次“{template}”有 {count} 次休息：请为每次休息给出开始时间',
  },
  editBreaksRules: {
    status: 400,
    en: 'The edit breaks {count} rule(s): {first}; nothing was saved',
    zh: '该修改违反 {count} 条规则：{first}；未保存任何内容',
  },
  publishBreaksRules: {
    status: 409,
    en: 'Version {version} breaks {count} rule(s) against the weeks around it as published now: {first}; nothing was published',
    zh: '按目前已发布的前后周，第 {version} 版违反 {count} 条规则：{first}；未发布',
  },
  templateCodeTaken: {
    status: 409,
    en: 'A shift template with the code {code} already exists in this shop',
    zh: '本店已有代码为 {code} 的班次模板',
  },
  templateNotFound: { status: 404, en: 'Shift template not found', zh: '未找到班次模板' },
  templateArchived: { status: 409, en: 'The shift template {template} is archived', zh: '班次模板{template}已归档' },
  breakAfterShift: {
    status: 400,
    en: 'A break of {template} would end after the shift of {minutes} min',
    zh: '{template}的休息会在 {minutes} 分钟的班次结束后才结束',
  },
});
