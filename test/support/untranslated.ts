/**
 * What counts as an untranslated word in a Chinese text: an ASCII word of two letters or more
 * that is not one of the few tokens Chinese users read as they are (standards, header names,
 * units). Kept tiny and explicit on purpose.
 */
export const LATIN_TOKENS_IN_CHINESE = new Set([
  'UUID',
  'ISO',
  'IANA',
  'UTC',
  'Asia/Shanghai',
  'CNY',
  'UTF-8',
  'CSV',
  'JSON',
  'KPI',
  'X-Shop-Id',
  'Authorization',
  'Bearer',
  'min',
  'ZIP',
  // A product name, written so in Chinese (Excel 错误值).
  'Excel',
  'XML',
  'NUL',
  'Content-Encoding',
  // Keyboard keys are printed on the keys (Ctrl+C, Ctrl-click).
  'Ctrl',
]);

const CJK = /[\u3400-\u9fff]/;

/** ASCII words in a Chinese text that are not allowed tokens (nor one of the `names` given); values with digits (CS0042) are not words. */
export function untranslatedWords(zh: string, names: Iterable<string> = []): string[] {
  const allowed = new Set([...LATIN_TOKENS_IN_CHINESE, ...names]);
  // An API route (`POST /forecasts`) or a query (`?mode=partial`) is a literal a client types, not a word to translate.
  // So is a command in backticks (`npm run templates`).
  let rest = zh
    .replace(/\b(GET|POST|PUT|PATCH|DELETE) \/[\w/:{}.?=&-]*/g, ' ')
    .replace(/\?\w+=\w+/g, ' ')
    .replace(/`[^`]+`/g, ' ');
  for (const name of allowed) if (name.length > 1 && !/^[A-Za-z]+$/.test(name)) rest = rest.split(name).join(' ');
  const words = rest.match(/[A-Za-z][A-Za-z0-9_./-]*/g) ?? [];
  return words
    .map((w) => w.replace(/[./-]+$/, ''))
    .filter((w) => (w.match(/[A-Za-z]/g) ?? []).length >= 2 && !/\d/.test(w) && !allowed.has(w));
}

/** Chinese characters in an English text (names aside). */
export function chineseIn(en: string, names: Iterable<string> = []): string[] {
  let rest = en;
  for (const name of names) if (name) rest = rest.split(name).join(' ');
  return [...rest].filter((c) => CJK.test(c));
}
