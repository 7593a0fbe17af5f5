import { textFlaw, TextFlaw } from './stored-text';

/**
 * Text a spreadsheet would take for a formula if it were typed or pasted into a cell: `=`, `+`,
 * `-`, `@`, also after a leading tab or carriage return (OWASP's "CSV injection").
 */
export const FORMULA_PREFIX = /^[\t\r]*[=+\-@]/;

export const looksLikeFormula = (text: string) => FORMULA_PREFIX.test(text);

/**
 * The one rule for such text, in every import and every export: it is text.
 *
 * Imports (every ingest kind, the complaints import) keep it as it is: it is never refused nor
 * altered for its first character ("-5 分钟", "+86 138…", "@店长", "=)" are ordinary texts), so
 * the only reasons an imported text is refused are those of any stored text (a NUL character, an
 * unpaired surrogate). A workbook's real formula cell is another matter: its value was computed,
 * not typed, and is refused by the XLSX reader.
 *
 * Exports write it as a text cell that no spreadsheet evaluates, even after the cell is edited:
 * an inline string (`t="inlineStr"`), not the formula-result type exceljs uses for plain strings
 * (`t="str"`), with its leading tab or carriage return kept.
 */
export function importedTextFlaw(text: string): TextFlaw | undefined {
  return textFlaw(text);
}

/** A text as an export's cell value (exceljs): formula-like or space-edged text as an inline string. */
export function exportedText(text: string): string | { richText: { text: string }[] } {
  return looksLikeFormula(text) || /^\s|\s$/.test(text) ? { richText: [{ text }] } : text;
}
