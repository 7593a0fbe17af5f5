import { defineProblems } from 'src/platform/errors/problem-catalogue';

/**
 * Refusals of a roster workbook: the file as a whole, and each cell (`errors[]`: field is
 * `'sheet'!D5`, row the sheet's row number, code one of the cell codes below).
 */
export const RosterImportProblems = defineProblems('roster-import', {
  fileRequired: {
    status: 400,
    en: 'Send the roster workbook (.xlsx) in the multipart field {field}',
    zh: '请在表单字段 {field} 中上传排班工作簿',
  },
  fileType: {
    status: 415,
    en: 'Send the roster as an .xlsx workbook (the export or the import template)',
    zh: '请上传排班工作簿（导出文件或导入模板）',
  },
  noGrid: {
    status: 422,
    en: 'No sheet of the workbook ({sheets}) has, within its first 10 rows, a header with the employee-number column and the days of a week (as in the export or the import template)',
    zh: '工作簿的工作表（{sheets}）前 10 行中都没有含工号列及一周各天日期的表头行（请使用导出文件或导入模板的格式）',
  },
  notMonday: {
    status: 422,
    en: 'The days in the header must be seven days in a row from a Monday; the first ({cell}) is {date}',
    zh: '表头中的日期须为从周一起连续的七天，第一天（{cell}）为 {date}',
  },
  rosterNotFound: { status: 404, en: 'Roster not found', zh: '未找到排班' },
  weekMismatch: {
    status: 422,
    en: 'The file is the week of {file}, the roster the week of {roster}',
    zh: '文件是 {file} 这一周的排班，而所选排班是 {roster} 这一周',
  },
  noRoster: {
    status: 409,
    en: 'There is no solved roster of the week {week} to import into; generate one first (POST /rosters)',
    zh: '{week} 这一周没有可导入的已求解排班，请先生成（POST /rosters）',
  },
  rosterNotReady: {
    status: 409,
    en: 'The roster is {state}; it can take an import once solved',
    zh: '排班状态为{state}，求解完成后才能导入',
  },
  cellsRejected: {
    status: 422,
    en: '{count} cell(s) of the workbook were rejected; nothing was stored (send {partial} to store the rest, leaving those cells empty)',
    zh: '工作簿中有 {count} 个单元格被拒绝，未保存任何数据（如需保存其余内容并将这些单元格留空，请加 {partial}）',
  },
  unknownAgent: {
    status: 422,
    en: 'no agent of this roster has the employee no. or name {employeeNo}',
    zh: '此排班中没有工号或姓名为 {employeeNo} 的客服',
  },
  ambiguousName: {
    status: 422,
    en: '{name} is the name of several agents of this roster; write the employee no.',
    zh: '此排班中有多名客服名为 {name}，请填写工号',
  },
  noAgent: {
    status: 422,
    en: 'the row has shifts but names no agent (employee no. or name)',
    zh: '此行填写了班次，但没有填写客服（工号或姓名）',
  },
  formulaCell: {
    status: 422,
    en: 'holds the formula {formula}; write the value itself (copy, then paste values)',
    zh: '含有公式 {formula}，请直接填写内容（复制后“选择性粘贴 → 值”）',
  },
  errorCell: {
    status: 422,
    en: 'holds the Excel error {error}, not a value (a formula that failed, pasted as values); write what the cell should say',
    zh: '含有 Excel 错误值 {error}，而不是内容（出错的公式被粘贴为值），请填写此单元格应有的内容',
  },
  mergedCells: {
    status: 422,
    en: 'is part of the merged cells {range}; unmerge them and write each agent’s day in its own cell',
    zh: '属于合并单元格 {range}，请取消合并，每位客服每天各填一个单元格',
  },
  agentTwice: {
    status: 422,
    en: 'the agent {employeeNo} appears twice (rows {first} and {second})',
    zh: '客服 {employeeNo} 出现了两次（第 {first} 行和第 {second} 行）',
  },
  unreadableCell: {
    status: 422,
    en: 'cannot read “{part}”: write a shift template with its start and end (e.g. {example}), or {off} / {leave}',
    zh: '无法识别“{part}”：请填写班次模板及上下班时间（如 {example}），或“{off}”/“{leave}”',
  },
  unknownTemplate: {
    status: 422,
    en: '“{text}” is not a shift template of this roster (templates: {templates})',
    zh: '“{text}”不是此排班的班次模板（可用模板：{templates}）',
  },
  startFixed: { status: 422, en: '{template} starts at {start}', zh: '{template}的上班时间为 {start}' },
  startOutside: {
    status: 422,
    en: '{template} starts between {earliest} and {latest}',
    zh: '{template}的上班时间须在 {earliest} 至 {latest} 之间',
  },
  endMismatch: {
    status: 422,
    en: '{template} from {start} lasts {minutes} minutes and ends at {end}, not {given}',
    zh: '{template}自 {start} 起共 {minutes} 分钟，应于 {end} 下班，而不是 {given}',
  },
  breakUnknown: {
    status: 422,
    en: '{template} of {minutes} minutes has no {kind} to place at {at}',
    zh: '{minutes} 分钟的{template}没有可安排在 {at} 的{kind}',
  },
  ruleBroken: { status: 422, en: 'breaks the rule “{rule}” ({dates})', zh: '违反规则“{rule}”（{dates}）' },
});
