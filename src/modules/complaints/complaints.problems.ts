import { defineProblems } from 'src/platform/errors/problem-catalogue';
import { defineTexts } from 'src/platform/i18n/texts';

/** Refusals of complaints: intake and import, the life cycle, reassignment and attribution. */
export const ComplaintProblems = defineProblems('complaints', {
  complaintNotFound: { status: 404, en: 'Complaint not found', zh: '未找到该投诉' },
  agentNotFound: { status: 404, en: 'Agent not found', zh: '未找到客服' },
  rowRefused: { status: 400, en: 'The complaint cannot be taken: {reason}', zh: '无法受理该投诉：{reason}' },
  externalIdTaken: {
    status: 409,
    en: 'A complaint with external id {externalId} already exists',
    zh: '外部编号为 {externalId} 的投诉已存在',
  },
  illegalTransition: {
    status: 409,
    en: 'A complaint that is {from} cannot move to {to}; allowed: {allowed}',
    zh: '“{from}”的投诉不能改为“{to}”，可改为：{allowed}',
  },
  closedNotReassigned: {
    status: 409,
    en: 'A closed complaint is not reassigned; reopen it first',
    zh: '已关闭的投诉不能转交，请先重新打开',
  },
  alreadyWithDepartment: {
    status: 409,
    en: 'The complaint is already with {department}',
    zh: '该投诉已在{department}',
  },
  faultNeedsAgent: { status: 400, en: 'An agent at fault needs an agent', zh: '认定客服有责时必须指定客服' },
  nothingChanges: {
    status: 409,
    en: 'Nothing changes: the complaint is already attributed so',
    zh: '没有变化：该投诉已是这样归属',
  },
  changedMeanwhile: {
    status: 409,
    en: 'The complaint was changed meanwhile; read it again',
    zh: '该投诉刚被他人修改，请重新读取',
  },
  importRefused: {
    status: 422,
    en: '{rejected} of {rows} rows were rejected; nothing was stored (send ?mode=partial to store the good rows)',
    zh: '{rows} 行中有 {rejected} 行被拒绝，未保存任何内容（使用 ?mode=partial 可只保存无误的行）',
  },
  fileNotJson: { status: 400, en: 'The file is not valid JSON', zh: '文件不是有效的 JSON' },
  fileType: { status: 415, en: 'Send a .csv (UTF-8) or .json file', zh: '请上传 CSV（UTF-8）或 JSON 文件' },
  fileRows: { status: 400, en: 'The file has no rows or too many: {detail}', zh: '文件行数不符合要求：{detail}' },
});

/** Why one row of an intake or import is refused. */
export const IntakeChecks = defineTexts('complaints.intake', {
  futureReceipt: { en: 'must not be in the future', zh: '不能晚于当前时间' },
  unknownEmployeeNo: {
    en: 'no agent {employeeNo} in this shop that you may attribute to',
    zh: '本店没有您可归属的工号为 {employeeNo} 的客服',
  },
  unknownAgent: { en: 'no such agent in this shop that you may attribute to', zh: '本店没有您可归属的这名客服' },
  repeatedExternalId: {
    en: '{externalId} is already in row {row} of this file',
    zh: '{externalId} 已出现在本文件第 {row} 行',
  },
});
