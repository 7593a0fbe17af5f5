import { IngestProblems } from 'src/modules/ingest/ingest.problems';
import { CsvEndsInQuotes } from 'src/modules/ingest/readers/csv-records';
import { currentLocale } from 'src/platform/i18n/request-locale';
import { zodErrorMap } from 'src/platform/i18n/zod-messages';
import { ComplaintProblems } from './complaints.problems';
import { ZodPipe } from 'src/platform/http/validation';
import { keysOfRows, missingColumnsError, missingOf } from 'src/modules/ingest/readers/required-columns';
import { COMPLAINT_REQUIRED_COLUMNS, ComplaintImportBody } from './complaint.dto';
import { complaintRowsFromCsv } from './complaint-csv';

/** Complaint files are small (a day's or week's worth); bigger ones are split. */
export const IMPORT_MAX_BYTES = 2 * 2 ** 20;

const bodyPipe = new ZodPipe(ComplaintImportBody, 'body');

/** The rows of an import request: an uploaded .csv/.json file, or a JSON body `{ rows }`. */
export function importRowsOf(file: Express.Multer.File | undefined, body: unknown): { row: number; value: unknown }[] {
  if (!file) return jsonRows(body);
  const text = utf8Text(file.buffer);
  const name = file.originalname.toLowerCase();
  if (name.endsWith('.csv') || file.mimetype === 'text/csv') return checkedCount(csvRows(text));
  if (name.endsWith('.json') || file.mimetype === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      throw ComplaintProblems.fileNotJson.at('file');
    }
    return jsonRows(Array.isArray(parsed) ? { rows: parsed } : parsed);
  }
  throw ComplaintProblems.fileType.at('file');
}

/** JSON rows: the keys the rows have are the columns; a required one no row has is missing, not a bad cell. */
function jsonRows(body: unknown): { row: number; value: unknown }[] {
  const rows = bodyPipe.transform(body).rows;
  const missing = missingOf(keysOfRows(rows), COMPLAINT_REQUIRED_COLUMNS);
  if (missing.length) throw missingColumnsError(missing);
  return rows.map((value, i) => ({ row: i + 1, value }));
}

/** The file's text, decoded strictly: a GBK export would otherwise become silent garbage. */
function utf8Text(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw IngestProblems.notUtf8.at('file', { byte: firstInvalidUtf8(bytes) });
  }
}

/** Near which byte the text stops being UTF-8 (the start of the 4 KB step where it does). */
function firstInvalidUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let at = 0; at < bytes.length; at += 4096) {
    try {
      decoder.decode(bytes.subarray(at, at + 4096), { stream: true });
    } catch {
      return at;
    }
  }
  return bytes.length;
}

function csvRows(text: string): ReturnType<typeof complaintRowsFromCsv> {
  try {
    return complaintRowsFromCsv(text);
  } catch (e) {
    if (e instanceof CsvEndsInQuotes) throw IngestProblems.endsInQuotes.at('file');
    throw e;
  }
}

function checkedCount<T>(rows: T[]): T[] {
  const bounds = ComplaintImportBody.shape.rows.safeParse(rows, { error: zodErrorMap(currentLocale()) });
  if (!bounds.success) throw ComplaintProblems.fileRows.at('file', { detail: bounds.error.issues[0].message });
  return rows;
}
