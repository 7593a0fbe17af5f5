import { createReadStream } from 'node:fs';
import type { Column } from '../kinds/import-kind';
import { CsvRecords } from './csv-records';
import { FileProblem, ReaderLimits, SourceRow } from './file-problem';
import { mapHeader } from './header-mapping';

function checkDelimiter(header: string[]): void {
  if (header.length > 1) return;
  const other = [';', '\t', '|'].find((d) => header[0]?.includes(d));
  if (other) throw new FileProblem(`The columns are separated by ${other === '\t' ? 'tabs' : `"${other}"`}; use commas`);
}

/**
 * Streams the rows of a CSV file (UTF-8, comma-separated, header in the first row), a batch per
 * chunk read. Decoding is strict: a GBK/GB18030 export would otherwise turn into silent garbage.
 */
export async function* csvRows(path: string, columns: Column[], limits: ReaderLimits): AsyncGenerator<SourceRow[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const parser = new CsvRecords();
  let keys: (string | null)[] | undefined;
  let count = 0;
  let bytes = 0;
  const rowsOf = (records: string[][]): SourceRow[] => {
    const rows: SourceRow[] = [];
    for (const record of records) {
      if (!keys) {
        checkDelimiter(record);
        keys = mapHeader(record, columns);
        continue;
      }
      if (++count > limits.maxRows) throw new FileProblem(`The file has more than ${limits.maxRows} rows; split it`, 413);
      const values: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const cell = record[i];
        if (key && cell !== undefined && cell !== '') values[key] = cell;
      }
      // Records, not lines: a quoted cell may span lines, as transcripts do. The header is row 1.
      rows.push({ row: count + 1, values });
    }
    return rows;
  };
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new FileProblem(`The file is not UTF-8 text (near byte ${bytes}); save it as "CSV UTF-8" (GBK/GB18030 is not accepted)`);
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
    throw new FileProblem(`The CSV cannot be read: ${(e as Error).message}`);
  }
  if (!keys) throw new FileProblem('The file is empty: a header row is required');
}
