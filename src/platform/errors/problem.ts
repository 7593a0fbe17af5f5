import {
  fillText,
  inLocale,
  type Locale,
  type TemplateParams,
  type TemplateValue,
  type Text,
  fillTemplate,
  text,
} from 'src/platform/i18n/locale';
import { currentLocale } from 'src/platform/i18n/request-locale';

/**
 * The classes of problems, one per HTTP status family: the problem+json `type` a client may
 * branch on coarsely. The exact reason is the catalogued `code` (problem-catalogue.ts).
 */
export const problemClasses = {
  validation: { status: 400, title: text('The request is not valid', '请求无效') },
  'bad-request': { status: 400, title: text('The request cannot be processed', '无法处理该请求') },
  unauthenticated: { status: 401, title: text('Sign-in required', '需要登录') },
  forbidden: { status: 403, title: text('Your role may not do this', '您的角色无权执行此操作') },
  'not-found': { status: 404, title: text('Not found', '未找到') },
  conflict: { status: 409, title: text('Conflict with the current state', '与当前状态冲突') },
  'payload-too-large': { status: 413, title: text('Payload too large', '请求内容过大') },
  'unsupported-media-type': { status: 415, title: text('Unsupported media type', '不支持的内容类型') },
  unprocessable: { status: 422, title: text('The content cannot be processed', '内容无法处理') },
  'too-many-requests': { status: 429, title: text('Too many requests', '请求过于频繁') },
  unavailable: { status: 503, title: text('A required service is unavailable', '所需服务暂不可用') },
  internal: { status: 500, title: text('Internal error', '内部错误') },
} as const;

export type ProblemType = keyof typeof problemClasses;

/** A message in both languages with its parameters, rendered in the reader's language. */
export type Message = string | Text | { template: Text; params?: TemplateParams };

export function renderMessage(message: Message, locale: Locale): string {
  if (typeof message === 'string') return message;
  if ('template' in message) return fillTemplate(message.template[locale], message.params, locale);
  return inLocale(message, locale);
}

/** A message as a value for another template (a field's reason inside the problem's detail). */
export function messageValue(message: Message): TemplateValue {
  return typeof message === 'object' && 'template' in message ? fillText(message.template, message.params) : message;
}

/** Where in the input a problem is: a field path, and a row for imported files. */
export type FieldError = { field: string; message: Message; row?: number; code?: string; in?: string };

/** Field errors as a reader sees them outside a problem (an import report): messages in their language. */
export function renderedErrors<E extends FieldError>(
  errors: E[],
  locale: Locale = currentLocale(),
): (Omit<E, 'message'> & { message: string })[] {
  return errors.map((e) => ({ ...e, message: renderMessage(e.message, locale) }));
}

/** Keys of the problem body that an error's extra fields may never replace (RFC 7807 members). */
const RESERVED = new Set(['type', 'code', 'title', 'status', 'detail', 'instance', 'errors']);

export class AppError extends Error {
  /** The catalogued reason (`roster.rest-too-short`); `common.<type>` for the generic ones. */
  readonly code: string;

  constructor(
    readonly type: ProblemType,
    readonly detailMessage: Message,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
    code?: string,
  ) {
    super(renderMessage(detailMessage, 'en'));
    this.code = code ?? `common.${type}`;
    const clash = Object.keys(extra ?? {}).find((k) => RESERVED.has(k));
    // A record's own state must not pose as the HTTP status (a 409 saying "status": "running").
    if (clash) throw new Error(`problem ${this.code}: extra field "${clash}" would replace a problem member`);
  }

  get status(): number {
    return problemClasses[this.type].status;
  }

  /** The detail in the language of the current request or job. */
  get detail(): string {
    return renderMessage(this.detailMessage, currentLocale());
  }

  detailIn(locale: Locale): string {
    return renderMessage(this.detailMessage, locale);
  }
}

export type ProblemBody = {
  type: string;
  code: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: (Omit<FieldError, 'message'> & { message: string })[];
  [key: string]: unknown;
};

export function problemBody(error: AppError, locale: Locale, instance?: string): ProblemBody {
  const entry = problemClasses[error.type];
  return {
    ...(error.extra ?? {}),
    type: `/problems/${error.type}`,
    code: error.code,
    title: entry.title[locale],
    status: entry.status,
    detail: error.detailIn(locale),
    ...(instance ? { instance } : {}),
    ...(error.errors ? { errors: error.errors.map((e) => ({ ...e, message: renderMessage(e.message, locale) })) } : {}),
  };
}
