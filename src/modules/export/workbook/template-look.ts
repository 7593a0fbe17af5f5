/**
 * The look of an export comes from its template in `templates/` (header fonts and fills, column
 * widths, print setup), so a shop can restyle a template without code; the data comes from code.
 */
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { columnWidth, widestLine } from './column-width';
import type { ExportSheet } from './export-sheet';

export interface TemplateLook {
  titleFont: Partial<ExcelJS.Font>;
  headerFont: Partial<ExcelJS.Font>;
  headerFill: ExcelJS.Fill;
  border: Partial<ExcelJS.Borders>;
  pageSetup: Partial<ExcelJS.PageSetup>;
  /** Column widths a shop set in the template, by its header text (`中文 English`), so added columns keep their own. */
  widths: Map<string, number>;
}

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };

export const defaultLook: TemplateLook = {
  titleFont: { bold: true, size: 14 },
  headerFont: { bold: true, color: { argb: 'FFFFFFFF' } },
  headerFill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } },
  border: { top: thin, left: thin, bottom: thin, right: thin },
  pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  widths: new Map(),
};

export const headerText = (c: { zh: string; en: string }) => `${c.zh} ${c.en}`;

/** Where the template has its title and header (the export writes its two title lines from row 1). */
const TEMPLATE_TITLE_ROW = 1;
const TEMPLATE_HEADER_ROW = 3;

/** One look per sheet of the template (the last one repeats for further sheets). */
export async function readTemplateLooks(path: string): Promise<TemplateLook[]> {
  if (!existsSync(path)) throw new Error(`export template ${path} is missing; run npm run templates`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book.worksheets.map((ws) => {
    // Row 1 is the title, row 3 the header, as `npm run templates` writes them.
    const title = ws.getCell(TEMPLATE_TITLE_ROW, 1);
    const header = ws.getCell(TEMPLATE_HEADER_ROW, 1);
    const widths = new Map<string, number>();
    for (let i = 1; i <= ws.columnCount; i++) {
      const width = ws.getColumn(i).width;
      const text = ws.getCell(TEMPLATE_HEADER_ROW, i).value;
      // Only a width someone set: the one `npm run templates` gives (to fit both languages' header) is no reason to widen.
      if (width && typeof text === 'string' && width !== columnWidth(widestLine(text))) widths.set(text, width);
    }
    return {
      titleFont: title.font ?? defaultLook.titleFont,
      headerFont: header.font ?? defaultLook.headerFont,
      headerFill: header.fill ?? defaultLook.headerFill,
      border: header.border ?? defaultLook.border,
      pageSetup: { ...defaultLook.pageSetup, ...pickPageSetup(ws.pageSetup) },
      widths,
    };
  });
}

function pickPageSetup(setup: Partial<ExcelJS.PageSetup>): Partial<ExcelJS.PageSetup> {
  const { paperSize, orientation, fitToPage, fitToWidth, fitToHeight, margins } = setup;
  return Object.fromEntries(
    Object.entries({ paperSize, orientation, fitToPage, fitToWidth, fitToHeight, margins }).filter(
      ([, v]) => v !== undefined,
    ),
  );
}

/**
 * The template a kind's sheets are drawn from: title block, styled bilingual header, print setup.
 * Widths fit the headers; exports widen columns to their data, and a shop's wider column stays.
 */
export function buildExportTemplate(sheets: Pick<ExportSheet, 'zh' | 'en' | 'columns'>[]): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'cs-workforce';
  for (const sheet of sheets) {
    const ws = book.addWorksheet(`${sheet.zh}`.slice(0, 31), {
      pageSetup: { ...defaultLook.pageSetup, printTitlesRow: `1:${TEMPLATE_HEADER_ROW}` },
      views: [{ state: 'frozen', ySplit: TEMPLATE_HEADER_ROW }],
    });
    ws.columns = sheet.columns.map((c) => ({ key: c.key, width: columnWidth(widestLine(headerText(c))) }));
    ws.getCell(TEMPLATE_TITLE_ROW, 1).value = `${sheet.zh} ${sheet.en}`;
    ws.getCell(TEMPLATE_TITLE_ROW, 1).font = defaultLook.titleFont;
    if (sheet.columns.length > 1) ws.mergeCells(TEMPLATE_TITLE_ROW, 1, TEMPLATE_TITLE_ROW + 1, sheet.columns.length);
    sheet.columns.forEach((c, i) => {
      const cell = ws.getCell(TEMPLATE_HEADER_ROW, i + 1);
      cell.value = headerText(c);
      cell.font = defaultLook.headerFont;
      cell.fill = defaultLook.headerFill;
      cell.border = defaultLook.border;
    });
  }
  return book;
}
