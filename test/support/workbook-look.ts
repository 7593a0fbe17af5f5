import type ExcelJS from 'exceljs';

const HEADER_ROW = 3;
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
/** A text's width in a spreadsheet column: Chinese characters (and other wide forms) count two. */
export const shownWidth = (text: string) =>
  Math.max(0, ...text.split('\n').map((line) => [...line].reduce((w, c) => w + (WIDE.test(c) ? 2 : 1), 0)));

const column = (n: number) => {
  let name = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  return name;
};
const textOf = (v: unknown): string | undefined =>
  typeof v === 'string'
    ? v
    : v && typeof v === 'object' && 'richText' in v
      ? (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('')
      : undefined;
/** What a number or date cell shows, near enough to size its column. */
function shownValue(value: number | Date, numFmt: string): string {
  const literal = [...numFmt.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join('');
  if (value instanceof Date) return numFmt.replace(/"[^"]*"/g, '') + literal;
  const number = numFmt.includes('%')
    ? `${(value * 100).toFixed(1)}%`
    : value.toLocaleString('en', { maximumFractionDigits: 2 });
  return `${literal}${number}`;
}

/**
 * What keeps a sheet from looking hand-made and staying computable, one line per flaw: the title
 * block merged across the table, landscape one page wide with the header repeated, dates and
 * times as formatted date cells (never text that looks like one), every text within its column
 * (wide characters counting two) or wrapped.
 */
export function lookFlaws(book: ExcelJS.Workbook): string[] {
  const flaws: string[] = [];
  book.eachSheet((ws) => {
    const at = (ref: string) => `${ws.name}!${ref}`;
    const columns = ws.getRow(HEADER_ROW).cellCount;
    const last = column(columns);
    if (!textOf(ws.getCell('A1').value) || !textOf(ws.getCell('A2').value)) flaws.push(`${at('A1:A2')} no title block`);
    if (columns > 1)
      for (const merge of [`A1:${last}1`, `A2:${last}2`])
        if (!ws.model.merges.includes(merge)) flaws.push(`${at(merge)} not merged (${ws.model.merges.join(' ')})`);
    const { orientation, fitToPage, fitToWidth, fitToHeight, printTitlesRow } = ws.pageSetup;
    const print = { orientation, fitToPage, fitToWidth, fitToHeight, printTitlesRow };
    const wanted = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' };
    if (JSON.stringify(print) !== JSON.stringify(wanted)) flaws.push(`${ws.name} prints as ${JSON.stringify(print)}`);
    for (let c = 1; c <= columns; c++) {
      const width = ws.getColumn(c).width ?? 8.43;
      for (let r = HEADER_ROW; r <= ws.rowCount; r++) {
        const cell = ws.getRow(r).getCell(c);
        const ref = at(`${column(c)}${r}`);
        const text = textOf(cell.value);
        const wraps = cell.alignment?.wrapText === true;
        if (text !== undefined) {
          if (/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$|^\d{1,2}:\d{2}$/.test(text.trim()))
            flaws.push(`${ref} "${text}" is text, not a date or time cell`);
          if (text.includes('\n') && !wraps) flaws.push(`${ref} has several lines but does not wrap`);
          if (shownWidth(text) > width && !wraps)
            flaws.push(`${ref} "${text}" is ${shownWidth(text)} wide in a column of ${width}`);
        } else if (cell.value instanceof Date || typeof cell.value === 'number') {
          if (!cell.numFmt || cell.numFmt === 'General')
            if (cell.value instanceof Date) flaws.push(`${ref} a date without a date format`);
          const shown = shownValue(cell.value, cell.numFmt ?? '');
          if (shownWidth(shown) > width) flaws.push(`${ref} shows "${shown}" in a column of ${width}`);
        }
      }
    }
  });
  return flaws;
}
