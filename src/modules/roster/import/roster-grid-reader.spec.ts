import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { FileProblem } from 'src/modules/ingest/readers/file-problem';
import { renderedErrors } from 'src/platform/errors/problem';
import { readRosterGrid } from './roster-grid-reader';

const WEEK = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'];
const day = (date: string) => new Date(`${date}T00:00:00Z`);
/** The shop's date when the file is read: header days without a year are placed near it. */
const TODAY = '2026-11-25';

describe('roster grid reader', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'roster-grid-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  /** A workbook of a title row, the header row and the data rows (as the export lays them out). */
  const book = async (header: unknown[], rows: unknown[][]) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('排班表');
    sheet.addRow(['周排班表']);
    sheet.addRow(header);
    for (const row of rows) sheet.addRow(row);
    const path = join(folder, `${Math.random().toString(36).slice(2)}.xlsx`);
    await workbook.xlsx.writeFile(path);
    return path;
  };
  const refusal = async (path: string) => {
    const problem = await readRosterGrid(path, TODAY).then(
      () => null,
      (e: unknown) => e,
    );
    expect(problem).toBeInstanceOf(FileProblem);
    const error = (problem as FileProblem).toAppError();
    return {
      code: error.code,
      en: renderedErrors(error.errors ?? [], 'en'),
      zh: renderedErrors(error.errors ?? [], 'zh'),
      detail: error.detailIn('zh'),
    };
  };

  it('reads the grid under a header of 工号 and the seven days, wherever the columns stand', async () => {
    const grid = await readRosterGrid(
      await book(['客服', '工号', ...WEEK.map(day)], [['张三', 'CS0001', 'E', '休', 'E', 'E', 'L', '休', 'L']]),
      TODAY,
    );
    expect(grid).toMatchObject({
      sheet: '排班表',
      dates: WEEK,
      employeeNoColumn: 1,
      dayColumns: [2, 3, 4, 5, 6, 7, 8],
    });
    expect(grid.rows).toEqual([
      expect.objectContaining({ row: 3, employeeNo: 'CS0001', days: ['E', '休', 'E', 'E', 'L', '休', 'L'] }),
    ]);
    // A column put between the days (a note) leaves them readable.
    const noted = await readRosterGrid(
      await book(
        ['Employee no.', ...WEEK.slice(0, 3).map(day), 'Note', ...WEEK.slice(3).map(day)],
        [['CS0001', 'E', 'E', 'E', 'x', 'L', 'L', '休']],
      ),
      TODAY,
    );
    expect(noted.dayColumns).toEqual([1, 2, 3, 5, 6, 7, 8]);
    expect(noted.rows[0].days).toEqual(['E', 'E', 'E', 'L', 'L', '休', '']);
  });

  it('says the employee-number column is required when the header has the days but not it', async () => {
    const res = await refusal(await book(['客服', ...WEEK.map(day)], [['张三', 'E', 'E', 'E', 'E', 'E', '休', '休']]));
    expect(res.code).toBe('ingest.missing-columns');
    expect(res.en).toEqual([
      expect.objectContaining({ field: 'employeeNo', message: 'column Employee no. is required' }),
    ]);
    expect(res.zh).toEqual([expect.objectContaining({ field: 'employeeNo', message: '缺少必填列 工号' })]);
    expect(res.detail).toBe('缺少必填列：工号');
  });

  it('names each day column the header lacks by its date and weekday, with the employee number if gone too', async () => {
    const withoutWednesday = WEEK.filter((d) => d !== '2026-12-02').map(day);
    const res = await refusal(await book(['工号', ...withoutWednesday], [['CS0001', 'E', 'E', 'E', 'E', '休', '休']]));
    expect(res.en).toEqual([
      expect.objectContaining({ field: '2026-12-02', message: 'column 2026-12-02 (Wed) is required' }),
    ]);
    expect(res.zh).toEqual([
      expect.objectContaining({ field: '2026-12-02', message: '缺少必填列 2026-12-02（周三）' }),
    ]);
    const both = await refusal(await book(['客服', ...WEEK.slice(0, 5).map(day)], [['张三', 'E', 'E', 'E', 'E', 'E']]));
    expect(both.en.map((e) => e.field)).toEqual(['employeeNo', '2026-12-05', '2026-12-06']);
    expect(both.en.map((e) => e.message)).toEqual([
      'column Employee no. is required',
      'column 2026-12-05 (Sat) is required',
      'column 2026-12-06 (Sun) is required',
    ]);
  });

  it('finds no grid in dates that are no week, and still refuses a week that does not start on Monday', async () => {
    const twoWeeks = await refusal(await book(['工号', day('2026-11-30'), day('2026-12-08')], [['CS0001', 'E', 'E']]));
    expect(twoWeeks.code).toBe('roster-import.no-grid');
    const backwards = await refusal(await book(['工号', day('2026-12-02'), day('2026-12-01')], [['CS0001', 'E', 'E']]));
    expect(backwards.code).toBe('roster-import.no-grid');
    const noDays = await refusal(await book(['工号', '客服', '周一'], [['CS0001', '张三', 'E']]));
    expect(noDays.code).toBe('roster-import.no-grid');
    const tuesday = WEEK.map((d) => day(d)).map((d) => new Date(d.getTime() + 86_400_000));
    expect((await refusal(await book(['工号', ...tuesday], [['CS0001']]))).code).toBe('roster-import.not-monday');
  });
});
