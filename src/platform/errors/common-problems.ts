import type { Message } from './problem';
import { AppError } from './problem';
import { defineProblems } from './problem-catalogue';
import type { TemplateValue } from 'src/platform/i18n/locale';

/** Refusals every module gives the same way. Module-specific reasons live in `<module>.problems.ts`. */
export const CommonProblems = defineProblems('common', {
  validation: { status: 400, en: 'The request is not valid: {detail}', zh: '请求无效：{detail}' },
  notFound: { status: 404, en: '{what} not found', zh: '未找到{what}' },
  forbidden: { status: 403, en: 'Your role may not do this', zh: '您的角色无权执行此操作' },
  roleForbidden: { status: 403, en: 'The role {role} may not do this', zh: '角色“{role}”无权执行此操作' },
  conflict: { status: 409, en: '{detail}', zh: '{detail}' },
  shopHeaderRequired: {
    status: 400,
    en: 'An admin must name the shop with the X-Shop-Id header',
    zh: '管理员必须用 X-Shop-Id 请求头指定店铺',
  },
  duplicate: { status: 409, en: 'Another {what} has the same {key}', zh: '已存在{key}相同的{what}' },
  missingReference: { status: 400, en: 'The {what} referred to does not exist', zh: '引用的{what}不存在' },
  stillReferenced: {
    status: 409,
    en: 'This {what} cannot be removed: {referrer} records still refer to it',
    zh: '该{what}仍被{referrer}记录引用，无法删除',
  },
  badRequest: { status: 400, type: 'bad-request', en: '{detail}', zh: '{detail}' },
  noEndpoint: {
    status: 404,
    en: 'There is no endpoint `{method} {path}`; the API is listed at `/docs`',
    zh: '没有接口 `{method} {path}`；接口列表见 `/docs`',
  },
  uploadRefused: {
    status: 400,
    type: 'bad-request',
    en: 'The upload cannot be read: {reason}',
    zh: '无法读取上传内容：{reason}',
  },
  uploadTooLarge: { status: 413, en: 'The upload is too large: {reason}', zh: '上传内容过大：{reason}' },
  payloadTooLarge: { status: 413, en: 'The request body is larger than {limit}', zh: '请求内容超过 {limit}' },
  unsupportedMediaType: { status: 415, en: '{detail}', zh: '{detail}' },
  unavailable: {
    status: 503,
    en: 'A required service is unavailable; try again shortly',
    zh: '所需服务暂不可用，请稍后重试',
  },
  internal: { status: 500, en: 'An unexpected error occurred; it has been logged', zh: '发生意外错误，已记录日志' },
});

/** `what` is a noun in both languages (`text('Roster', '排班表')`). */
export const notFound = (what: TemplateValue) => CommonProblems.notFound({ what });

/** A conflict whose reason has no code of its own yet; prefer a catalogued problem. */
export const conflict = (detail: Message, extra?: Record<string, unknown>) =>
  new AppError('conflict', detail, undefined, extra, CommonProblems.conflict.code);

export const forbidden = (detail?: Message) =>
  detail === undefined
    ? CommonProblems.forbidden()
    : new AppError('forbidden', detail, undefined, undefined, CommonProblems.forbidden.code);

/** One field is wrong: the field is named and the reason given. */
export const invalid = (field: string, message: Message) =>
  new AppError('validation', message, [{ field, message }], undefined, CommonProblems.validation.code);
