/** What an export is, independent of where its data comes from: sheets of typed columns. */

export type ExportLanguage = 'zh' | 'en';

/**
 * How a cell is written. Values stay real cells: money is integer cents written as a number of the
 * currency with a currency format; percentages are fractions with a percent format; dates are dates.
 */
export type CellKind = 'text' | 'integer' | 'number' | 'money' | 'percent' | 'date' | 'datetime' | 'minutes';

export interface ExportColumn {
  key: string;
  zh: string;
  en: string;
  kind: CellKind;
  width?: number;
}

/** A fill (ARGB, e.g. `FFFFC7CE`) and/or font colour for one cell or a whole row. */
export interface CellLook {
  fill?: string;
  font?: string;
  bold?: boolean;
}

export type ExportRow = Record<string, unknown>;

export interface ExportSheet {
  zh: string;
  en: string;
  columns: ExportColumn[];
  rows: Iterable<ExportRow> | AsyncIterable<ExportRow>;
  /** The title line above the header, e.g. shop and period; default the sheet's name. */
  title?: string;
  /** Per-cell look (shift colours, under-cover in red); return undefined for the default. */
  look?: (row: ExportRow, column: ExportColumn) => CellLook | undefined;
  /** A row's own cell kind where one column mixes units (a report of rates, money and counts). */
  kindOf?: (row: ExportRow, column: ExportColumn) => CellKind | undefined;
  landscape?: boolean;
}

export interface ExportWorkbook {
  /** File name without extension; carries shop and period. */
  fileName: string;
  /** ISO 4217 code for the money format. */
  currency: string;
  sheets: ExportSheet[];
}

/** A date or time to show as the shop's wall clock (exceljs writes Dates as-is, without zone). */
export interface LocalDateTime {
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
  local: string;
}
