import { z } from 'zod';
import { inLocale, type Locale, type Text } from './locale';
import { currentLocale } from './request-locale';

/** zod's own Chinese messages name JavaScript types in English ("实际接收 string"). */
const TYPE_NAMES_ZH: Record<string, string> = {
  string: '文本', number: '数字', boolean: '布尔值', object: '对象', array: '数组', null: '空值', undefined: '空',
  date: '日期', bigint: '整数', int: '整数', integer: '整数', nan: '非数字', symbol: '符号', function: '函数', file: '文件',
};

const zhLocale = z.locales.zhCN().localeError;

const zhErrorMap: z.core.$ZodErrorMap = (issue) => {
  const base = zhLocale(issue);
  const message = typeof base === 'string' ? base : base?.message;
  return message?.replace(/\b(string|number|boolean|object|array|null|undefined|date|bigint|int|integer|nan|symbol|function|file)\b/gi, (w) => TYPE_NAMES_ZH[w.toLowerCase()] ?? w);
};

/** The per-parse error map for a language (English is zod's own). */
export function zodErrorMap(locale: Locale): z.core.$ZodErrorMap | undefined {
  return locale === 'zh' ? zhErrorMap : undefined;
}

/** A schema's own message in both languages: `z.uuid(localized(text('must be a UUID', '必须是 UUID')))`. */
export const localized = (message: Text) => ({ error: () => inLocale(message, currentLocale()) });
