import ExcelJS from 'exceljs';
import type { Column } from '../kinds/import-kind';
import { FormulaCell } from './cell-checks';
import { FileProblem, ReaderLimits, SourceRow } from './file-problem';
import { mapHeader } from './header-mapping';

type CellValue = ExcelJS.CellValue;

/** A workbook cell as a plain value; formulas stay recognisable so they can be refused. */
function plain(value: CellValue): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date || typeof value !== 'object') return value;
  if ('formula' in value || 'sharedFormula' in value) return new FormulaCell(String((value as { formula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula));
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('text' in value) return (value as { text: unknown }).text;
  if ('error' in value) return undefined;
  return String(value);
}

/** Streams the first worksheet of a workbook with the streaming reader (the file is never held whole). */
export async function* xlsxRows(path: string, columns: Column[], limits: ReaderLimits): AsyncGenerator<SourceRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  let keys: (string | null)[] | undefined;
  let count = 0;
  let batch: SourceRow[] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const cells = (row.values as CellValue[]).slice(1).map(plain);
        if (!keys) {
          keys = mapHeader(cells, columns);
          continue;
        }
        if (cells.every((c) => c === undefined || c === '')) continue;
        if (++count > limits.maxRows) throw new FileProblem(`The workbook has more than ${limits.maxRows} rows; split it`, 413);
        const values: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) if (keys[i] && cells[i] !== undefined) values[keys[i]!] = cells[i];
        batch.push({ row: row.number, values });
        if (batch.length >= 1000) {
          yield batch;
          batch = [];
        }
      }
      break; // only the first sheet holds data; others (notes) are ignored
    }
  } catch (e) {
    if (e instanceof FileProblem) throw e;
    throw new FileProblem(`The workbook cannot be read: ${(e as Error).message}`);
  }
  if (batch.length) yield batch;
  if (!keys) throw new FileProblem('The workbook is empty: a header row is required');
}
