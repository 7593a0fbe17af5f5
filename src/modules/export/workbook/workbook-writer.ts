/**
 * Writes an export with exceljs' streaming writer, styled from the template's header row, under a
 * title block merged across the table. A sheet's rows are gathered first (exports are bounded:
 * a 10,000-row ranking is the largest), because column widths are written before the first row
 * and must fit the longest text; each row is then written and committed in turn.
 */
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { exportedText } from 'src/platform/text/spreadsheet-text';
import { columnWidth, MAX_COLUMN_WIDTH, widestLine, wrappedLines } from './column-width';
import type { CellKind, ExportHeading, ExportLanguage, ExportRow, ExportSheet, ExportWorkbook } from './export-sheet';
import { defaultLook, headerText, type TemplateLook } from './template-look';

const CURRENCY_SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$' };

/** Rows of the title block; the table's header follows, data after it (the template has the same places). */
export const TITLE_ROWS = 2;
export const HEADER_ROW = TITLE_ROWS + 1;
const LINE_HEIGHT = 15;

export const WEEKDAY_NAMES = {
  zh: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/** A day header's format: "12/07 周一" in Chinese, "Mon 12/07" in English (the weekday is a literal, so any Excel locale shows it alike). */
export function dayHeaderFormat(date: string, lang: ExportLanguage): string {
  const weekday = WEEKDAY_NAMES[lang][(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7];
  return lang === 'zh' ? `mm/dd "${weekday}"` : `"${weekday}" mm/dd`;
}

const dayHeaderText = (date: string, lang: ExportLanguage) => {
  const weekday = WEEKDAY_NAMES[lang][(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7];
  const day = `${date.slice(5, 7)}/${date.slice(8, 10)}`;
  return lang === 'zh' ? `${day} ${weekday}` : `${weekday} ${day}`;
};

function numberFormat(kind: CellKind, currency: string): string | undefined {
  switch (kind) {
    case 'money':
      return `"${CURRENCY_SYMBOLS[currency] ?? currency + ' '}"#,##0.00`;
    case 'percent':
      return '0.0%';
    case 'integer':
    case 'minutes':
      return '#,##0';
    case 'number':
      return '#,##0.00';
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm';
    case 'time':
      return 'hh:mm';
    default:
      return undefined;
  }
}

const localText = (value: unknown) =>
  typeof value === 'object' && value !== null && 'local' in value
    ? String((value as { local: string }).local)
    : String(value);

/** The value as the cell should hold it; null stays empty ("no data" is not 0). */
export function cellValue(kind: CellKind, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'money':
      return Number(value) / 100;
    case 'integer':
    case 'minutes':
    case 'number':
    case 'percent':
      return Number(value);
    case 'date':
    case 'datetime': {
      // Shop wall clock in, wall clock shown: Excel has no zones, so write the local time as if UTC.
      const local = localText(value);
      const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(local);
      const date = match ? new Date(`${match[1]}T${match[2] ?? '00:00'}:00Z`) : null;
      if (!date || Number.isNaN(date.getTime())) throw new RangeError(`not a local date/time: ${local}`);
      return date;
    }
    case 'time': {
      // A time of day is the fraction of Excel's day 0 (1899-12-30), so it sorts and sums as a time.
      const match = /(?:^|T)(\d{2}):(\d{2})/.exec(localText(value));
      if (!match) throw new RangeError(`not a local time: ${localText(value)}`);
      return new Date(Date.UTC(1899, 11, 30, Number(match[1]), Number(match[2])));
    }
    default:
      return exportedText(String(value));
  }
}

/** The text a cell shows, for sizing its column. */
function shownText(kind: CellKind, value: ExcelJS.CellValue, currency: string): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'money':
      return `${CURRENCY_SYMBOLS[currency] ?? currency + ' '}${(value as number).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    case 'percent':
      return `${((value as number) * 100).toFixed(1)}%`;
    case 'integer':
    case 'minutes':
      return Math.round(value as number).toLocaleString('en');
    case 'number':
      return (value as number).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm';
    case 'time':
      return 'hh:mm';
    default:
      return typeof value === 'string'
        ? value
        : (value as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  }
}

const argb = (colour: string) => ({ argb: colour });

type PreparedRow = { data: ExportRow; kinds: CellKind[]; values: ExcelJS.CellValue[] };

/** The title block's two lines, in the export's language and the shop's wall clock. */
export function headingLines(
  heading: ExportHeading,
  sheet: ExportSheet,
  first: boolean,
  lang: ExportLanguage,
  generatedAt: Date,
): [string, string] {
  const at = DateTime.fromJSDate(generatedAt, { zone: heading.timeZone }).toFormat('yyyy-MM-dd HH:mm');
  const title = first ? `${heading.shop} ${heading.what}` : `${heading.shop} ${heading.what} — ${sheet[lang]}`;
  const generated = lang === 'zh' ? `生成于 ${at}` : `Generated ${at}`;
  return [title, [heading.period, heading.state, generated].filter(Boolean).join(' · ')];
}

async function writeSheet(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  workbook: ExportWorkbook,
  index: number,
  lang: ExportLanguage,
  look: TemplateLook,
  generatedAt: Date,
): Promise<void> {
  const sheet = workbook.sheets[index];
  const { currency } = workbook;
  const rows: PreparedRow[] = [];
  for await (const data of sheet.rows) {
    const kinds = sheet.columns.map((c) => sheet.kindOf?.(data, c) ?? c.kind);
    rows.push({ data, kinds, values: sheet.columns.map((c, i) => cellValue(kinds[i], data[c.key])) });
  }
  const headers = sheet.columns.map((c) => (c.headerDate ? dayHeaderText(c.headerDate, lang) : c[lang]));
  const longest = sheet.columns.map((_c, i) =>
    Math.max(widestLine(headers[i]), ...rows.map((r) => widestLine(shownText(r.kinds[i], r.values[i], currency)))),
  );
  // Text too long for the widest column wraps, as does text of several lines.
  const wraps = sheet.columns.map(
    (c, i) =>
      c.kind === 'text' &&
      (longest[i] > MAX_COLUMN_WIDTH ||
        rows.some((r) => typeof r.values[i] === 'string' && r.values[i].includes('\n'))),
  );
  const widths = sheet.columns.map((c, i) =>
    Math.max(columnWidth(longest[i]), Math.min(MAX_COLUMN_WIDTH, look.widths.get(headerText(c)) ?? 0)),
  );

  const ws = book.addWorksheet(sheet[lang].slice(0, 31), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    // Landscape, one page wide, as long as it takes; the title block and header repeat on every page.
    pageSetup: {
      ...look.pageSetup,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `1:${HEADER_ROW}`,
    },
  });
  // Formats and borders live on the columns, so each data cell inherits them instead of carrying its own.
  ws.columns = sheet.columns.map((c, i) => ({
    key: c.key,
    width: widths[i],
    style: {
      numFmt: numberFormat(c.kind, currency),
      border: look.border,
      ...(wraps[i] ? { alignment: { wrapText: true, vertical: 'top' } } : {}),
    },
  }));
  const last = Math.max(1, sheet.columns.length);
  const lines = headingLines(workbook.heading, sheet, index === 0, lang, generatedAt);
  lines.forEach((line, i) => {
    const row = ws.addRow([exportedText(line)]);
    row.font = i === 0 ? look.titleFont : { color: argb('FF595959') };
    row.alignment = { vertical: 'middle', horizontal: 'left' };
    row.height = i === 0 ? 22 : 16;
    if (last > 1) ws.mergeCells(i + 1, 1, i + 1, last);
    row.commit();
  });
  const header = ws.addRow(sheet.columns.map((c, i) => (c.headerDate ? cellValue('date', c.headerDate) : headers[i])));
  header.eachCell((cell, n) => {
    const column = sheet.columns[n - 1];
    if (column?.headerDate) cell.numFmt = dayHeaderFormat(column.headerDate, lang);
    cell.font = look.headerFont;
    cell.fill = look.headerFill;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = look.border;
  });
  header.commit();
  for (const { data, kinds, values } of rows) {
    const row = ws.addRow(values);
    const height = Math.max(
      1,
      ...values.map((v, i) => (wraps[i] && typeof v === 'string' ? wrappedLines(v, widths[i]) : 1)),
    );
    if (height > 1) row.height = height * LINE_HEIGHT;
    if (sheet.kindOf || sheet.look) {
      sheet.columns.forEach((column, i) => {
        const cell = row.getCell(i + 1);
        if (kinds[i] !== column.kind) cell.numFmt = numberFormat(kinds[i], currency) ?? 'General';
        const extra = sheet.look?.(data, column);
        if (extra?.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(extra.fill) };
        if (extra?.font || extra?.bold)
          cell.font = { ...(extra.font ? { color: argb(extra.font) } : {}), bold: extra.bold ?? false };
      });
    }
    row.commit();
  }
  ws.commit();
}

/** Streams the workbook to `path`; sheet i takes the template's look i (the last repeats). */
export async function writeExportWorkbook(
  path: string,
  workbook: ExportWorkbook,
  lang: ExportLanguage,
  looks: TemplateLook[] = [],
  generatedAt = new Date(),
): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  book.creator = 'cs-workforce';
  for (let i = 0; i < workbook.sheets.length; i++) {
    await writeSheet(book, workbook, i, lang, looks[Math.min(i, looks.length - 1)] ?? defaultLook, generatedAt);
  }
  await book.commit();
}
