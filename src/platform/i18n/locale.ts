/**
 * The two languages every user-facing text exists in, and how a text is picked and filled.
 * Pure: engines, exports and the error catalogue all use it.
 */
export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh';

/** A text a user reads, in both languages. */
export type Text = Readonly<Record<Locale, string>>;

export const text = (en: string, zh: string): Text => ({ en, zh });

export const isLocale = (value: unknown): value is Locale => value === 'zh' || value === 'en';

export function isText(value: unknown): value is Text {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Text).en === 'string' &&
    typeof (value as Text).zh === 'string'
  );
}

/**
 * The first language of an Accept-Language header we speak, by q-value (RFC 9110); undefined
 * when it names none of ours (`*`, `fr`), so the caller falls back to the shop's language.
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header || header.length > 512) return undefined;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { primary: tag.trim().split('-')[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0 && isLocale(r.primary))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranges[0]?.primary as Locale | undefined;
}

/** A value that can stand in a template: plain, a text in both languages, or a list of them. */
export type TemplateValue = string | number | boolean | null | undefined | Text | readonly TemplateValue[];
export type TemplateParams = Readonly<Record<string, TemplateValue>>;

const LIST_SEPARATOR: Record<Locale, string> = { zh: '、', en: ', ' };

export function inLocale(value: TemplateValue, locale: Locale): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v: TemplateValue) => inLocale(v, locale)).join(LIST_SEPARATOR[locale]);
  if (isText(value)) return value[locale];
  return String(value);
}

/** Fills `{name}` placeholders; a placeholder without a value stays visible rather than vanishing. */
export function fillTemplate(template: string, params: TemplateParams | undefined, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && name in params ? inLocale(params[name], locale) : whole,
  );
}

/** A template in both languages filled with the same parameters: a Text again. */
export function fillText(template: Text, params?: TemplateParams): Text {
  return { en: fillTemplate(template.en, params, 'en'), zh: fillTemplate(template.zh, params, 'zh') };
}
