import { AppError, renderMessage } from 'src/platform/errors/problem';
import type { ProblemFactory } from 'src/platform/errors/problem-catalogue';
import type { TemplateParams } from 'src/platform/i18n/locale';

/** A problem with the file as a whole (not one row): nothing of it is stored. */
export class FileProblem extends Error {
  constructor(
    readonly problem: ProblemFactory,
    readonly params: TemplateParams = {},
    /** The row to blame, when one is (a record without its line break). */
    readonly row?: number,
  ) {
    super(renderMessage(problem.message(params), 'en'));
  }

  get status(): number {
    return this.problem.spec.status;
  }

  /** The refusal as the API gives it, naming the file and the row when one is to blame. */
  toAppError(): AppError {
    const message = this.problem.message(this.params);
    return this.problem(this.params, {
      errors: [{ field: '(file)', message, code: this.problem.code, ...(this.row ? { row: this.row } : {}) }],
    });
  }
}

/** A size for a message: whole megabytes. */
export const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** A count for a message, with thousands separators. */
export const count = (n: number) => n.toLocaleString('en');

/** One data row of a file: its row number as a spreadsheet shows it (the header is row 1). */
export type SourceRow = { row: number; values: Record<string, unknown> };

export type ReaderLimits = { maxRows: number; maxCellLength: number };
