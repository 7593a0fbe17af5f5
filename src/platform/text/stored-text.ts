/**
 * What text may be stored: PostgreSQL's text and jsonb hold no NUL character, and only well-formed
 * Unicode (a lone UTF-16 surrogate from a `\ud800` escape would be stored as U+FFFD, silently).
 */
export type TextFlaw = 'nul' | 'unpaired-surrogate';

/** In unicode mode a surrogate pair is one code point: only a lone surrogate matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export function textFlaw(s: string): TextFlaw | undefined {
  if (s.includes('\0')) return 'nul';
  return LONE_SURROGATE.test(s) ? 'unpaired-surrogate' : undefined;
}

/** Keys that would reach an object's prototype if a parsed body were ever merged with Object.assign. */
const RESERVED_KEYS = new Set(['__proto__']);

export type ValueFlaw = { path: string; flaw: TextFlaw | 'reserved-key' | 'too-deep'; key?: string };

/**
 * The first flaw of a parsed JSON value (keys and strings alike), walked without recursion so
 * that a body nested 100,000 deep cannot overflow the stack; `path` is dotted (`rows.3.name`).
 */
export function firstValueFlaw(value: unknown, maxDepth: number): ValueFlaw | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      const flaw = textFlaw(item.value);
      if (flaw) return { path: item.path, flaw };
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= maxDepth) return { path: item.path, flaw: 'too-deep' };
    if (Array.isArray(item.value)) {
      for (let i = item.value.length - 1; i >= 0; i--)
        stack.push({ value: item.value[i], path: at(item.path, i), depth: item.depth + 1 });
      continue;
    }
    const keys = Object.keys(item.value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const keyFlaw = textFlaw(key);
      if (keyFlaw) return { path: at(item.path, key.replace(/\0/g, '\\u0000')), flaw: keyFlaw };
      if (RESERVED_KEYS.has(key)) return { path: item.path, flaw: 'reserved-key', key };
      stack.push({
        value: (item.value as Record<string, unknown>)[key],
        path: at(item.path, key),
        depth: item.depth + 1,
      });
    }
  }
  return undefined;
}
