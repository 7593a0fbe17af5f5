/** Chinese and English. The default comes from the shop's `language`; the toggle is remembered. */
import { TEXT } from './texts.js';

const KEY = 'wfm.lang';
let current = localStorage.getItem(KEY) ?? null;
const listeners = new Set();

export const lang = () => current ?? 'zh';

/** Uses the shop's language unless the user chose one with the toggle. */
export function useShopLanguage(shopLanguage) {
  if (!localStorage.getItem(KEY)) current = shopLanguage === 'en' ? 'en' : 'zh';
  document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
}

export function setLang(value) {
  current = value;
  localStorage.setItem(KEY, value);
  document.documentElement.lang = value === 'zh' ? 'zh-CN' : 'en';
  for (const listener of listeners) listener(value);
}

export const onLangChange = (listener) => listeners.add(listener);

export function t(key, vars) {
  const entry = TEXT[key];
  let text = entry ? entry[lang() === 'zh' ? 1 : 0] : key;
  for (const [name, value] of Object.entries(vars ?? {})) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}
