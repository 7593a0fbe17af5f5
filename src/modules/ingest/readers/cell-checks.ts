import type { FieldError } from 'src/platform/errors/problem';
import { renderMessage } from 'src/platform/errors/problem';
import type { ProblemFactory } from 'src/platform/errors/problem-catalogue';
import { RequestProblems } from 'src/platform/http/request.problems';
import type { TemplateParams } from 'src/platform/i18n/locale';
import { currentLocale } from 'src/platform/i18n/request-locale';
import { importedTextFlaw } from 'src/platform/text/spreadsheet-text';
import { IngestProblems } from 'src/modules/ingest/ingest.problems';

/** A formula cell of a workbook; its computed value is never trusted as data. */
export class FormulaCell {
  constructor(readonly formula: string) {}
}

/**
 * An Excel error value (`#REF!`, `#N/A`, `#VALUE!`, `#DIV/0!`, `#NAME?`, `#NULL!`, `#NUM!`, …) held
 * by a cell as its value, typically a failed formula pasted as values: never data, never empty.
 */
export class ErrorCell {
  constructor(readonly error: string) {}
}

/**
 * Excel's error values as a CSV export (or a paste) writes them: text, but still a failed formula.
 * The classic seven and the ones newer Excel shows (dynamic arrays, data types, Python).
 */
const EXCEL_ERRORS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#PYTHON!',
]);
const LONGEST_ERROR = Math.max(...[...EXCEL_ERRORS].map((e) => e.length));
const HASH = 35;
const SPACE = 32;

/**
 * A CSV cell as the workbook reader would have seen it: the whole cell (spaces aside, any letter
 * case, as Excel reads what is typed) naming an Excel error is that error cell, refused like one;
 * anything else, `#N/A` inside a sentence included, stays text.
 */
export function csvCellValue(cell: string): string | ErrorCell {
  // Cheap for the millions of ordinary cells: only a short cell starting with '#' (or a space) can be one.
  const first = cell.charCodeAt(0);
  if (cell.length > LONGEST_ERROR + 8 || (first !== HASH && first > SPACE)) return cell;
  const error = cell.trim().toUpperCase();
  return EXCEL_ERRORS.has(error) ? new ErrorCell(error) : cell;
}

const NONE: FieldError[] = [];

/** A reason in the language of the import's request or job (row reports are stored as read). */
const reason = (problem: ProblemFactory, params?: TemplateParams) =>
  renderMessage(problem.message(params), currentLocale());

/**
 * Checks every reader applies before the row schema: no workbook formulas or error values, no oversized cells,
 * and text as any stored text must be (the shared rule: a leading = + - @ is text like any other).
 */
export function cellProblems(values: Record<string, unknown>, maxCellLength: number): FieldError[] {
  let problems: FieldError[] | undefined;
  for (const field in values) {
    const value = values[field];
    if (value instanceof FormulaCell) {
      (problems ??= []).push({
        field,
        message: reason(IngestProblems.formulaCell),
        code: IngestProblems.formulaCell.code,
      });
    } else if (value instanceof ErrorCell) {
      (problems ??= []).push({
        field,
        message: reason(IngestProblems.errorCell, { error: value.error }),
        code: IngestProblems.errorCell.code,
      });
    } else if (typeof value === 'string') {
      const flaw = importedTextFlaw(value);
      const problem =
        flaw === 'nul'
          ? RequestProblems.nulCharacter
          : flaw
            ? RequestProblems.unpairedSurrogate
            : value.length > maxCellLength
              ? IngestProblems.cellTooLong
              : undefined;
      if (problem)
        (problems ??= []).push({
          field,
          message: reason(problem, { field, limit: maxCellLength }),
          code: problem.code,
        });
    }
  }
  return problems ?? NONE;
}
