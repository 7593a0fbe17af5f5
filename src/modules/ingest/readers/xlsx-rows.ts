import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Column } from 'src/modules/ingest/kinds/import-kind';
import { ErrorCell, FormulaCell } from './cell-checks';
import { IngestProblems } from 'src/modules/ingest/ingest.problems';
import { FileProblem, ReaderLimits, SourceRow } from './file-problem';
import { isTitleRow, mapHeader, MAX_TITLE_ROWS } from './header-mapping';
import { readSharedStrings } from './shared-strings';
import { openWorkbookZip, partOfTarget, WorkbookZip } from './workbook-zip';
import type { PartRules, UnpackedBudget } from './xml-part-guard';

type CellValue = ExcelJS.CellValue;

export type WorkbookLimits = ReaderLimits & { maxUncompressedBytes: number };

/**
 * What reading a workbook may hold at once, whatever the file (an import stays far below 400 MB):
 * the parts parsed whole (relationships, workbook, styles) are small in any real workbook, the
 * shared strings are bounded in count and memory, and the sheet streams row by row.
 */
const META_PART: PartRules = { maxBytes: 8 * 2 ** 20, maxRun: 2 ** 20 };
const SHARED_STRINGS: PartRules = { maxBytes: Number.MAX_SAFE_INTEGER, maxRun: 2 ** 20 };
const SHEET: PartRules = { maxBytes: Number.MAX_SAFE_INTEGER, maxRun: 2 ** 20, maxRowBytes: 8 * 2 ** 20 };
const SHARED_STRING_LIMITS = { maxCount: 2_000_000, maxMemoryBytes: 128 * 2 ** 20 };

/** exceljs' streaming reader, driven part by part from our own zip reading (its internals, pinned to 4.4). */
type ReaderInternals = {
  sharedStrings?: string[];
  workbookRels?: { Id: string; Target: string; Type?: string }[];
  model?: { sheets?: { rId: string; name?: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(text: AsyncIterable<string>, sheetNo: string): Iterable<{ value: AsyncIterable<ExcelJS.Row> }>;
};

/** A workbook cell as a plain value; formulas and error values stay recognisable so they can be refused. */
function plain(value: CellValue): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof Date || typeof value !== 'object') return value;
  if ('formula' in value || 'sharedFormula' in value)
    return new FormulaCell(
      String((value as { formula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula),
    );
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('text' in value) return (value as { text: unknown }).text;
  if ('error' in value) return new ErrorCell(String((value as { error: unknown }).error));
  return String(value);
}

const relOfType = (reader: ReaderInternals, type: string) =>
  reader.workbookRels?.find((r) => r.Type?.endsWith(`/${type}`));

/** Sheet `index` in the workbook's own order (0: what the user sees as the first tab). */
function sheetPart(reader: ReaderInternals, zip: WorkbookZip, index: number): string | undefined {
  const rId = reader.model?.sheets?.[index]?.rId;
  const rel = reader.workbookRels?.find((r) => r.Id === rId);
  const part = rel ? partOfTarget(rel.Target) : index === 0 ? 'xl/worksheets/sheet1.xml' : '';
  return zip.has(part) ? part : undefined;
}

const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]+\d+(?::[A-Za-z]+\d+)?)"/g;
/** Longest tail of one chunk kept for a merge tag cut across two chunks. */
const MERGE_TAIL = 512;

/** The sheet's XML passed on as it is, telling `onMerge` each merged range on the way (exceljs' stream reader drops them). */
async function* watchMerges(xml: AsyncIterable<string>, onMerge: (ref: string) => void): AsyncGenerator<string> {
  let tail = '';
  for await (const chunk of xml) {
    const text = tail + chunk;
    let end = 0;
    for (const m of text.matchAll(MERGE)) {
      onMerge(m[1].toUpperCase());
      end = m.index + m[0].length;
    }
    const open = text.lastIndexOf('<');
    tail = open >= end && text.indexOf('>', open) < 0 ? text.slice(open).slice(0, MERGE_TAIL) : '';
    yield chunk;
  }
}

/** Which sheet to read, and what to learn about it on the way. */
export type SheetChoice = {
  /** Index in the workbook's order; default 0, the first tab. */
  index?: number;
  /** The sheet's name and the names of all sheets, before the first row. */
  onSheet?: (name: string, names: string[]) => void;
  /** Each merged range (`C5:D5`), once the rows have been read. */
  onMerge?: (ref: string) => void;
};

