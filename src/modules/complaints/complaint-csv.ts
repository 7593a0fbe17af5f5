import { CsvRecords } from 'src/modules/ingest/readers/csv-records';
import { missingColumnsError, missingOf } from 'src/modules/ingest/readers/required-columns';
import { COMPLAINT_REQUIRED_COLUMNS } from './complaint.dto';

const BOOLEAN_COLUMNS = new Set(['agentAtFault', 'negativeReview']);
const TRUE = new Set(['true', '1', 'yes', 'y', '是']);
const FALSE = new Set(['false', '0', 'no', 'n', '否']);

/** A CSV cell as the JSON value the intake schema expects: blank is absent, 是/否 and 1/0 are booleans. */
function cellValue(column: string, raw: string): unknown {
  const value = raw.trim();
  if (!BOOLEAN_COLUMNS.has(column)) return value;
  const lower = value.toLowerCase();
  return TRUE.has(lower) ? true : FALSE.has(lower) ? false : value;
}

/**
 * Rows of a complaints CSV (UTF-8, header of the JSON field names) as objects for the same schema
 * that checks POST /complaints. Row numbers count the header as row 1.
 */
export function complaintRowsFromCsv(text: string): { row: number; value: Record<string, unknown> }[] {
  const reader = new CsvRecords();
  const records = [...reader.push(text.replace(/^\uFEFF/, '')), ...reader.end()];
  if (!records.length) return [];
  const header = records[0].map((h) => h.trim());
  // Checked once from the header: a column left out is named as such, not as a bad cell in every row.
  const missing = missingOf(new Set(header), COMPLAINT_REQUIRED_COLUMNS);
  if (missing.length) throw missingColumnsError(missing);
  return records.slice(1).map((cells, index) => {
    const value: Record<string, unknown> = {};
    cells.forEach((cell, i) => {
      const column = header[i] || `column${i + 1}`;
      if (cell.trim() !== '') value[column] = cellValue(column, cell);
    });
    return { row: index + 2, value };
  });
}
