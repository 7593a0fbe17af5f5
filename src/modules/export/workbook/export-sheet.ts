/** What an export is, independent of where its data comes from: sheets of typed columns. */

export type ExportLanguage = 'zh' | 'en';

/**
 * How a cell is written. Values stay real cells: money is integer cents written as a number of the
 * currency with a currency format; percentages are fractions with a percent format; dates are dates.
 */
export type CellKind = 'text' | 'integer' | 'number' | 'money' | 'percent' | 'date' | 'datetime' | 'time' | 'minutes';

export interface ExportColumn {
  key: string;
  zh: string;
  en: string;
  kind: CellKind;
  /** A header that is a date (`YYYY-MM-DD`): written as a date cell shown as "12/07 周一" / "Mon 12/07". */
  headerDate?: string;
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
  /** Per-cell look (shift colours, under-cover in red); return undefined for the default. */
  look?: (row: ExportRow, column: ExportColumn) => CellLook | undefined;
  /** A row's own cell kind where one column mixes units (a report of rates, money and counts). */
  kindOf?: (row: ExportRow, column: ExportColumn) => CellKind | undefined;
}

/**
 * The title block above every sheet's table, merged across it: shop and what the workbook is,
 * then period, version and state, and when it was generated (the shop's wall clock).
 */
export interface ExportHeading {
  shop: string;
  /** What it is, in the export's language (周排班表 / Monthly ranking …). */
  what: string;
  /** The period, already written for the language (2026-11-30 – 12-06, 2026-10 …). */
  period: string;
  /** Version and state where the record has them (v2 · 已发布). */
  state?: string;
  /** IANA zone the generation time is shown in. */
  timeZone: string;
}

export interface ExportWorkbook {
  /** File name without extension; carries shop and period. */
  fileName: string;
  /** ISO 4217 code for the money format. */
  currency: string;
  heading: ExportHeading;
  sheets: ExportSheet[];
}

/** A date or time to show as the shop's wall clock (exceljs writes Dates as-is, without zone). */
export interface LocalDateTime {
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
  local: string;
}
