/**
 * One CSV line of 10 and 20 MB without a line break (a file whose line breaks were lost): time of
 * the record reader over it in 64 KB chunks, as the import reads files, and characters examined.
 * Then the import's reader on the 20 MB file, which refuses it at the row that grows too long.
 * `npx tsx bench/csv-long-line.ts`
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importKinds } from 'src/modules/ingest/kinds';
import { CsvRecords } from 'src/modules/ingest/readers/csv-records';
import { csvRows } from 'src/modules/ingest/readers/csv-rows';

const CHUNK = 1 << 16;

function readRecords(text: string): { ms: number; scanned: number | undefined; cells: number } {
  const parser = new CsvRecords();
  const started = performance.now();
  let cells = 0;
  for (let at = 0; at < text.length; at += CHUNK)
    for (const r of parser.push(text.slice(at, at + CHUNK))) cells += r.length;
  for (const r of parser.end()) cells += r.length;
  return { ms: Math.round(performance.now() - started), scanned: (parser as { scanned?: number }).scanned, cells };
}

async function main(): Promise<void> {
  for (const mb of [10, 20]) {
    const unquoted = `a,b\n1,${'x'.repeat(mb * 2 ** 20)}`;
    const quoted = `a,b\n1,"${'y'.repeat(mb * 2 ** 19)}\n${'z'.repeat(mb * 2 ** 19)}"`;
    for (const [kind, text] of [
      ['unquoted', unquoted],
      ['quoted, one line break inside', quoted],
    ] as const) {
      const r = readRecords(text);
      process.stdout.write(
        `${mb} MB ${kind}: ${r.ms} ms, ${r.scanned ?? '?'} characters examined (${r.cells} cells)\n`,
      );
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'wfm-csv-line-'));
  try {
    const path = join(dir, 'volume.csv');
    writeFileSync(
      path,
      `queue,slotStart,slotMinutes,offered,handled,abandoned\npresales_chat,2026-01-05 10:00,30,1,1,${'0'.repeat(20 * 2 ** 20)}`,
    );
    const started = performance.now();
    let outcome = 'read';
    try {
      for await (const batch of csvRows(path, importKinds.volume.columns, {
        maxRows: 2_000_000,
        maxCellLength: 20_000,
      }))
        void batch;
    } catch (e) {
      outcome = `refused: ${(e as Error).message}`;
    }
    process.stdout.write(`import reader, 20 MB line: ${Math.round(performance.now() - started)} ms, ${outcome}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
