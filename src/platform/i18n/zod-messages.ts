import { z } from 'zod';
import { inLocale, type Locale, type Text } from './locale';
import { currentLocale, say } from './request-locale';
import { defineTexts } from './texts';

/** zod's own Chinese messages name JavaScript types in English ("实际接收 string"). */
const TYPE_NAMES_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: '空值',
  undefined: '空',
  date: '日期',
  bigint: '整数',
  int: '整数',
  integer: '整数',
  nan: '非数字',
  symbol: '符号',
  function: '函数',
  file: '文件',
};

const zhLocale = z.locales.zhCN().localeError;

const zhErrorMap: z.core.$ZodErrorMap = (issue) => {
  const base = zhLocale(issue);
  const message = typeof base === 'string' ? base : base?.message;
  return message?.replace(
    /\b(string|number|boolean|object|array|null|undefined|date|bigint|int|integer|nan|symbol|function|file)\b/gi,
    (w) => TYPE_NAMES_ZH[w.toLowerCase()] ?? w,
  );
};

/** The per-parse error map for a language (English is zod's own). */
export function zodErrorMap(locale: Locale): z.core.$ZodErrorMap | undefined {
  return locale === 'zh' ? zhErrorMap : undefined;
}

let inline = 0;
const seen = new WeakSet<Text>();

/**
 * A schema's own message in both languages: `z.uuid(localized(text('must be a UUID', '必须是 UUID')))`,
 * `.refine(check, { ...localized(text(…)), path: ['to'] })`. Registered for the translation walk.
 */
export function localized(message: Text) {
  if (!seen.has(message)) defineTexts('schema', { [`m${inline++}`]: message });
  seen.add(message);
  return { error: () => inLocale(message, currentLocale()) };
}

/** A message added by hand in a `superRefine`: `ctx.addIssue({ code: 'custom', message: say(…) })`. */
export { say };

/** Messages many schemas share. */
export const SchemaTexts = defineTexts('schema.common', {
  uuid: { en: 'must be a UUID', zh: '必须是 UUID' },
  nothingToChange: { en: 'nothing to change', zh: '没有要修改的内容' },
  notBeforeFrom: { en: 'must not be before from', zh: '不得早于开始' },
  afterFrom: { en: 'must be after from', zh: '必须晚于开始' },
  month: { en: 'must be a month like 2026-11', zh: '必须是月份，格式如 2026-11' },
});

/** A UUID with its message in both languages. */
export const uuid = () => z.uuid(localized(SchemaTexts.uuid));
