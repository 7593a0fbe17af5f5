import type { Text } from './locale';
import { say } from './request-locale';

/**
 * Named sets of texts a user reads besides problems: labels of stable codes (a ledger entry's
 * kind, a complaint's state), schema messages, warnings. Registered so one test can walk every
 * text in both languages and fail on an untranslated word.
 */
const registry = new Map<string, Readonly<Record<string, Text>>>();

export function defineTexts<const K extends string>(area: string, texts: Record<K, Text>): Readonly<Record<K, Text>> {
  const known = registry.get(area);
  registry.set(area, known ? { ...known, ...texts } : texts);
  return texts;
}

/** Every registered text by `area.key`. */
export function registeredTexts(): { key: string; text: Text }[] {
  return [...registry].flatMap(([area, texts]) =>
    Object.entries(texts).map(([key, text]) => ({ key: `${area}.${key}`, text })),
  );
}

/** The label of a stable code; a code without one (data written by an older version) shows as itself. */
export function labelOf<K extends string>(labels: Readonly<Record<K, Text>>, code: string): Text {
  return (labels as Record<string, Text>)[code] ?? { en: code, zh: code };
}

/** The label of a code in the language of the current request or job, for a `…Label` field beside the code. */
export function labelIn<K extends string>(labels: Readonly<Record<K, Text>>, code: string): string {
  return say(labelOf(labels, code));
}
