/** A problem with the file as a whole (not one row): nothing of it is stored. */
export class FileProblem extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415 | 422 = 422,
  ) {
    super(message);
  }
}

/** One data row of a file: its row number as a spreadsheet shows it (the header is row 1). */
export type SourceRow = { row: number; values: Record<string, unknown> };

export type ReaderLimits = { maxRows: number; maxCellLength: number };
