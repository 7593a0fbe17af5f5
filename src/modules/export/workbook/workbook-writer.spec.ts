import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ExportSheet, ExportWorkbook } from './export-sheet';
import { openWorkbookZip } from 'src/modules/ingest/readers/workbook-zip';
import { buildExportTemplate, readTemplateLooks } from './template-look';
import { writeExportWorkbook } from './workbook-writer';

const folder = mkdtempSync(join(tmpdir(), 'wfm-export-'));

const sheet: ExportSheet = {
  zh: '排名',
  en: 'Ranking',
  columns: [
    { key: 'agent', zh: '客服', en: 'Agent', kind: 'text' },
    { key: 'inquiries', zh: '咨询量', en: 'Inquiries', kind: 'integer' },
    { key: 'sales', zh: '销售额', en: 'Sales', kind: 'money' },
    { key: 'conversion', zh: '转定率', en: 'Conversion', kind: 'percent' },
    { key: 'day', zh: '日期', en: 'Date', kind: 'date' },
    { key: 'start', zh: '上班', en: 'Start', kind: 'datetime' },
  ],
  rows: [
    {
      agent: '小王',
      inquiries: 412,
      sales: 1234567,
      conversion: 0.4125,
      day: '2026-11-30',
      start: { local: '2026-11-30T09:30' },
    },
    { agent: 'Lily', inquiries: 0, sales: 0, conversion: null, day: '2026-12-01', start: '2026-12-01T21:00' },
  ],
  look: (row, column) => (column.key === 'conversion' && row.conversion === null ? { fill: 'FFFFC7CE' } : undefined),
};
const heading = {
  shop: '示例店',
  what: '月度绩效排名',
  period: '2026-11',
  state: 'v2 已审批',
  timeZone: 'Asia/Shanghai',
};
const workbook: ExportWorkbook = { fileName: 'shop-2026-11', currency: 'CNY', heading, sheets: [sheet] };
const GENERATED = new Date('2026-12-01T02:05:00Z');

async function readBack(path: string): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book.worksheets[0];
}

