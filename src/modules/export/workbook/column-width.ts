/**
 * How wide a text is in a spreadsheet column: East Asian wide characters (汉字, full-width forms,
 * Hangul, kana) take two character widths, everything else one. Column widths are in those units.
 */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) width += WIDE.test(c) ? 2 : 1;
  return width;
}

/** The widest line of a text (a cell may hold several lines). */
export const widestLine = (text: string) => Math.max(0, ...text.split('\n').map(displayWidth));

/** Beyond this a column stops growing and its long cells wrap. */
export const MAX_COLUMN_WIDTH = 50;
const MIN_COLUMN_WIDTH = 6;
/** Room for the cell's padding and the filter button. */
const PADDING = 2;

export const columnWidth = (longest: number) =>
  Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, longest + PADDING));

/** Lines a text takes in a column of this width, wrapped. */
export const wrappedLines = (text: string, width: number) =>
  text
    .split('\n')
    .reduce((lines, line) => lines + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - PADDING))), 0);
