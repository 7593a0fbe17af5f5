import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeExportWorkbook } from 'src/modules/export/workbook/workbook-writer';
import type { RosterJson } from './roster-cells';
import { rosterWorkbook } from './roster.export';

const at = (local: string) => ({ utc: '', local: `${local}:00+08:00` });
const shift = {
  shiftTemplateId: 't-e',
  code: 'E',
  name: '早班',
  colour: '#8BC34A',
  skill: 'pre_sales',
  start: at('2026-12-07T08:00'),
  end: at('2026-12-07T17:00'),
  lengthMinutes: 540,
  breaks: [
    { name: 'meal', minutes: 60, paid: false, start: at('2026-12-07T12:00') },
    { name: 'rest', minutes: 15, paid: true, start: at('2026-12-07T15:15') },
  ],
  activities: [],
};
const dates = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'];
const roster = {
  weekStart: dates[0],
  version: { version: 2, status: 'published' },
  days: dates.map((date) => ({ date, hours: 24 })),
  agents: [
    {
      agentId: 'a1',
      employeeNo: 'CS0001',
      name: '欧阳娜娜',
      teamId: 'team1',
      // Day 1 whole-day leave; day 2 leave from 08:00 (after a night of the day before); day 0 a shift with leave after it.
      days: dates.map((date, d) => ({
        date,
        shift: d === 0 ? shift : null,
        absence: d === 0 ? null : d < 3 ? 'leave' : 'day-off',
        leave:
          [[{ start: '18:00', end: '20:00' }], [{ start: '00:00', end: '24:00' }], [{ start: '08:00', end: '24:00' }]][
            d
          ] ?? [],
      })),
    },
  ],
  coverage: [
    {
      skill: 'pre_sales',
      date: dates[0],
      slot: 19,
      local: '2026-12-07T09:30:00+08:00',
      required: 3.5,
      scheduled: 2,
      gap: -1.5,
    },
  ],
  dayCoverage: [],
  warnings: [],
  infeasibilities: [],
  violations: [{ rule: 'min-rest', agentIds: ['a1'], days: [0], dates: [dates[0]], detail: 'CS0001 rests 9 h' }],
} as unknown as RosterJson;
const shop = { code: 'demo', name: '示例店', currency: 'CNY', timeZone: 'Asia/Shanghai' };

async function written(lang: 'zh' | 'en', week: RosterJson = roster): Promise<ExcelJS.Workbook> {
  const path = join(mkdtempSync(join(tmpdir(), 'wfm-roster-export-')), 'roster.xlsx');
  await writeExportWorkbook(
    path,
    rosterWorkbook(shop, week, lang, {
      teams: new Map([['team1', '售前一组']]),
      skills: new Map([['pre_sales', '售前']]),
    }),
    lang,
    [],
    new Date('2026-12-01T02:00:00Z'),
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

const time = (h: number, m: number) => new Date(Date.UTC(1899, 11, 30, h, m));

describe('roster workbook', () => {
  it('has a grid of readable cells, one row per shift in date and time cells, and coverage slots as times', async () => {
    const book = await written('zh');
    const grid = book.getWorksheet('排班表')!;
    expect(grid.getCell('A1').value).toBe('示例店 周排班表');
    expect(grid.getCell('A2').value).toBe('2026-12-07 – 2026-12-13 · v2 已发布 · 生成于 2026-12-01 10:00');
    expect(grid.getCell('C3').value).toEqual(new Date('2026-12-07T00:00:00Z'));
    expect(grid.getCell('C3').numFmt).toBe('mm/dd "周一"');
    expect(grid.getCell('C4').value).toBe('E 08:00–17:00\n餐 12:00\n休息 15:15\n假 18:00–20:00');
    expect(grid.getCell('D4').value).toBe('假');
    expect(grid.getCell('E4').value).toBe('假 08:00–24:00');
    expect(grid.getCell('F4').value).toBe('休');
    // 540 minutes less the unpaid meal; the paid rest counts, as contract minutes count it.
    expect(grid.getCell('K4').value).toBe(480);
    const list = book.getWorksheet('班次明细')!;
    expect((list.getRow(3).values as unknown[]).slice(1)).toEqual([
      '工号',
      '客服',
      '小组',
      '日期',
      '班次',
      '上班',
      '下班',
      '计薪分钟',
      '用餐开始',
      '休息开始',
      '培训',
    ]);
    expect((list.getRow(4).values as unknown[]).slice(1, 10)).toEqual([
      'CS0001',
      '欧阳娜娜',
      '售前一组',
      new Date('2026-12-07T00:00:00Z'),
      'E 早班',
      time(8, 0),
      time(17, 0),
      480,
      time(12, 0),
    ]);
    expect(list.getCell('J4').value).toEqual(time(15, 15));
    expect(list.getCell('F4').numFmt).toBe('hh:mm');
    const coverage = book.getWorksheet('覆盖')!;
    expect(coverage.getCell('B4').value).toEqual(time(9, 30));
    expect(coverage.getCell('B4').numFmt).toBe('hh:mm');
    expect(coverage.getCell('C4').value).toBe('售前');
    const rules = book.getWorksheet('规则提示')!;
    expect((rules.getRow(4).values as unknown[]).slice(1)).toEqual([
      '违反规则',
      '班次间最短休息',
      new Date('2026-12-07T00:00:00Z'),
      '欧阳娜娜',
    ]);
  });

  it('in English names rules and days in English and keeps the solver’s detail', async () => {
    const book = await written('en');
    const grid = book.getWorksheet('Roster')!;
    expect(grid.getCell('C3').numFmt).toBe('"Mon" mm/dd');
    expect(grid.getCell('C4').value).toBe('E 08:00–17:00\nmeal 12:00\nbreak 15:15\nLeave 18:00–20:00');
    expect(grid.getCell('D4').value).toBe('Leave');
    expect(grid.getCell('E4').value).toBe('Leave 08:00–24:00');
    expect(grid.getCell('K3').value).toBe('Week minutes (paid breaks included)');
    expect((book.getWorksheet('Rule warnings')!.getRow(4).values as unknown[]).slice(1)).toEqual([
      'rule broken',
      'minimum rest between shifts',
      new Date('2026-12-07T00:00:00Z'),
      '欧阳娜娜',
      'CS0001 rests 9 h',
    ]);
  });

  it('gives each rest its own time column when a shift has several', async () => {
    const twoRests = {
      ...shift,
      breaks: [
        { name: 'rest', minutes: 15, paid: true, start: at('2026-12-07T10:00') },
        ...shift.breaks.map((b) => (b.name === 'rest' ? { ...b, name: 'rest2' } : b)),
      ],
    };
    const second = {
      ...roster.agents[0],
      agentId: 'a2',
      employeeNo: 'CS0002',
      name: '小李',
      days: roster.agents[0].days.map((d, i) => ({ ...d, shift: i === 0 ? twoRests : null })),
    };
    const book = await written('en', { ...roster, agents: [...roster.agents, second] } as unknown as RosterJson);
    const list = book.getWorksheet('Shifts')!;
    expect((list.getRow(3).values as unknown[]).slice(9)).toEqual([
      'Meal start',
      'Rest 1 start',
      'Rest 2 start',
      'Training',
    ]);
    expect([list.getCell('J4').value, list.getCell('K4').value]).toEqual([time(15, 15), null]);
    expect([list.getCell('J5').value, list.getCell('K5').value]).toEqual([time(10, 0), time(15, 15)]);
    expect(list.getCell('K5').numFmt).toBe('hh:mm');
  });
});