describe('writeExportWorkbook', () => {
  it('writes real cells: numbers as numbers, money in the currency, rates as percentages, dates as dates', async () => {
    const path = join(folder, 'cells.xlsx');
    await writeExportWorkbook(path, workbook, 'zh');
    const ws = await readBack(path);
    expect(ws.name).toBe('排名');
    expect(ws.getRow(3).values).toEqual([undefined, '客服', '咨询量', '销售额', '转定率', '日期', '上班']);
    const first = ws.getRow(4);
    expect(first.getCell(1).value).toBe('小王');
    expect(first.getCell(2).value).toBe(412);
    expect(first.getCell(3).value).toBe(12345.67);
    expect(first.getCell(3).numFmt).toContain('¥');
    expect(first.getCell(4).value).toBe(0.4125);
    expect(first.getCell(4).numFmt).toBe('0.0%');
    expect(first.getCell(5).value).toEqual(new Date('2026-11-30T00:00:00Z'));
    expect(first.getCell(6).value).toEqual(new Date('2026-11-30T09:30:00Z'));
    expect(first.getCell(6).numFmt).toBe('yyyy-mm-dd hh:mm');
    const second = ws.getRow(5);
    expect(second.getCell(2).value).toBe(0);
    expect(second.getCell(4).value).toBeNull();
    expect(second.getCell(4).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
  });

  it('names headers in English when asked', async () => {
    const path = join(folder, 'en.xlsx');
    await writeExportWorkbook(path, workbook, 'en');
    const ws = await readBack(path);
    expect(ws.name).toBe('Ranking');
    expect(ws.getRow(3).getCell(3).value).toBe('Sales');
  });

  it('takes header look, widths and print setup from the template', async () => {
    const templatePath = join(folder, 'template.xlsx');
    const template = buildExportTemplate([sheet]);
    template.worksheets[0].getColumn(1).width = 33;
    template.worksheets[0].getCell(3, 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
    await template.xlsx.writeFile(templatePath);
    const looks = await readTemplateLooks(templatePath);
    expect(looks[0].pageSetup.orientation).toBe('landscape');
    const path = join(folder, 'styled.xlsx');
    await writeExportWorkbook(path, workbook, 'zh', looks);
    const ws = await readBack(path);
    expect(ws.getColumn(1).width).toBe(33);
    // Widths the template was generated with (fitting "客服 Agent" and the like) do not widen the export's own.
    expect(ws.getColumn(2).width).toBe('咨询量'.length * 2 + 2);
    expect(ws.getRow(3).getCell(1).fill).toMatchObject({ fgColor: { argb: 'FF00B050' } });
    expect(ws.pageSetup.orientation).toBe('landscape');
  });

  it('writes formula-like text as text cells no spreadsheet evaluates (inline strings, leading tab kept)', async () => {
    const texts = ['=HYPERLINK("http://evil.example","x")', '+86 138', '-5', '@SUM(A1)', '\t=1+1', '\r=2', 'plain'];
    const path = join(folder, 'formulas.xlsx');
    await writeExportWorkbook(
      path,
      {
        ...workbook,
        heading: { ...heading, shop: '=TITLE()' },
        sheets: [{ ...sheet, rows: texts.map((agent) => ({ agent })) }],
      },
      'zh',
    );
    const zip = await openWorkbookZip(path, { maxUncompressedBytes: 2 ** 24, maxRatio: 1000, maxEntries: 100 });
    let xml = '';
    for await (const part of zip.part(
      'xl/worksheets/sheet1.xml',
      { maxBytes: 2 ** 24, maxRun: 2 ** 20 },
      { limit: 2 ** 24, used: 0 },
    ))
      xml += part;
    zip.close();
    expect(xml).not.toMatch(/<f[ >]/);
    const cells = [...xml.matchAll(/<c r="A(\d+)"([^>]*)>/g)].map((m) => ({
      row: Number(m[1]),
      type: / t="(\w+)"/.exec(m[2])?.[1],
    }));
    expect(cells.find((c) => c.row === 1)?.type).toBe('inlineStr');
    for (const [i, text] of texts.entries()) {
      const cell = cells.find((c) => c.row === i + 4)!;
      expect({ text, type: cell.type }).toEqual({ text, type: text === 'plain' ? 'str' : 'inlineStr' });
    }
    const ws = await readBack(path);
    // XML reads a raw carriage return as a line feed; the text stays text all the same.
    expect(texts.map((_t, i) => ws.getRow(i + 4).getCell(1).text)).toEqual(texts.map((t) => t.replace('\r', '\n')));
    expect(ws.getRow(4).getCell(1).formula).toBeUndefined();
  });

  it('starts with a title block merged across the table, prints landscape one page wide with the header on every page', async () => {
    const path = join(folder, 'title.xlsx');
    await writeExportWorkbook(
      path,
      { ...workbook, sheets: [sheet, { ...sheet, zh: '台账', en: 'Ledger' }] },
      'zh',
      [],
      GENERATED,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const [ws, second] = book.worksheets;
    expect(ws.getCell('A1').value).toBe('示例店 月度绩效排名');
    expect(ws.getCell('A2').value).toBe('2026-11 · v2 已审批 · 生成于 2026-12-01 10:05');
    expect(second.getCell('A1').value).toBe('示例店 月度绩效排名 — 台账');
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:F1', 'A2:F2']));
    expect(ws.getCell('F1').isMerged).toBe(true);
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:3',
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    await writeExportWorkbook(path, workbook, 'en', [], GENERATED);
    const en = await readBack(path);
    expect(en.getCell('A2').value).toBe('2026-11 · v2 已审批 · Generated 2026-12-01 10:05');
  });

  it('writes day headers as dates shown with their weekday, and times of day as time cells', async () => {
    const days: ExportSheet = {
      zh: '排班',
      en: 'Roster',
      columns: [
        { key: 'name', zh: '客服', en: 'Agent', kind: 'text' },
        { key: 'd0', zh: '周一', en: 'Mon', kind: 'text', headerDate: '2026-12-07' },
        { key: 'start', zh: '上班', en: 'Start', kind: 'time' },
      ],
      rows: [
        { name: '小王', d0: 'E 08:00–17:00', start: '2026-12-07T08:30:00+08:00' },
        { name: 'x', start: '23:45' },
      ],
    };
    for (const [lang, format] of [
      ['zh', 'mm/dd "周一"'],
      ['en', '"Mon" mm/dd'],
    ] as const) {
      const path = join(folder, `days-${lang}.xlsx`);
      await writeExportWorkbook(path, { ...workbook, sheets: [days] }, lang);
      const ws = await readBack(path);
      expect(ws.getCell('B3').value).toEqual(new Date('2026-12-07T00:00:00Z'));
      expect(ws.getCell('B3').numFmt).toBe(format);
      expect(ws.getCell('C4').value).toEqual(new Date(Date.UTC(1899, 11, 30, 8, 30)));
      expect(ws.getCell('C4').numFmt).toBe('hh:mm');
      expect(ws.getCell('C5').value).toEqual(new Date(Date.UTC(1899, 11, 30, 23, 45)));
    }
  });

  it('fits each column to its longest text, counting Chinese characters as two, and wraps what is longer or has several lines', async () => {
    const long = '迟到三次并且在高峰时段擅自离岗，经主管多次提醒后仍未改正，按制度扣款并安排复训一次';
    const wide: ExportSheet = {
      zh: '宽度',
      en: 'Widths',
      columns: [
        { key: 'no', zh: '工号', en: 'Employee no.', kind: 'text' },
        { key: 'name', zh: '客服', en: 'Agent', kind: 'text' },
        { key: 'shift', zh: '周一', en: 'Mon', kind: 'text' },
        { key: 'reason', zh: '事由', en: 'Reason', kind: 'text' },
        { key: 'sales', zh: '销售额', en: 'Sales', kind: 'money' },
      ],
      rows: [
        {
          no: 'CS0001',
          name: '欧阳娜娜',
          shift: 'E 08:00–17:00\n餐 12:00\n休息 15:15',
          reason: long,
          sales: 123456789,
        },
      ],
    };
    const path = join(folder, 'widths.xlsx');
    await writeExportWorkbook(path, { ...workbook, sheets: [wide] }, 'en');
    const ws = await readBack(path);
    expect(ws.getColumn(1).width).toBe('Employee no.'.length + 2);
    expect(ws.getColumn(2).width).toBe(4 * 2 + 2);
    expect(ws.getColumn(3).width).toBe('E 08:00–17:00'.length + 2);
    expect(ws.getCell('C4').alignment).toMatchObject({ wrapText: true });
    expect(ws.getRow(4).height).toBeGreaterThanOrEqual(3 * 15);
    expect(ws.getColumn(4).width).toBe(50);
    expect(ws.getCell('D4').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('A4').alignment?.wrapText).toBeFalsy();
    expect(ws.getColumn(5).width).toBe('¥1,234,567.89'.length + 2);
  });

  it('refuses a date that is not one', async () => {
    const bad: ExportWorkbook = { ...workbook, sheets: [{ ...sheet, rows: [{ agent: 'x', day: 'yesterday' }] }] };
    await expect(writeExportWorkbook(join(folder, 'bad.xlsx'), bad, 'zh')).rejects.toThrow(/not a local date/);
  });
});
