/**
 * Hostile workbooks against the import's XLSX reader: peak RSS and time of reading each in a
 * process of its own (the reader alone; the database side is the same for every file).
 * `npx tsx bench/xlsx-hostile.ts`
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importKinds } from 'src/modules/ingest/kinds';
import { xlsxRows } from 'src/modules/ingest/readers/xlsx-rows';
import { deflatedRepeat, workbookParts, zipOf } from '../test/support/files';

const HEADER = ['queue', 'slotStart', 'slotMinutes', 'offered', 'handled', 'abandoned'];
const SST = '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
/** The import's own limits for a 200 MB upload. */
const limits = { maxRows: 2_000_000, maxCellLength: 20_000, maxUncompressedBytes: 10 * 200 * 2 ** 20 };

/** Distinct, poorly compressible texts: an honest file has to be big to hold them. */
const text = (i: number, length: number) => {
  let s = '';
  for (let x = i * 2654435761; s.length < length; x = (x * 1103515245 + 12345) >>> 0) s += (x >>> 8).toString(36);
  return s.slice(0, length);
};

const files: Record<string, () => Buffer> = {
  // The report's file: sharedStrings.xml declared as 5,000 bytes, 4.57 GB unpacked.
  'lying-sharedStrings-4.57GB': () => {
    const strings = deflatedRepeat(
      SST + HEADER.map((h) => `<si><t>${h}</t></si>`).join(''),
      `<si><t>${'x'.repeat(1000)}</t></si>`.repeat(1000),
      4570,
    );
    return zipOf({
      ...workbookParts(HEADER, [[0, 1, 2, 3, 4, 5]]),
      'xl/sharedStrings.xml': { ...strings, declaredSize: 5000 },
    });
  },
  // Honest headers, as many distinct texts as the shared strings budget lets through.
  'shared-strings-at-the-budget': () => {
    const strings = [...HEADER, ...Array.from({ length: 1_700_000 }, (_, i) => text(i, 12))];
    const rows = Array.from({ length: 100_000 }, (_, y) => HEADER.map((_h, x) => (y * 6 + x) % strings.length));
    return zipOf(workbookParts(strings, rows));
  },
  // Rows just under the row limit (8 MB unpacked): 16,000 cells of 480 bytes each, ten of them.
  'ten-rows-of-7.7MB': () => {
    const column = (n: number): string =>
      (n > 26 ? column(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
    const row = (r: number) =>
      `<row r="${r}">${Array.from({ length: 16_000 }, (_, c) => `<c r="${column(c + 1)}${r}" t="inlineStr"><is><t>${text(r * 16_000 + c, 440)}</t></is></c>`).join('')}</row>`;
    const parts = workbookParts(HEADER, [[0, 1, 2, 3, 4, 5]]);
    const sheet = String(parts['xl/worksheets/sheet1.xml']).replace(
      '</sheetData>',
      `${Array.from({ length: 10 }, (_, i) => row(i + 2)).join('')}</sheetData>`,
    );
    return zipOf({ ...parts, 'xl/worksheets/sheet1.xml': sheet });
  },
  // Honest headers, more distinct texts than the budget: refused once the budget is reached.
  'shared-strings-over-the-budget': () =>
    zipOf(
      workbookParts(
        Array.from({ length: 2_500_000 }, (_, i) => text(i, 12)),
        [[0, 1, 2, 3, 4, 5]],
      ),
    ),
};

async function child(path: string): Promise<void> {
  const started = Date.now();
  const budget = { limit: limits.maxUncompressedBytes, used: 0 };
  let rows = 0;
  let outcome = 'read';
  try {
    for await (const batch of xlsxRows(path, importKinds.volume.columns, limits, budget)) rows += batch.length;
  } catch (e) {
    outcome = `refused: ${(e as Error).message}`;
  }
  const peak = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
  process.stdout.write(
    JSON.stringify({
      rows,
      unpackedMb: Math.round(budget.used / 2 ** 20),
      seconds: (Date.now() - started) / 1000,
      peakRssMb: Math.round(peak),
      outcome,
    }) + '\n',
  );
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3]);
  const dir = mkdtempSync(join(tmpdir(), 'wfm-xlsx-hostile-'));
  try {
    for (const [name, build] of Object.entries(files)) {
      const path = join(dir, `${name}.xlsx`);
      const bytes = build();
      writeFileSync(path, bytes);
      process.stdout.write(`${name}: ${(bytes.length / 2 ** 20).toFixed(1)} MB file → `);
      await new Promise<void>((resolve, reject) => {
        const p = spawn(process.execPath, [...process.execArgv, __filename, '--child', path], { stdio: 'inherit' });
        p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited with ${code}`))));
      });
      rmSync(path);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
