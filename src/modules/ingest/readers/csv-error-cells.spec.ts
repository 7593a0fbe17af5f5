import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Column } from 'src/modules/ingest/kinds/import-kind';
import { IngestProblems } from 'src/modules/ingest/ingest.problems';
import { cellProblems, ErrorCell } from './cell-checks';
import { csvRows } from './csv-rows';
import type { SourceRow } from './file-problem';

const folder = mkdtempSync(join(tmpdir(), 'wfm-csv-error-cells-'));
const LIMITS = { maxRows: 100, maxCellLength: 2_000, maxUncompressedBytes: 2 ** 24 };
const column = (key: string, required = false): Column => ({ key, zh: key, en: key, example: '', required });
const COLUMNS = [column('queue', true), column('offered', true), column('handled'), column('note')];

let n = 0;
async function read(lines: string[]): Promise<SourceRow[]> {
  const path = join(folder, `file-${n++}.csv`);
  writeFileSync(path, lines.join('\r\n'));
  const rows: SourceRow[] = [];
  for await (const batch of csvRows(path, COLUMNS, LIMITS)) rows.push(...batch);
  return rows;
}

describe('CSV reader: Excel error values exported as text', () => {
  it('reads a cell that is an Excel error as that error cell, refused at its field like the workbook reader’s', async () => {
    const rows = await read([
      'queue,offered,handled,note',
      'presales_chat,#N/A,3,ok',
      'presales_chat,10,#VALUE!,ok',
      'presales_chat,10,3,#DIV/0!',
      '#REF!,10, #n/a ,ok',
    ]);
    expect(rows.map((r) => r.values)).toEqual([
      { queue: 'presales_chat', offered: new ErrorCell('#N/A'), handled: '3', note: 'ok' },
      { queue: 'presales_chat', offered: '10', handled: new ErrorCell('#VALUE!'), note: 'ok' },
      { queue: 'presales_chat', offered: '10', handled: '3', note: new ErrorCell('#DIV/0!') },
      { queue: new ErrorCell('#REF!'), offered: '10', handled: new ErrorCell('#N/A'), note: 'ok' },
    ]);
    const refused = rows.map((r) => cellProblems(r.values, LIMITS.maxCellLength));
    expect(refused.map((p) => p.map((e) => [e.field, e.code]))).toEqual([
      [['offered', IngestProblems.errorCell.code]],
      [['handled', IngestProblems.errorCell.code]],
      [['note', IngestProblems.errorCell.code]],
      [
        ['queue', IngestProblems.errorCell.code],
        ['handled', IngestProblems.errorCell.code],
      ],
    ]);
    expect(refused[0][0].message).toContain('#N/A');
  });

  it('keeps text that only mentions an error, or starts with #, as text', async () => {
    const rows = await read(['queue,offered,note', 'presales_chat,10,shows #N/A in the report', '#vip,10,#1 queue']);
    expect(rows.map((r) => r.values)).toEqual([
      { queue: 'presales_chat', offered: '10', note: 'shows #N/A in the report' },
      { queue: '#vip', offered: '10', note: '#1 queue' },
    ]);
    expect(rows.flatMap((r) => cellProblems(r.values, LIMITS.maxCellLength))).toEqual([]);
  });
});
