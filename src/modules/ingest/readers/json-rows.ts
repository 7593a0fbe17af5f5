import { readFile } from 'node:fs/promises';
import type { Column } from '../kinds/import-kind';
import { FileProblem, ReaderLimits, SourceRow } from './file-problem';

/** A JSON array of objects, or `{ "rows": [...] }`; row 1 is the first object, as the answer reports. */
export async function* jsonRows(path: string, _columns: Column[], limits: ReaderLimits): AsyncGenerator<SourceRow[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new FileProblem(`The JSON cannot be parsed: ${(e as Error).message}`);
  }
  const rows = Array.isArray(parsed) ? parsed : (parsed as { rows?: unknown })?.rows;
  if (!Array.isArray(rows)) throw new FileProblem('The JSON must be an array of rows or an object with a "rows" array');
  if (rows.length > limits.maxRows) throw new FileProblem(`More than ${limits.maxRows} rows; split the import`, 413);
  for (const [i, item] of rows.entries()) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new FileProblem(`Row ${i + 1} is not an object`);
  }
  // Unknown keys are left in: the row schema refuses them by name.
  yield rows.map((item, i) => ({ row: i + 1, values: item as Record<string, unknown> }));
}