/** Reads what the sheet needs (relationships, workbook, styles for dates, shared strings), then the sheet. */
async function openSheet(
  zip: WorkbookZip,
  reader: ReaderInternals,
  limits: WorkbookLimits,
  budget: UnpackedBudget,
  choice: SheetChoice,
): Promise<AsyncIterable<ExcelJS.Row>> {
  const meta = (name: string) => Readable.from(zip.part(name, META_PART, budget));
  if (zip.has('xl/_rels/workbook.xml.rels')) await reader._parseRels(meta('xl/_rels/workbook.xml.rels'));
  await reader._parseWorkbook(meta('xl/workbook.xml'));
  const styles = partOfTarget(relOfType(reader, 'styles')?.Target ?? 'styles.xml');
  if (zip.has(styles)) await reader._parseStyles(meta(styles));
  const strings = partOfTarget(relOfType(reader, 'sharedStrings')?.Target ?? 'sharedStrings.xml');
  reader.sharedStrings = zip.has(strings)
    ? await readSharedStrings(zip.part(strings, SHARED_STRINGS, budget), {
        ...SHARED_STRING_LIMITS,
        maxLength: limits.maxCellLength,
      })
    : [];
  const sheet = sheetPart(reader, zip, choice.index ?? 0);
  if (!sheet) throw new FileProblem(IngestProblems.noSheet);
  const xml = zip.part(sheet, choice.onMerge ? { ...SHEET, pastData: true } : SHEET, budget);
  const [{ value }] = [...reader._parseWorksheet(choice.onMerge ? watchMerges(xml, choice.onMerge) : xml, '1')];
  return value;
}

/** One row of a sheet as plain values (index 0 is column A), with its row number as the sheet shows it. */
export type SheetRow = { row: number; cells: unknown[] };

/**
 * Streams the rows of one sheet of a workbook (the first unless `choice` says); only the parts it
 * needs are unpacked, each byte counted against the workbook's limit as it leaves the inflater
 * (`budget.used` tells how many were).
 */
export async function* xlsxSheetRows(
  path: string,
  limits: WorkbookLimits,
  budget: UnpackedBudget = { limit: limits.maxUncompressedBytes, used: 0 },
  choice: SheetChoice = {},
): AsyncGenerator<SheetRow> {
  const zip = await openWorkbookZip(path, {
    maxUncompressedBytes: limits.maxUncompressedBytes,
    maxRatio: 200,
    maxEntries: 10_000,
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as ReaderInternals;
  try {
    const rows = await openSheet(zip, reader, limits, budget, choice);
    const names = (reader.model?.sheets ?? []).map((s, i) => s.name ?? `Sheet${i + 1}`);
    choice.onSheet?.(names[choice.index ?? 0] ?? 'Sheet1', names.length ? names : ['Sheet1']);
    for await (const row of rows) yield { row: row.number, cells: (row.values as CellValue[]).slice(1).map(plain) };
  } catch (e) {
    if (e instanceof FileProblem) throw e;
    throw new FileProblem(IngestProblems.workbookUnreadable, { reason: (e as Error).message });
  } finally {
    zip.close();
  }
}

/** The first sheet's data rows under its header, in batches, keyed by the import kind's columns. */
export async function* xlsxRows(
  path: string,
  columns: Column[],
  limits: WorkbookLimits,
  budget: UnpackedBudget = { limit: limits.maxUncompressedBytes, used: 0 },
): AsyncGenerator<SourceRow[]> {
  let keys: (string | null)[] | undefined;
  let count = 0;
  let batch: SourceRow[] = [];
  for await (const { row, cells } of xlsxSheetRows(path, limits, budget)) {
    if (!keys) {
      // A template's title block (or blank lines) above the header is passed over.
      if (row <= MAX_TITLE_ROWS && isTitleRow(cells, columns)) continue;
      keys = mapHeader(cells, columns);
      continue;
    }
    if (cells.every((c) => c === undefined || c === '')) continue;
    if (++count > limits.maxRows) throw new FileProblem(IngestProblems.tooManyRows, { limit: limits.maxRows });
    const values: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) if (keys[i] && cells[i] !== undefined) values[keys[i]!] = cells[i];
    batch.push({ row, values });
    if (batch.length >= 1000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
  if (!keys) throw new FileProblem(IngestProblems.empty);
}
