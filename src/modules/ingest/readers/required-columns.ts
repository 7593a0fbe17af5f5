import type { z } from 'zod';
import type { AppError } from 'src/platform/errors/problem';
import type { Text } from 'src/platform/i18n/locale';
import { IngestProblems } from 'src/modules/ingest/ingest.problems';
import { FileProblem } from './file-problem';

/**
 * A required column: its field key (also its name when the file's header is keys), or the key with
 * the name a header shows for it in each language (a roster grid's 工号 / Employee no.).
 */
export type RequiredColumn = string | { field: string; name: Text };

const fieldOf = (c: RequiredColumn) => (typeof c === 'string' ? c : c.field);
const nameOf = (c: RequiredColumn) => (typeof c === 'string' ? c : c.name);

/** The refusal of a file without some required columns: one 422 naming each (`column X is required`). */
export function missingColumnsError(columns: readonly RequiredColumn[]): AppError {
  return IngestProblems.missingColumns(
    { columns: columns.map(nameOf) },
    {
      errors: columns.map((column) => ({
        field: fieldOf(column),
        message: IngestProblems.columnRequired.message({ column: nameOf(column) }),
        code: IngestProblems.columnRequired.code,
      })),
    },
  );
}

/** A file problem (nothing stored) whose answer names each missing column. */
export class MissingColumns extends FileProblem {
  constructor(readonly columns: readonly RequiredColumn[]) {
    super(IngestProblems.missingColumns, { columns: columns.map(nameOf) });
  }

  override toAppError(): AppError {
    return missingColumnsError(this.columns);
  }
}

/** The required columns a file does not have, in the order they are required. */
export const missingOf = (present: ReadonlySet<string>, required: readonly string[]) =>
  required.filter((c) => !present.has(c));

/** A JSON file's columns: every key some row has (checked once, as a header would be). */
export function keysOfRows(rows: readonly unknown[]): Set<string> {
  const keys = new Set<string>();
  for (const row of rows) if (row && typeof row === 'object') for (const key in row) keys.add(key);
  return keys;
}

/** Keys of an object schema a row may not leave out: neither optional nor defaulted. */
export function requiredKeys(shape: Record<string, z.ZodType>): string[] {
  return Object.keys(shape).filter((key) => !shape[key].safeParse(undefined).success);
}

/** Whether a cell holds nothing: absent, null or blank text (as every cell parser reads it). */
export const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
