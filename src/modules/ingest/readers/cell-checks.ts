import type { FieldError } from 'src/platform/errors/problem';

/** A formula cell of a workbook; its computed value is never trusted as data. */
export class FormulaCell {
  constructor(readonly formula: string) {}
}

const NONE: FieldError[] = [];

/** Checks every reader applies before the row schema: no formulas, no oversized cells. */
export function cellProblems(values: Record<string, unknown>, maxCellLength: number): FieldError[] {
  let problems: FieldError[] | undefined;
  for (const field in values) {
    const value = values[field];
    if (value instanceof FormulaCell || (typeof value === 'string' && value.startsWith('='))) {
      (problems ??= []).push({ field, message: 'formulas are not accepted; paste the values instead' });
    } else if (typeof value === 'string' && value.length > maxCellLength) {
      (problems ??= []).push({ field, message: `the cell is longer than ${maxCellLength} characters` });
    }
  }
  return problems ?? NONE;
}
