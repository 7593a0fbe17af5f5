import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { FileProblem } from 'src/modules/ingest/readers/file-problem';
import { headerDay } from './grid-days';
import { readRosterGrid } from './roster-grid-reader';
import { RosterImportProblems } from './roster-import.problems';

const folder = mkdtempSync(join(tmpdir(), 'wfm-grid-'));
const TODAY = '2026-12-03';
const WEEK = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'];
const dates = WEEK.map((d) => new Date(`${d}T00:00:00Z`));

let n = 0;
async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  build(book);
  const path = join(folder, `grid-${n++}.xlsx`);
  await book.xlsx.writeFile(path);
  return path;
}

/** A sheet as a manager lays it out: title, header with the days, one row per agent. */
function grid(book: ExcelJS.Workbook, name: string, days: unknown[], rows: unknown[][]): ExcelJS.Worksheet {
  const ws = book.addWorksheet(name);
  ws.addRow(['示例店 周排班表']);
  ws.addRow([]);
  ws.addRow(['工号', '客服', ...days]);
  for (const r of rows) ws.addRow(r);
  return ws;
}

const refusal = async (path: string) => {
  const e = await readRosterGrid(path, TODAY).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(FileProblem);
  return e as FileProblem;
};

describe('roster grid reader: managers’ own workbooks and hostile ones', () => {
  it('finds the grid on a later sheet and names that sheet', async () => {
    const path = await workbook((book) => {
      book.addWorksheet('说明').addRow(['本周排班，请勿改动表头']);
      grid(book, '十二月第二周', dates, [['CS0001', '小王', 'E 08:00–17:00', '休']]);
    });
    const read = await readRosterGrid(path, TODAY);
    expect(read).toMatchObject({ sheet: '十二月第二周', dates: WEEK, dayColumns: [2, 3, 4, 5, 6, 7, 8] });
    expect(read.rows).toEqual([
      expect.objectContaining({ row: 4, employeeNo: 'CS0001', days: ['E 08:00–17:00', '休', '', '', '', '', ''] }),
    ]);
  });

  it.each([
    ['text without a year', WEEK.map((d, i) => `${d.slice(5, 7)}/${d.slice(8)} ${'一二三四五六日'[i]}`)],
    [
      'English text',
      WEEK.map((d, i) => `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][i]} ${d.slice(5, 7)}/${d.slice(8)}`),
    ],
    ['ISO text', WEEK],
    ['Chinese dates', WEEK.map((d) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`)],
    ['serial numbers', WEEK.map((d) => Date.parse(`${d}T00:00:00Z`) / 86_400_000 + 25_569)],
  ])('reads day headers written as %s', async (_what, days) => {
    const path = await workbook((book) => grid(book, 'Roster', days, [['CS0001', '小王']]));
    expect((await readRosterGrid(path, TODAY)).dates).toEqual(WEEK);
  });

  it('takes a week across the new year from month and day alone', async () => {
    const days = ['12/28', '12/29', '12/30', '12/31', '1/1', '1/2', '1/3'];
    const path = await workbook((book) => grid(book, 'Roster', days, [['CS0001', '小王']]));
    expect((await readRosterGrid(path, '2026-12-20')).dates).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });

  it('marks formulas and merged cells over the data, not the merged title', async () => {
    const path = await workbook((book) => {
      const ws = grid(book, 'Roster', dates, [
        ['CS0001', '小王', { formula: 'D5', result: 'E 08:00–17:00' }, '休', '休'],
        ['CS0002', '小李', 'E 08:00–17:00', 'E 08:00–17:00'],
        [{ formula: '"CS"&"0003"', result: 'CS0003' }, '小张', '休'],
      ]);
      ws.mergeCells('A1:I2');
      ws.mergeCells('D4:E4');
    });
    const read = await readRosterGrid(path, TODAY);
    const [first, second, third] = read.rows;
    expect(first.dayFlaws[0]).toMatchObject({
      problem: RosterImportProblems.formulaCell,
      params: { formula: '=D5' },
    });
    expect(first.dayFlaws[1]).toMatchObject({
      problem: RosterImportProblems.mergedCells,
      params: { range: 'D4:E4' },
    });
    expect(first.dayFlaws[2]).toMatchObject({ params: { range: 'D4:E4' } });
    expect(first.dayFlaws[3]).toBeUndefined();
    expect(second.dayFlaws.every((f) => f === undefined)).toBe(true);
    expect(third.keyFlaw).toMatchObject({ problem: RosterImportProblems.formulaCell });
  });

  it('marks Excel error values pasted as values at their cells, never reading them as empty (a day off)', async () => {
    const errors = ['#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NULL!', '#NUM!'];
    const path = await workbook((book) => {
      const ws = grid(book, 'Roster', dates, [
        ['CS0001', '小王', ...errors.map((error) => ({ error }))],
        [{ error: '#N/A' }, '小李', 'E 08:00–17:00'],
        [null, { error: '#N/A' }, '休'],
        [null, null, { error: '#REF!' }],
      ]);
      ws.addRow([]);
    });
    const read = await readRosterGrid(path, TODAY);
    const [first, second, third, fourth, ...rest] = read.rows;
    expect(first.days).toEqual(['', '', '', '', '', '', '']);
    expect(first.dayFlaws).toEqual(
      errors.map((error) => ({ problem: RosterImportProblems.errorCell, params: { error } })),
    );
    expect(first.keyFlaw).toBeUndefined();
    expect(second).toMatchObject({
      employeeNo: '',
      name: '小李',
      keyFlaw: { problem: RosterImportProblems.errorCell, params: { error: '#N/A' } },
    });
    // A lookup's #N/A in the name of a row without a number: the row is kept, its name cell refused.
    expect(third).toMatchObject({
      row: 6,
      name: '',
      nameFlaw: { problem: RosterImportProblems.errorCell, params: { error: '#N/A' } },
    });
    // An error value in a row naming no agent keeps the row (to be refused), as a shift would.
    expect(fourth).toMatchObject({
      row: 7,
      employeeNo: '',
      name: '',
      dayFlaws: [{ problem: RosterImportProblems.errorCell, params: { error: '#REF!' } }, ...Array(6).fill(undefined)],
    });
    expect(rest).toEqual([]);
  });

  it('keeps a row with shifts but no agent (to be refused) or with a name but no number, and skips empty rows', async () => {
    const path = await workbook((book) => {
      const ws = book.addWorksheet('Roster');
      ws.addRow(['工号', '客服', ...dates]);
      ws.addRow([null, '小王', '早班']);
      ws.addRow([]);
      ws.addRow([null, null, 'E 08:00–17:00']);
    });
    const read = await readRosterGrid(path, TODAY);
    expect([read.employeeNoColumn, read.nameColumn]).toEqual([0, 1]);
    expect(read.rows.map((r) => [r.row, r.employeeNo, r.name, r.days[0]])).toEqual([
      [2, '', '小王', '早班'],
      [4, '', '', 'E 08:00–17:00'],
    ]);
  });

  it('refuses a workbook without a week, naming the sheets it looked in, and a week not from Monday, naming the cell', async () => {
    const none = await workbook((book) => {
      book.addWorksheet('Ranking').addRow(['名次', '客服']);
      grid(
        book,
        'Dates',
        ['2026-12-07', '2026-12-08', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13', '2026-12-14'],
        [],
      );
    });
    const noGrid = await refusal(none);
    expect(noGrid).toMatchObject({
      problem: RosterImportProblems.noGrid,
      params: { sheets: ['Ranking', 'Dates'] },
    });
    const fromTuesday = [...WEEK.slice(1), '2026-12-14'].map((d) => new Date(`${d}T00:00:00Z`));
    const tuesday = await workbook((book) => grid(book, 'Roster', fromTuesday, []));
    expect(await refusal(tuesday)).toMatchObject({
      problem: RosterImportProblems.notMonday,
      params: { date: '2026-12-08', cell: "'Roster'!C3" },
    });
  });

  it('tells dates from what is not one', () => {
    expect(headerDay('08:00')).toBeUndefined();
    expect(headerDay('E 08:00-17:00')).toBeUndefined();
    expect(headerDay('13/45')).toBeUndefined();
    expect(headerDay(12)).toBeUndefined();
    expect(headerDay('2/29')).toEqual({ month: 2, day: 29 });
    expect(headerDay('2026-02-29')).toBeUndefined();
    expect(headerDay(new Date(Date.UTC(1899, 11, 30, 8)))).toBeUndefined();
  });
});
