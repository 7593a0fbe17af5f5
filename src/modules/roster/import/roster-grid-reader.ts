import { IngestProblems } from 'src/modules/ingest/ingest.problems';
import { FileProblem } from 'src/modules/ingest/readers/file-problem';
import { MissingColumns, RequiredColumn } from 'src/modules/ingest/readers/required-columns';
import { addDays, isoWeekday } from 'src/platform/time/calendar-date';
import { fillText, text as localText } from 'src/platform/i18n/locale';
import { defineTexts } from 'src/platform/i18n/texts';
import { WEEKDAY_NAMES } from 'src/modules/export/workbook/workbook-writer';
import { xlsxSheetRows } from 'src/modules/ingest/readers/xlsx-rows';
import { RosterImportProblems } from './roster-import.problems';

/** A roster workbook is a week's grid: small, and read whole. */
export const ROSTER_IMPORT_MAX_BYTES = 2 * 2 ** 20;
const LIMITS = { maxRows: 5_000, maxCellLength: 2_000, maxUncompressedBytes: 20 * ROSTER_IMPORT_MAX_BYTES };
/** The header is found within the first rows (the export's title block takes two). */
const HEADER_SEARCH_ROWS = 10;
const EMPLOYEE_NO = new Set(['工号', 'employee no.', 'employee no', 'employee number']);
/** The grid's columns as a missing-column refusal names them (the export's and the template's headers). */
const GridColumns = defineTexts('roster-import.column', {
  employeeNo: localText('Employee no.', '工号'),
  day: localText('{date} ({weekday})', '{date}（{weekday}）'),
});
const EMPLOYEE_NO_COLUMN: RequiredColumn = { field: 'employeeNo', name: GridColumns.employeeNo };

export type GridRow = { row: number; employeeNo: string; days: string[] };
export type RosterGrid = {
  sheet: string;
  dates: string[];
  dayColumns: number[];
  employeeNoColumn: number;
  rows: GridRow[];
};

/** A header row's week: its dates, the columns they stand in, and the days it lacks. */
type WeekHeader = { dates: string[]; columns: number[]; missing: RequiredColumn[] };

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const nextDay = (date: string) => isoDate(new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000));

/** Seven date cells in a row from some column: the week's days (as the export and the template write them). */
function dayColumnsOf(cells: unknown[]): WeekHeader | undefined {
  for (let c = 0; c + 7 <= cells.length; c++) {
    const run = cells.slice(c, c + 7);
    if (run.every((v) => v instanceof Date))
      return { dates: run.map((v) => isoDate(v as Date)), columns: run.map((_v, i) => c + i), missing: [] };
  }
  return undefined;
}

/**
 * The week's day columns of a header row that is not seven dates side by side (a column was
 * deleted, or one put between the days): its date cells are distinct days of one Monday-to-Sunday
 * week in order, and the days not there are missing columns, each named by its date and weekday.
 * Undefined when the dates are no such week, or a lone date that says nothing of a grid.
 */
function partialWeek(cells: unknown[], named: boolean): WeekHeader | undefined {
  const at = cells.flatMap((v, c) => (v instanceof Date ? [{ date: isoDate(v), c }] : []));
  if (at.length === 0 || (at.length < 2 && !named)) return undefined;
  const monday = addDays(at[0].date, 1 - isoWeekday(at[0].date));
  const week = [0, 1, 2, 3, 4, 5, 6].map((d) => addDays(monday, d));
  if (!at.every((x, i) => week.includes(x.date) && (i === 0 || x.date > at[i - 1].date))) return undefined;
  const missing: RequiredColumn[] = week.flatMap((date, d) =>
    at.some((x) => x.date === date)
      ? []
      : [
          {
            field: date,
            name: fillText(GridColumns.day, { date, weekday: localText(WEEKDAY_NAMES.en[d], WEEKDAY_NAMES.zh[d]) }),
          },
        ],
  );
  return { dates: week, columns: at.map((x) => x.c), missing };
}

const text = (v: unknown) => (v === undefined || v === null ? '' : v instanceof Date ? isoDate(v) : String(v)).trim();

/** Reads the grid of the first sheet through the hardened workbook reader (every unpacked byte counted). */
export async function readRosterGrid(path: string): Promise<RosterGrid> {
  let sheet = 'Sheet1';
  let header: { dates: string[]; columns: number[]; employeeNoColumn: number } | undefined;
  const rows: GridRow[] = [];
  for await (const { row, cells } of xlsxSheetRows(path, LIMITS, undefined, (name) => (sheet = name))) {
    if (!header) {
      const named = cells.findIndex((v) => EMPLOYEE_NO.has(text(v).toLowerCase()));
      const days = dayColumnsOf(cells) ?? partialWeek(cells, named >= 0);
      if (days) {
        // The header row (the week's dates): a column it lacks is named, never guessed at.
        const missing = [...(named < 0 ? [EMPLOYEE_NO_COLUMN] : []), ...days.missing];
        if (missing.length) throw new MissingColumns(missing);
        header = { dates: days.dates, columns: days.columns, employeeNoColumn: named };
      } else if (row >= HEADER_SEARCH_ROWS) {
        throw new FileProblem(RosterImportProblems.noGrid);
      }
      continue;
    }
    const employeeNo = text(cells[header.employeeNoColumn]);
    if (!employeeNo) continue;
    rows.push({ row, employeeNo, days: header.columns.map((c) => text(cells[c])) });
    if (rows.length > LIMITS.maxRows) throw new FileProblem(IngestProblems.tooManyRows, { limit: LIMITS.maxRows });
  }
  if (!header) throw new FileProblem(RosterImportProblems.noGrid);
  for (let d = 1; d < 7; d++)
    if (header.dates[d] !== nextDay(header.dates[d - 1])) throw new FileProblem(RosterImportProblems.noGrid);
  if (new Date(`${header.dates[0]}T00:00:00Z`).getUTCDay() !== 1)
    throw new FileProblem(RosterImportProblems.notMonday, { date: header.dates[0] });
  return { sheet, dates: header.dates, dayColumns: header.columns, employeeNoColumn: header.employeeNoColumn, rows };
}

/** A cell's address as a spreadsheet names it (column 0, row 5 → A5). */
export function cellAddress(column: number, row: number): string {
  let name = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${row}`;
}
