import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { importKinds } from 'src/modules/ingest/kinds';
import { FileProblem, SourceRow } from 'src/modules/ingest/readers/file-problem';
import { xlsxRows } from 'src/modules/ingest/readers/xlsx-rows';
import { deflatedRepeat, workbookParts, zipOf } from './support/files';
import { bearer, startTestApp, TestApp } from './support/test-app';

const folder = mkdtempSync(join(tmpdir(), 'wfm-bombs-'));
const columns = importKinds.volume.columns;
const header = ['queue', 'slotStart', 'slotMinutes', 'offered', 'handled', 'abandoned'];
const limits = { maxRows: 10_000, maxCellLength: 20_000, maxUncompressedBytes: 100 * 2 ** 20 };

/** The file of the report: ~10 MB, sharedStrings.xml declared as 5,000 bytes, 4.57 GB unpacked. */
function lyingWorkbook(): Buffer {
  const parts = workbookParts(header, [[0, 1, 2, 3, 4, 5]]);
  const unit = `<si><t>${'x'.repeat(1000)}</t></si>`.repeat(1000);
  const strings = deflatedRepeat(
    `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${header.map((h) => `<si><t>${h}</t></si>`).join('')}`,
    unit,
    4570,
  );
  expect(strings.size).toBeGreaterThan(4.57e9);
  return zipOf({ ...parts, 'xl/sharedStrings.xml': { ...strings, declaredSize: 5000 } });
}

async function readAll(path: string, budget = { limit: limits.maxUncompressedBytes, used: 0 }): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const batch of xlsxRows(path, columns, limits, budget)) rows.push(...batch);
  return rows;
}

const file = (name: string, content: Buffer) => {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
};

describe('imports: hostile files, workbooks that unpack to more than they say, CSV lines without end (e2e)', () => {
  it('stops a part whose headers understate its size as soon as it inflates past them, having unpacked next to nothing', async () => {
    const bomb = lyingWorkbook();
    expect(bomb.length).toBeGreaterThan(9 * 2 ** 20);
    expect(bomb.length).toBeLessThan(13 * 2 ** 20);
    const budget = { limit: limits.maxUncompressedBytes, used: 0 };
    const error = await readAll(file('bomb.xlsx', bomb), budget).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileProblem);
    expect(error).toMatchObject({
      status: 422,
      message: 'The workbook part xl/sharedStrings.xml unpacks to more than its header declares (a zip bomb?)',
    });
    // Everything the reader was handed is counted: the parts before, and the lying part up to its lie.
    expect(budget.used).toBeLessThan(64 * 1024);
  });

  it('counts every unpacked byte against the workbook’s limit, whatever the headers declare', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [0, 1, 2, 3, 4, 5].map((c) => c + 6 * i));
    const strings = Array.from({ length: 6 * 2000 }, (_, i) => `text ${i}`);
    const path = file('honest.xlsx', zipOf(workbookParts(strings, rows)));
    const budget = { limit: 200_000, used: 0 };
    const error = await readAll(path, budget).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 413, message: 'The workbook unpacks to more than 0 MB' });
    expect(budget.used).toBeGreaterThan(200_000);
    expect(budget.used).toBeLessThan(200_000 + 64 * 1024);
  });

  it('reads texts whole where a character is cut by a chunk’s end', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('data');
    sheet.addRow(header);
    const names = Array.from({ length: 3000 }, (_, i) => `售前咨询队列第${i}号（华东）`);
    names.forEach((name) => sheet.addRow([name, '2026-01-05 10:00', 30, 1, 1, 0]));
    const rows = await readAll(file('chinese.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(rows.map((r) => r.values.queue)).toEqual(names);
  });

  describe('through the API', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ importSyncMaxBytes: 20 * 2 ** 20 });
    }, 300_000);
    afterAll(() => t.close(), 300_000);

    it('refuses the lying workbook with a problem naming the part, stores nothing and keeps serving', async () => {
      const manager = await t.tokenFor('manager');
      const res = await t
        .http()
        .post('/imports/volume')
        .set(bearer(manager))
        .set('Accept-Language', 'en')
        .attach('file', lyingWorkbook(), 'bomb.xlsx')
        .expect(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({
        code: 'ingest.part-lies',
        detail: 'The workbook part xl/sharedStrings.xml unpacks to more than its header declares (a zip bomb?)',
      });
      const [record] = (await t.http().get('/imports').set(bearer(manager)).expect(200)).body;
      expect(record).toMatchObject({ status: 'rejected', inserted: 0 });
      expect(readdirSync(join(t.config.dataDir, 'uploads'))).toEqual([]);
      await t.http().get('/health').expect(200);
    });

    it('refuses a CSV whose line breaks were lost at the row where the record grows too long', async () => {
      const manager = await t.tokenFor('manager');
      const line = `presales_chat,2026-01-05 10:00,30,1,1,${'0'.repeat(1_500_000)}`;
      const res = await t
        .http()
        .post('/imports/volume')
        .set(bearer(manager))
        .set('Accept-Language', 'en')
        .attach('file', Buffer.from(`${header.join(',')}\npresales_chat,2026-01-05 09:30,30,1,1,0\n${line}`), 'v.csv')
        .expect(422);
      expect(res.body).toMatchObject({
        code: 'ingest.record-too-long',
        detail: 'Row 3 is longer than 1,000,000 characters; is a line break missing?',
        errors: [expect.objectContaining({ row: 3 })],
      });
    });
  });
});
