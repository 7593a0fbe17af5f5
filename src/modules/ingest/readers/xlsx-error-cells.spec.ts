import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Column } from 'src/modules/ingest/kinds/import-kind';
import { IngestProblems } from 'src/modules/ingest/ingest.problems';
import { renderMessage } from 'src/platform/errors/problem';
import { cellProblems, ErrorCell } from './cell-checks';
import { FileProblem, SourceRow } from './file-problem';
import { xlsxRows } from './xlsx-rows';

const folder = mkdtempSync(join(tmpdir(), 'wfm-error-cells-'));
const LIMITS = { maxRows: 100, maxCellLength: 2_000, maxUncompressedBytes: 2 ** 24 };
const column = (key: string, required = false): Column => ({ key, zh: key, en: key, example: '', required });
const COLUMNS = [column('queue', true), column('offered', true), column('handled'), column('note')];
const ERRORS = ['#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NULL!', '#NUM!'];

let n = 0;
async function book(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  for (const r of rows) ws.addRow(r);
  const path = join(folder, `book-${n++}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

async function read(path: string): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const batch of xlsxRows(path, COLUMNS, LIMITS)) rows.push(...batch);
  return rows;
}

describe('workbook reader: Excel error values pasted as values', () => {
  it('keeps each error value as a cell to refuse, never as empty, and refuses it at its field with the error', async () => {
    const path = await book([
      ['queue', 'offered', 'handled', 'note'],
      ...ERRORS.map((error) => ['presales_chat', { error }, 3, 'ok']),
      [{ error: '#N/A' }, { error: '#REF!' }, null, null],
    ]);
    const rows = await read(path);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    rows.slice(0, ERRORS.length).forEach((r, i) => {
      expect(r.values.offered).toEqual(new ErrorCell(ERRORS[i]));
      const problems = cellProblems(r.values, LIMITS.maxCellLength);
      expect(problems).toEqual([expect.objectContaining({ field: 'offered', code: IngestProblems.errorCell.code })]);
      expect(problems[0].message).toContain(ERRORS[i]);
    });
    expect(cellProblems(rows[ERRORS.length].values, LIMITS.maxCellLength).map((p) => p.field)).toEqual([
      'queue',
      'offered',
    ]);
  });

  it('says what the refusal says in both languages', () => {
    const message = IngestProblems.errorCell.message({ error: '#DIV/0!' });
    expect(renderMessage(message, 'en')).toBe(
      'holds the Excel error #DIV/0!, not a value (a formula that failed, pasted as values); write the value itself',
    );
    expect(renderMessage(message, 'zh')).toBe(
      '含有 Excel 错误值 #DIV/0!，而不是数据（出错的公式被粘贴为值），请填写实际内容',
    );
  });

  it('keeps a row of nothing but error values (not skipped as empty), and names an error in the header as the sheet shows it', async () => {
    const onlyErrors = await book([['queue', 'offered'], [{ error: '#N/A' }]]);
    expect((await read(onlyErrors)).map((r) => r.values)).toEqual([{ queue: new ErrorCell('#N/A') }]);
    const header = await book([['queue', 'offered', { error: '#REF!' }]]);
    const refused = await read(header).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FileProblem);
    expect(refused).toMatchObject({ problem: IngestProblems.unknownColumns });
    expect(JSON.stringify((refused as FileProblem).params)).toContain('#REF!');
  });
});
