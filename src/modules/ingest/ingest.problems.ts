import { defineProblems } from 'src/platform/errors/problem-catalogue';

/**
 * Refusals of imports: the file as a whole (nothing of it is stored) and single cells of a row;
 * then of queues, stored facts and import records. Sizes arrive formatted (`128 MB`), part names
 * as they are in the zip (`xl/sharedStrings.xml`).
 */
export const IngestProblems = defineProblems('ingest', {
  fileRequired: {
    status: 400,
    en: 'Send a file in the multipart field {field}, or a JSON body with a {rows} array',
    zh: '请在表单字段 {field} 中上传文件，或发送含 {rows} 数组的 JSON 请求体',
  },
  fileType: {
    status: 415,
    en: 'Unsupported file type .{ext}: send {accepted}',
    zh: '不支持的文件类型 .{ext}：请上传 {accepted} 文件',
  },
  fileTooLarge: {
    status: 413,
    en: 'The file is larger than the import limit of {limit}; split it',
    zh: '文件超过导入上限 {limit}，请拆分后再导入',
  },
  tooManyRows: {
    status: 413,
    en: 'The file has more than {limit} rows; split it',
    zh: '文件超过 {limit} 行，请拆分后再导入',
  },
  rowsRejected: {
    status: 422,
    en: '{rejected} of {rows} rows were rejected; nothing was stored (send {partial} to store the good rows)',
    zh: '{rows} 行中有 {rejected} 行被拒绝，未保存任何数据（如需保存其余正确的行，请加 {partial}）',
  },
  empty: { status: 422, en: 'The file is empty: a header row is required', zh: '文件为空：第一行须为表头' },
  notUtf8: {
    status: 422,
    en: 'The file is not UTF-8 text (near byte {byte}); save it as "CSV UTF-8" (GBK/GB18030 is not accepted)',
    zh: '文件不是 UTF-8 文本（约第 {byte} 字节处）；请另存为“CSV UTF-8”格式（不接受 GBK/GB18030）',
  },
  delimiter: {
    status: 422,
    en: 'The columns are separated by {delimiter}; use commas',
    zh: '各列以{delimiter}分隔，请改用逗号',
  },
  endsInQuotes: {
    status: 422,
    en: 'The file ends inside a quoted cell: a quote is not closed',
    zh: '文件在引号内结束：有引号未闭合',
  },
  recordTooLong: {
    status: 422,
    en: 'Row {row} is longer than {limit} characters; is a line break missing?',
    zh: '第 {row} 行超过 {limit} 个字符，是否缺少换行？',
  },
  columnTwice: {
    status: 422,
    en: 'Column {column} appears twice (columns {first} and {second})',
    zh: '列 {column} 出现了两次（第 {first} 列和第 {second} 列）',
  },
  unknownColumns: {
    status: 422,
    en: 'Unknown column(s): {columns}. Expected: {expected}',
    zh: '未知的列：{columns}。应为：{expected}',
  },
  missingColumns: { status: 422, en: 'Missing required column(s): {columns}', zh: '缺少必填列：{columns}' },
  // Each missing column is named in `errors` (the header, or a JSON file's keys, lacks it).
  columnRequired: { status: 422, en: 'column {column} is required', zh: '缺少必填列 {column}' },
  jsonInvalid: { status: 422, en: 'The JSON cannot be parsed: {reason}', zh: 'JSON 无法解析：{reason}' },
  jsonShape: {
    status: 422,
    en: 'The JSON must be an array of rows or an object with a {rows} array',
    zh: 'JSON 须为行的数组，或含 {rows} 数组的对象',
  },
  jsonRowNotObject: { status: 422, en: 'Row {row} is not an object', zh: '第 {row} 行不是对象' },
  notZip: {
    status: 415,
    en: 'The file is not an {format} workbook (it is not a zip archive)',
    zh: '文件不是 {format} 工作簿（不是 ZIP 压缩包）',
  },
  notWorkbook: {
    status: 415,
    en: 'The file is a zip archive but not an {format} workbook (no {part})',
    zh: '文件是 ZIP 压缩包，但不是 {format} 工作簿（缺少 {part}）',
  },
  tooManyParts: { status: 422, en: 'The workbook has more than {limit} parts', zh: '工作簿的部件超过 {limit} 个' },
  wouldUnpackTo: {
    status: 413,
    en: 'The workbook would unpack to more than {limit}',
    zh: '工作簿解压后将超过 {limit}',
  },
  compressionRatio: {
    status: 422,
    en: 'The workbook is compressed {ratio}:1, which looks like a zip bomb',
    zh: '工作簿的压缩比为 {ratio}:1，疑似压缩炸弹',
  },
  damaged: { status: 422, en: 'The workbook is damaged: {reason}', zh: '工作簿已损坏：{reason}' },
  partLies: {
    status: 422,
    en: 'The workbook part {part} unpacks to more than its header declares (a zip bomb?)',
    zh: '工作簿部件 {part} 解压后超过其文件头声明的大小（疑似压缩炸弹）',
  },
  partNotUtf8: {
    status: 422,
    en: 'The workbook part {part} is not UTF-8 text',
    zh: '工作簿部件 {part} 不是 UTF-8 文本',
  },
  unpacksTo: { status: 413, en: 'The workbook unpacks to more than {limit}', zh: '工作簿解压后超过 {limit}' },
  partUnpacksTo: {
    status: 413,
    en: 'The workbook part {part} unpacks to more than {limit}',
    zh: '工作簿部件 {part} 解压后超过 {limit}',
  },
  runTooLong: {
    status: 422,
    en: 'The workbook part {part} holds a text, tag or comment longer than {limit}, which no cell can hold',
    zh: '工作簿部件 {part} 含有超过 {limit} 的文本、标签或注释，任何单元格都容纳不下',
  },
  doctype: {
    status: 422,
    en: 'The workbook part {part} holds a document type declaration, which workbooks never do',
    zh: '工作簿部件 {part} 含有文档类型声明，正常工作簿不会有',
  },
  rowTooLarge: {
    status: 422,
    en: 'In the sheet, {where} takes more than {limit} unpacked; rows may not be that large',
    zh: '工作表中{where}解压后超过 {limit}，单行不能这么大',
  },
  sharedStringsCount: {
    status: 413,
    en: 'The workbook holds more than {limit} distinct texts; save it as CSV UTF-8 instead',
    zh: '工作簿中不同的文本超过 {limit} 个，请改存为 CSV UTF-8 格式',
  },
  sharedStringsMemory: {
    status: 413,
    en: "The workbook's texts need more than {limit} of memory; save it as CSV UTF-8 instead",
    zh: '工作簿中的文本所需内存超过 {limit}，请改存为 CSV UTF-8 格式',
  },
  sharedStringsInvalid: {
    status: 422,
    en: "The workbook's shared strings are not valid XML: {reason}",
    zh: '工作簿的共享字符串不是有效的 XML：{reason}',
  },
  noSheet: { status: 422, en: 'The workbook has no sheet', zh: '工作簿中没有工作表' },
  workbookUnreadable: { status: 422, en: 'The workbook cannot be read: {reason}', zh: '无法读取工作簿：{reason}' },
  // Reasons a single cell is refused (listed per row and column).
  valueRequired: { status: 422, en: 'is required', zh: '必填' },
  formulaCell: {
    status: 422,
    en: 'workbook formulas are not accepted; paste the values instead',
    zh: '不接受工作簿公式，请粘贴为数值',
  },
  errorCell: {
    status: 422,
    en: 'holds the Excel error {error}, not a value (a formula that failed, pasted as values); write the value itself',
    zh: '含有 Excel 错误值 {error}，而不是数据（出错的公式被粘贴为值），请填写实际内容',
  },
  cellTooLong: { status: 422, en: 'the cell is longer than {limit} characters', zh: '单元格超过 {limit} 个字符' },
  // Import records.
  importNotFound: { status: 404, en: 'Import not found', zh: '未找到该导入记录' },
  // Queues and stored facts.
  sessionNotFound: { status: 404, en: 'Chat session not found', zh: '未找到该会话' },
});
