import { IngestProblems } from 'src/modules/ingest/ingest.problems';
import { ErrorCell, FormulaCell } from 'src/modules/ingest/readers/cell-checks';
import { FileProblem } from 'src/modules/ingest/readers/file-problem';
import { MissingColumns, RequiredColumn } from 'src/modules/ingest/readers/required-columns';
import { xlsxSheetRows } from 'src/modules/ingest/readers/xlsx-rows';
import type { UnpackedBudget } from 'src/modules/ingest/readers/xml-part-guard';
import type { ProblemFactory } from 'src/platform/errors/problem-catalogue';
import type { TemplateParams } from 'src/platform/i18n/locale';
import { isoWeekday } from 'src/platform/time/calendar-date';
import { GridColumns, weekHeaderOf } from './grid-days';
import { RosterImportProblems } from './roster-import.problems';

/** A roster workbook is a week's grid: small, and read whole. */
export const ROSTER_IMPORT_MAX_BYTES = 2 * 2 ** 20;
const LIMITS = { maxRows: 5_000, maxCellLength: 2_000, maxUncompressedBytes: 20 * ROSTER_IMPORT_MAX_BYTES };
/** The header is found within the first rows (the export's title block takes two). */
const HEADER_SEARCH_ROWS = 10;
/** The grid is looked for in the first sheets (the export's is the first; a manager's may be later). */
const MAX_SHEETS = 20;
const EMPLOYEE_NO = new Set(['工号', '员工编号', 'employee no.', 'employee no', 'employee number']);
const EMPLOYEE_NO_COLUMN: RequiredColumn = { field: 'employeeNo', name: GridColumns.employeeNo };
const NAME = new Set(['客服', '姓名', '名字', '员工', 'agent', 'name', 'agent name', 'employee']);

/** Why one cell of the grid cannot be taken as written (a formula, an Excel error value, a merged range). */
export type CellFlaw = { problem: ProblemFactory; params: TemplateParams };
/** A data row: the agent's employee number and name as written, each day's text, and the cells refused as they stand. */
export type GridRow = {
  row: number;
  employeeNo: string;
  name: string;
  days: string[];
  dayFlaws: (CellFlaw | undefined)[];
  keyFlaw?: CellFlaw;
  /** The name cell's flaw, which counts only in a row without an employee number. */
  nameFlaw?: CellFlaw;
};
export type RosterGrid = {
  sheet: string;
  dates: string[];
  dayColumns: number[];
  employeeNoColumn: number;
  /** Where a row without an employee number may name its agent instead. */
  nameColumn: number | undefined;
  rows: GridRow[];
};

type Header = { row: number; dates: string[]; columns: number[]; employeeNoColumn: number; nameColumn?: number };

const text = (v: unknown) =>
  (v === undefined || v === null || v instanceof FormulaCell || v instanceof ErrorCell
    ? ''
    : v instanceof Date
      ? // A time typed alone (Excel makes "08:00" a time of day 1899-12-30) reads as the clock it shows.
        v.getUTCFullYear() < 1900
        ? v.toISOString().slice(11, 16)
        : v.toISOString().slice(0, 10)
      : String(v)
  ).trim();

/** A cell whose value is not data: a formula, or an error value (`#REF!`, `#N/A`, …) pasted as a value. */
const flawOf = (v: unknown): CellFlaw | undefined =>
  v instanceof FormulaCell
    ? { problem: RosterImportProblems.formulaCell, params: { formula: `=${v.formula}` } }
    : v instanceof ErrorCell
      ? { problem: RosterImportProblems.errorCell, params: { error: v.error } }
      : undefined;

/** The header row (the week's dates and the employee-number column): a column it lacks is named, never guessed at. */
function headerOf(row: number, cells: unknown[], today: string): Header | undefined {
  const named = (names: Set<string>) => {
    const i = cells.findIndex((v) => names.has(text(v).toLowerCase()));
    return i >= 0 ? i : undefined;
  };
  const employeeNo = named(EMPLOYEE_NO);
  const days = weekHeaderOf(cells, employeeNo !== undefined, today);
  if (!days) return undefined;
  const missing = [...(employeeNo === undefined ? [EMPLOYEE_NO_COLUMN] : []), ...days.missing];
  if (missing.length) throw new MissingColumns(missing);
  return { row, dates: days.dates, columns: days.columns, employeeNoColumn: employeeNo!, nameColumn: named(NAME) };
}

