import { readFile } from 'node:fs/promises';
import type { Column } from 'src/modules/ingest/kinds/import-kind';
import { IngestProblems } from 'src/modules/ingest/ingest.problems';
import { FileProblem, ReaderLimits, SourceRow } from './file-problem';
import { keysOfRows, missingOf, MissingColumns } from './required-columns';

/** A JSON array of objects, or `{ "rows": [...] }`; row 1 is the first object, as the answer reports. */
export async function* jsonRows(path: string, columns: Column[], limits: ReaderLimits): AsyncGenerator<SourceRow[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new FileProblem(IngestProblems.jsonInvalid, { reason: (e as Error).message });
  }
  const rows = Array.isArray(parsed) ? parsed : (parsed as { rows?: unknown })?.rows;
  if (!Array.isArray(rows)) throw new FileProblem(IngestProblems.jsonShape, { rows: '"rows"' });
  if (rows.length > limits.maxRows) throw new FileProblem(IngestProblems.tooManyRows, { limit: limits.maxRows });
  for (const [i, item] of rows.entries()) {
    if (!item || typeof item !== 'object' || Array.isArray(item))
      throw new FileProblem(IngestProblems.jsonRowNotObject, { row: i + 1 }, i + 1);
  }
  // The keys the rows have are the file's columns: a required one no row has is missing, not a bad cell.
  const missing = rows.length
    ? missingOf(
        keysOfRows(rows),
        columns.filter((c) => c.required).map((c) => c.key),
      )
    : [];
  if (missing.length) throw new MissingColumns(missing);
  // Unknown keys are left in: the row schema refuses them by name.
  yield rows.map((item, i) => ({ row: i + 1, values: item as Record<string, unknown> }));
}
