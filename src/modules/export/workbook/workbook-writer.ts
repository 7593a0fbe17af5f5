/**
 * Writes an export with exceljs' streaming writer (rows are committed as they come, so a
 * 10,000-row ranking never sits in memory as a workbook), styled from the template's header row.
 */
import ExcelJS from 'exceljs';
import { exportedText } from 'src/platform/text/spreadsheet-text';
import type { CellKind, ExportColumn, ExportLanguage, ExportSheet, ExportWorkbook } from './export-sheet';
import { defaultLook, headerText, type TemplateLook, widthFor } from './template-look';

const CURRENCY_SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$' };

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
    default:
      return undefined;
  }
}

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
      const local = typeof value === 'object' && value !== null && 'local' in value ? String((value as { local: string }).local) : String(value);
      const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(local);
      const date = match ? new Date(`${match[1]}T${match[2] ?? '00:00'}:00Z`) : null;
      if (!date || Number.isNaN(date.getTime())) throw new RangeError(`not a local date/time: ${local}`);
      return date;
    }
    default:
      return exportedText(String(value));
  }
}

const argb = (colour: string) => ({ argb: colour });

async function writeSheet(book: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExportSheet, lang: ExportLanguage, currency: string, look: TemplateLook): Promise<void> {
  const ws = book.addWorksheet(sheet[lang].slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }],
    pageSetup: { ...look.pageSetup, orientation: sheet.landscape ? 'landscape' : look.pageSetup.orientation },
  });
  // Formats and borders live on the columns, so each data cell inherits them instead of carrying its own.
  ws.columns = sheet.columns.map((c: ExportColumn) => ({
    key: c.key,
    width: look.widths.get(headerText(c)) ?? c.width ?? widthFor(c.kind),
    style: { numFmt: numberFormat(c.kind, currency), border: look.border },
  }));
  // Row 1 is the title, row 2 the header, data from row 3: the same places as in the template.
  const title = ws.addRow([exportedText(sheet.title ?? sheet[lang])]);
  title.font = look.titleFont;
  title.commit();
  const header = ws.addRow(sheet.columns.map((c) => c[lang]));
  header.eachCell((cell) => {
    cell.font = look.headerFont;
    cell.fill = look.headerFill;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = look.border;
  });
  header.commit();
  for await (const data of sheet.rows) {
    const kinds = sheet.columns.map((c) => sheet.kindOf?.(data, c) ?? c.kind);
    const row = ws.addRow(sheet.columns.map((c, i) => cellValue(kinds[i], data[c.key])));
    if (sheet.kindOf || sheet.look) {
      sheet.columns.forEach((column, i) => {
        const cell = row.getCell(i + 1);
        if (kinds[i] !== column.kind) cell.numFmt = numberFormat(kinds[i], currency) ?? 'General';
        const extra = sheet.look?.(data, column);
        if (extra?.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(extra.fill) };
        if (extra?.font || extra?.bold) cell.font = { ...(extra.font ? { color: argb(extra.font) } : {}), bold: extra.bold ?? false };
      });
    }
    row.commit();
  }
  ws.commit();
}

/** Streams the workbook to `path`; sheet i takes the template's look i (the last repeats). */
export async function writeExportWorkbook(path: string, workbook: ExportWorkbook, lang: ExportLanguage, looks: TemplateLook[] = []): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  book.creator = 'cs-workforce';
  for (const [i, sheet] of workbook.sheets.entries()) {
    await writeSheet(book, sheet, lang, workbook.currency, looks[Math.min(i, looks.length - 1)] ?? defaultLook);
  }
  await book.commit();
}
