import { AppError } from 'src/platform/errors/problem';
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
      throw new AppError('validation', 'file: is not valid JSON', [{ field: 'file', message: 'is not valid JSON' }]);
    }
    return bodyPipe.transform(Array.isArray(parsed) ? { rows: parsed } : parsed).rows.map((value, i) => ({ row: i + 1, value }));
  }
  throw new AppError('unsupported-media-type', 'file: send a .csv (UTF-8) or .json file', [{ field: 'file', message: 'must be .csv or .json' }]);
}

function checkedCount<T>(rows: T[]): T[] {
  const bounds = ComplaintImportBody.shape.rows.safeParse(rows);
  if (!bounds.success) throw new AppError('validation', `file: ${bounds.error.issues[0].message}`, [{ field: 'file', message: bounds.error.issues[0].message }]);
  return rows;
}
