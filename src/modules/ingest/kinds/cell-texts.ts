import { fillText, type TemplateParams, type Text } from 'src/platform/i18n/locale';
import { say } from 'src/platform/i18n/request-locale';
import { defineTexts } from 'src/platform/i18n/texts';

/** Why an imported cell or row is refused, in the reader's language (the field is named beside it). */
export const CellTexts = defineTexts('ingest.cell', {
  tooLong: { en: 'longer than {max} characters', zh: '超过 {max} 个字符' },
  wholeNumber: { en: 'must be a whole number', zh: '必须是整数' },
  number: { en: 'must be a number', zh: '必须是数字' },
  atLeast: { en: 'must be at least {min}', zh: '不能小于 {min}' },
  atMost: { en: 'must be at most {max}', zh: '不能大于 {max}' },
  amount: { en: 'must be an amount such as 199.90', zh: '必须是金额，如 199.90' },
  amountDecimals: {
    en: 'must be an amount with at most two decimals, such as 199.90',
    zh: '必须是最多两位小数的金额，如 199.90',
  },
  trueFalse: { en: 'must be true/false (also yes/no, 1/0)', zh: '必须是 是/否（`true`/`false`、1/0）' },
  dateTime: {
    en: 'must be a date-time: 2026-11-23 09:30 (shop time) or ISO 8601 with offset',
    zh: '必须是日期时间：2026-11-23 09:30（店铺时间）或带时区偏移的 ISO 8601',
  },
  invalidDateTime: { en: 'is not a valid date-time', zh: '不是有效的日期时间' },
  dstGap: {
    en: '{wall} does not exist in {zone} (daylight-saving gap)',
    zh: '{wall} 在 {zone} 不存在（夏令时跳过的时间）',
  },
  outsideRange: { en: 'is outside the accepted range {from} … {to}', zh: '超出可接受的范围 {from} … {to}' },
  oneOf: { en: 'must be one of {values}', zh: '必须是以下之一：{values}' },
  notBefore: { en: 'must not be before {other}', zh: '不得早于 {other}' },
  notAbove: { en: 'must not exceed {other}', zh: '不得超过 {other}' },
  requiredWhen: { en: 'is required when {other} is set', zh: '填写了 {other} 时必填' },
  requiredForDeferred: { en: 'is required for deferred queues', zh: '延时处理队列必填' },
  chatOnlyConcurrency: { en: 'only chat queues serve several at once', zh: '只有聊天队列可以同时接待多个' },
  handledOverOffered: {
    en: 'handled + abandoned must not exceed offered',
    zh: '接通数 + 放弃数不得超过呼入数',
  },
  offGrid: {
    en: 'must start on the slot grid of the shop (a multiple of slotMinutes past the hour)',
    zh: '必须从店铺时段网格的起点开始（整点后 `slotMinutes` 的整数倍）',
  },
  unknownColumn: { en: 'unknown column', zh: '未知列' },
  duplicateRow: { en: 'duplicate of row {first} in this file', zh: '与本文件第 {first} 行重复' },
  unknownSession: { en: 'unknown session {value}', zh: '未知会话 {value}' },
  unknownCode: { en: 'unknown {what} {value}', zh: '未知的{what} {value}' },
});

/** What an unknown code is, as the refusal names it. */
export const CodeKinds = defineTexts('ingest.code-kind', {
  agentEmployeeNo: { en: 'agent employee number', zh: '客服工号' },
  queueCode: { en: 'queue code', zh: '队列代码' },
  skillCode: { en: 'skill code', zh: '技能代码' },
});

/** A zod message in the language of the request or job that parses the file. */
export const cellError = (template: Text, params?: TemplateParams) => ({
  error: () => say(params ? fillText(template, params) : template),
});
