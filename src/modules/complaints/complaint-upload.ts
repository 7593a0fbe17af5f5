import { currentLocale } from 'src/platform/i18n/request-locale';
import { zodErrorMap } from 'src/platform/i18n/zod-messages';
import { ComplaintProblems } from './complaints.problems';
import { ZodPipe } from 'src/platform/http/validation';
import { ComplaintImportBody } from './complaint.dto';
import { complaintRowsFromCsv } from './complaint-csv';

/** Complaint files are small (a day's or week's worth); bigger ones are split. */
export const IMPORT_MAX_BYTES = 2 * 2 ** 20;

const bodyPipe = new ZodPipe(ComplaintImportBody, 'body');

/** The rows of an import request: an uploaded .csv/.json file, or a JSON body `{ rows }`. */
export function importRowsOf(file: Express.Multer.File | undefined, body: unknown): { row: number; value: unknown }[] {
  if (!file) return bodyPipe.transform(body).rows.map((value, i) => ({ row: i + 1, value }));
  const text = file.buffer.toString('utf8');
  const name = file.originalname.toLowerCase();
  if (name.endsWith('.csv') || file.mimetype === 'text/csv') return checkedCount(complaintRowsFromCsv(text));
  if (name.endsWith('.json') || file.mimetype === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      throw ComplaintProblems.fileNotJson.at('file');
    }
    return bodyPipe.transform(Array.isArray(parsed) ? { rows: parsed } : parsed).rows.map((value, i) => ({ row: i + 1, value }));
  }
  throw ComplaintProblems.fileType.at('file');
}

function checkedCount<T>(rows: T[]): T[] {
  const bounds = ComplaintImportBody.shape.rows.safeParse(rows, { error: zodErrorMap(currentLocale()) });
  if (!bounds.success) throw ComplaintProblems.fileRows.at('file', { detail: bounds.error.issues[0].message });
  return rows;
}
