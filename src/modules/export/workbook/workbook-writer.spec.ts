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
    { agent: '小王', inquiries: 412, sales: 1234567, conversion: 0.4125, day: '2026-11-30', start: { local: '2026-11-30T09:30' } },
    { agent: 'Lily', inquiries: 0, sales: 0, conversion: null, day: '2026-12-01', start: '2026-12-01T21:00' },
  ],
  look: (row, column) => (column.key === 'conversion' && row.conversion === null ? { fill: 'FFFFC7CE' } : undefined),
};
const workbook: ExportWorkbook = { fileName: 'shop-2026-11', currency: 'CNY', sheets: [sheet] };

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
    expect(ws.getRow(2).values).toEqual([undefined, '客服', '咨询量', '销售额', '转定率', '日期', '上班']);
    const first = ws.getRow(3);
    expect(first.getCell(1).value).toBe('小王');
    expect(first.getCell(2).value).toBe(412);
    expect(first.getCell(3).value).toBe(12345.67);
    expect(first.getCell(3).numFmt).toContain('¥');
    expect(first.getCell(4).value).toBe(0.4125);
    expect(first.getCell(4).numFmt).toBe('0.0%');
    expect(first.getCell(5).value).toEqual(new Date('2026-11-30T00:00:00Z'));
    expect(first.getCell(6).value).toEqual(new Date('2026-11-30T09:30:00Z'));
    expect(first.getCell(6).numFmt).toBe('yyyy-mm-dd hh:mm');
    const second = ws.getRow(4);
    expect(second.getCell(2).value).toBe(0);
    expect(second.getCell(4).value).toBeNull();
    expect(second.getCell(4).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
  });

  it('names headers in English when asked', async () => {
    const path = join(folder, 'en.xlsx');
    await writeExportWorkbook(path, workbook, 'en');
    const ws = await readBack(path);
    expect(ws.name).toBe('Ranking');
    expect(ws.getRow(2).getCell(3).value).toBe('Sales');
  });

  it('takes header look, widths and print setup from the template', async () => {
    const templatePath = join(folder, 'template.xlsx');
    const template = buildExportTemplate([{ ...sheet, landscape: true }]);
    template.worksheets[0].getColumn(1).width = 33;
    template.worksheets[0].getCell(2, 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
    await template.xlsx.writeFile(templatePath);
    const looks = await readTemplateLooks(templatePath);
    expect(looks[0].pageSetup.orientation).toBe('landscape');
    const path = join(folder, 'styled.xlsx');
    await writeExportWorkbook(path, workbook, 'zh', looks);
    const ws = await readBack(path);
    expect(ws.getColumn(1).width).toBe(33);
    expect(ws.getRow(2).getCell(1).fill).toMatchObject({ fgColor: { argb: 'FF00B050' } });
    expect(ws.pageSetup.orientation).toBe('landscape');
  });

  it('writes formula-like text as text cells no spreadsheet evaluates (inline strings, leading tab kept)', async () => {
    const texts = ['=HYPERLINK("http://evil.example","x")', '+86 138', '-5', '@SUM(A1)', '\t=1+1', '\r=2', 'plain'];
    const path = join(folder, 'formulas.xlsx');
    await writeExportWorkbook(path, { ...workbook, sheets: [{ ...sheet, title: '=TITLE()', rows: texts.map((agent) => ({ agent })) }] }, 'zh');
    const zip = await openWorkbookZip(path, { maxUncompressedBytes: 2 ** 24, maxRatio: 1000, maxEntries: 100 });
    let xml = '';
    for await (const part of zip.part('xl/worksheets/sheet1.xml', { maxBytes: 2 ** 24, maxRun: 2 ** 20 }, { limit: 2 ** 24, used: 0 })) xml += part;
    zip.close();
    expect(xml).not.toMatch(/<f[ >]/);
    const cells = [...xml.matchAll(/<c r="A(\d+)"([^>]*)>/g)].map((m) => ({ row: Number(m[1]), type: / t="(\w+)"/.exec(m[2])?.[1] }));
    expect(cells.find((c) => c.row === 1)?.type).toBe('inlineStr');
    for (const [i, text] of texts.entries()) {
      const cell = cells.find((c) => c.row === i + 3)!;
      expect({ text, type: cell.type }).toEqual({ text, type: text === 'plain' ? 'str' : 'inlineStr' });
    }
    const ws = await readBack(path);
    // XML reads a raw carriage return as a line feed; the text stays text all the same.
    expect(texts.map((_t, i) => ws.getRow(i + 3).getCell(1).text)).toEqual(texts.map((t) => t.replace('\r', '\n')));
    expect(ws.getRow(3).getCell(1).formula).toBeUndefined();
  });

  it('refuses a date that is not one', async () => {
    const bad: ExportWorkbook = { ...workbook, sheets: [{ ...sheet, rows: [{ agent: 'x', day: 'yesterday' }] }] };
    await expect(writeExportWorkbook(join(folder, 'bad.xlsx'), bad, 'zh')).rejects.toThrow(/not a local date/);
  });
});
