import { createReadStream } from 'node:fs';
import type { Column } from 'src/modules/ingest/kinds/import-kind';
import { csvCellValue } from './cell-checks';
import { CsvEndsInQuotes, CsvRecords, CsvRecordTooLong } from './csv-records';
import { text } from 'src/platform/i18n/locale';
import { IngestProblems } from 'src/modules/ingest/ingest.problems';
import { count as formatCount, FileProblem, ReaderLimits, SourceRow } from './file-problem';
import { isTitleRow, mapHeader, MAX_TITLE_ROWS } from './header-mapping';

/**
 * The longest record (row) a file may have, in characters: far above any real row (cells are at
 * most 20,000 characters) and small enough to hold; a file whose line breaks were lost is refused
 * at the row where it happened instead of being held whole.
 */
export const MAX_RECORD_LENGTH = 1_000_000;

function checkDelimiter(header: string[]): void {
  if (header.length > 1) return;
  const other = [';', '\t', '|'].find((d) => header[0]?.includes(d));
  if (other)
    throw new FileProblem(IngestProblems.delimiter, {
      delimiter: other === '\t' ? text('tabs', '制表符') : text(`"${other}"`, `“${other}”`),
    });
}

/**
 * Streams the rows of a CSV file (UTF-8, comma-separated, header in the first row), a batch per
 * chunk read. Decoding is strict: a GBK/GB18030 export would otherwise turn into silent garbage.
 */
export async function* csvRows(path: string, columns: Column[], limits: ReaderLimits): AsyncGenerator<SourceRow[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const parser = new CsvRecords(MAX_RECORD_LENGTH);
  let keys: (string | null)[] | undefined;
  let count = 0;
  let titleRows = 0;
  let bytes = 0;
  const rowsOf = (records: string[][]): SourceRow[] => {
    const rows: SourceRow[] = [];
    for (const record of records) {
      if (!keys) {
        // Another delimiter is named first (its whole header is one cell); then a template's title
        // block saved as CSV (one text, then empty cells) is passed over.
        checkDelimiter(record);
        if (titleRows < MAX_TITLE_ROWS && isTitleRow(record, columns)) {
          titleRows++;
          continue;
        }
        keys = mapHeader(record, columns);
        continue;
      }
      if (++count > limits.maxRows) throw new FileProblem(IngestProblems.tooManyRows, { limit: limits.maxRows });
      const values: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const cell = record[i];
        // An Excel error exported as text is refused at its cell, as the workbook reader refuses it.
        if (key && cell !== undefined && cell !== '') values[key] = csvCellValue(cell);
      }
      // Records, not lines: a quoted cell may span lines, as transcripts do. The header follows the title rows.
      rows.push({ row: count + 1 + titleRows, values });
    }
    return rows;
  };
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new FileProblem(IngestProblems.notUtf8, { byte: bytes });
    }
  };
  try {
    // Small chunks keep each synchronous stretch of parsing short, so the database writer's
    // replies are handled promptly and reading and storing really overlap (1 MB chunks made
    // a million-row import 50 % slower).
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
      const text = decode(chunk);
      bytes += chunk.length;
      const rows = rowsOf(parser.push(text));
      if (rows.length) yield rows;
    }
    const rest = rowsOf([...parser.push(decode()), ...parser.end()]);
    if (rest.length) yield rest;
  } catch (e) {
    if (e instanceof FileProblem) throw e;
    if (e instanceof CsvRecordTooLong)
      throw new FileProblem(IngestProblems.recordTooLong, { row: e.record, limit: formatCount(e.limit) }, e.record);
    if (e instanceof CsvEndsInQuotes) throw new FileProblem(IngestProblems.endsInQuotes);
    throw e;
  }
  if (!keys) throw new FileProblem(IngestProblems.empty);
}
