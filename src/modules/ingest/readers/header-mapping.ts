import type { Column } from 'src/modules/ingest/kinds/import-kind';
import { text } from 'src/platform/i18n/locale';
import { IngestProblems } from 'src/modules/ingest/ingest.problems';
import { ErrorCell, FormulaCell } from './cell-checks';
import { FileProblem } from './file-problem';
import { MissingColumns } from './required-columns';

const normalise = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/**
 * Which column of the file holds which field. A header may be the Chinese label, the English
 * label, the field key, or the template's own `中文 (key)`.
 */
export function mapHeader(header: unknown[], columns: Column[]): (string | null)[] {
  const byLabel = new Map<string, string>();
  for (const c of columns) for (const label of [c.key, c.zh, c.en]) byLabel.set(normalise(label), c.key);
  const seen = new Map<string, number>();
  const unknown: ReturnType<typeof text>[] = [];
  const keys = header.map((cell, i) => {
    // A formula or an error value in the header is named as the sheet shows it, never as an object.
    const shown = cell instanceof ErrorCell ? cell.error : cell instanceof FormulaCell ? `=${cell.formula}` : cell;
    const label = String(shown ?? '')
      .replace(/^\uFEFF/, '')
      .trim();
    if (!label) return null;
    const bracketed = /\(([A-Za-z][A-Za-z0-9]*)\)\s*$/.exec(label)?.[1];
    const key = byLabel.get(normalise(bracketed ?? label)) ?? byLabel.get(normalise(label));
    if (!key) {
      unknown.push(text(`"${label}" (column ${i + 1})`, `“${label}”（第 ${i + 1} 列）`));
      return null;
    }
    if (seen.has(key))
      throw new FileProblem(IngestProblems.columnTwice, { column: key, first: seen.get(key)! + 1, second: i + 1 });
    seen.set(key, i);
    return key;
  });
  if (unknown.length)
    throw new FileProblem(IngestProblems.unknownColumns, { columns: unknown, expected: columns.map((c) => c.key) });
  const missing = columns.filter((c) => c.required && !seen.has(c.key)).map((c) => c.key);
  if (missing.length) throw new MissingColumns(missing);
  return keys;
}

/** Rows above the header a file may have as its title block (the templates write three). */
export const MAX_TITLE_ROWS = 4;

/**
 * A row of a title block above the header, as the import templates write it: empty, or one text in
 * its first cell that names no column. A one-column header of a known label is a header, never a title.
 */
export function isTitleRow(cells: unknown[], columns: Column[]): boolean {
  const filled = cells.filter((c) => c !== undefined && c !== null && c !== '');
  if (filled.length === 0) return true;
  if (filled.length > 1 || typeof cells[0] !== 'string') return false;
  const label = cells[0].replace(/^\uFEFF/, '').trim();
  const bracketed = /\(([A-Za-z][A-Za-z0-9]*)\)\s*$/.exec(label)?.[1];
  const labels = new Set(columns.flatMap((c) => [c.key, c.zh, c.en].map(normalise)));
  return !labels.has(normalise(bracketed ?? label)) && !labels.has(normalise(label));
}