/** A1-style reference → zero-based column and one-based row. */
function decode(ref: string): { column: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { column, row: Number(m[2]) };
}

/** Merged ranges over the data: each of their cells is refused (only the first cell of a range holds its text). */
function markMerges(merges: string[], header: Header, rows: GridRow[]): void {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  for (const ref of merges) {
    const [from, to = from] = ref.split(':').map(decode);
    if (to.row <= header.row) continue;
    const flaw: CellFlaw = { problem: RosterImportProblems.mergedCells, params: { range: ref } };
    for (let r = Math.max(from.row, header.row + 1); r <= to.row; r++) {
      const row = byRow.get(r);
      if (!row) continue;
      header.columns.forEach((c, d) => {
        if (c >= from.column && c <= to.column) row.dayFlaws[d] ??= flaw;
      });
      if (header.employeeNoColumn >= from.column && header.employeeNoColumn <= to.column) row.keyFlaw ??= flaw;
    }
  }
}

type SheetGrid = { grid: RosterGrid } | { grid?: undefined; names: string[] };

async function readSheet(path: string, index: number, budget: UnpackedBudget, today: string): Promise<SheetGrid> {
  let sheet = 'Sheet1';
  let names: string[] = [];
  const merges: string[] = [];
  let header: Header | undefined;
  const rows: GridRow[] = [];
  const choice = {
    index,
    onSheet: (n: string, all: string[]) => ((sheet = n), (names = all)),
    onMerge: (r: string) => merges.push(r),
  };
  for await (const { row, cells } of xlsxSheetRows(path, LIMITS, budget, choice)) {
    if (!header) {
      header = headerOf(row, cells, today);
      if (!header && row >= HEADER_SEARCH_ROWS) return { names };
      continue;
    }
    const days = header.columns.map((c) => text(cells[c]));
    const key = cells[header.employeeNoColumn];
    const employeeNo = text(key);
    const nameCell = header.nameColumn === undefined ? undefined : cells[header.nameColumn];
    const name = text(nameCell);
    const dayFlaws = header.columns.map((c) => flawOf(cells[c]));
    const keyFlaw = flawOf(key);
    const nameFlaw = flawOf(nameCell);
    // A row naming no agent is a gap or a note, unless it holds shifts or cells that are not data
    // (a formula, an error value): then it is refused, not skipped.
    const blank = days.every((d) => !d) && dayFlaws.every((f) => !f);
    if (!employeeNo && !name && !keyFlaw && !nameFlaw && blank) continue;
    rows.push({ row, employeeNo, name, days, dayFlaws, keyFlaw, ...(nameFlaw ? { nameFlaw } : {}) });
    if (rows.length > LIMITS.maxRows) throw new FileProblem(IngestProblems.tooManyRows, { limit: LIMITS.maxRows });
  }
  if (!header) return { names };
  markMerges(merges, header, rows);
  if (isoWeekday(header.dates[0]) !== 1)
    throw new FileProblem(RosterImportProblems.notMonday, {
      date: header.dates[0],
      cell: `'${sheet}'!${cellAddress(header.columns[0], header.row)}`,
    });
  const { dates, columns: dayColumns, employeeNoColumn, nameColumn } = header;
  return { grid: { sheet, dates, dayColumns, employeeNoColumn, nameColumn, rows } };
}

/**
 * Reads the week's grid through the hardened workbook reader (every unpacked byte counted, across
 * sheets): the first sheet whose first rows hold a header of seven days in a row. `today` is the
 * shop's date (YYYY-MM-DD): header days without a year are placed near it.
 */
export async function readRosterGrid(path: string, today: string): Promise<RosterGrid> {
  const budget: UnpackedBudget = { limit: LIMITS.maxUncompressedBytes, used: 0 };
  let searched: string[] = [];
  for (let index = 0; index < MAX_SHEETS; index++) {
    const found = await readSheet(path, index, budget, today);
    if (found.grid) return found.grid;
    searched = found.names.slice(0, Math.min(found.names.length, MAX_SHEETS));
    if (index + 1 >= found.names.length) break;
  }
  throw new FileProblem(RosterImportProblems.noGrid, { sheets: searched.length ? searched : ['Sheet1'] });
}

/** A cell's address as a spreadsheet names it (column 0, row 5 → A5). */
export function cellAddress(column: number, row: number): string {
  let name = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${row}`;
}
