import { JobQueue } from 'src/platform/jobs/job-queue';
import { bearer, TestApp } from './support/test-app';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { csv, workbook, zipOf } from './support/files';

const volumeRow = (slotStart: string, extra: Record<string, unknown> = {}) => ({
  queue: 'presales_chat',
  slotStart,
  slotMinutes: 30,
  offered: 10,
  handled: 9,
  abandoned: 1,
  ...extra,
});

describe('imports: bad files and limits (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let berlin: SecondShop;
  // Small limits so that limits can be reached with small files.
  beforeAll(async () => {
    ({
      t,
      manager,
      other: berlin,
    } = await startTestAppWithSecondShop({
      config: { importMaxBytes: 400 * 1024, importSyncMaxBytes: 64 * 1024, importMaxRows: 3000 },
      secondShop: 'berlin',
    }));
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const upload = (kind: string, name: string, content: string | Buffer, token = manager) =>
    t
      .http()
      .post(`/imports/${kind}`)
      .set(bearer(token))
      .set('Accept-Language', 'en')
      .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), name);
  const storedVolume = async () => {
    const queues = (await t.http().get('/queues').set(bearer(manager)).expect(200)).body;
    const id = queues.find((q: { code: string }) => q.code === 'presales_chat').id;
    return (
      await t
        .http()
        .get(`/queues/${id}/volume?from=2026-01-01T00:00:00Z&to=2026-03-31T00:00:00Z`)
        .set(bearer(manager))
        .expect(200)
    ).body.length;
  };

  it('refuses files that are not what they claim, storing nothing', async () => {
    const notZip = await upload('volume', 'v.xlsx', 'this is not a workbook').expect(415);
    expect(notZip.body.detail).toMatch(/not an \.xlsx workbook/);
    const zipNoWorkbook = await upload('volume', 'v.xlsx', zipOf({ 'hello.txt': 'hi' })).expect(415);
    expect(zipNoWorkbook.body.detail).toMatch(/no xl\/workbook\.xml/);
    await upload('volume', 'v.pdf', 'x').expect(415);
    expect(await storedVolume()).toBe(0);
  });

  it('refuses a zip bomb before inflating it', async () => {
    const bomb = await workbook([
      ['queue', 'slotStart', 'slotMinutes', 'offered', 'handled', 'abandoned'],
      ['a'.repeat(3_000_000)],
    ]);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await upload('volume', 'bomb.xlsx', bomb);
    expect([413, 422]).toContain(res.status);
    expect(res.body.detail).toMatch(/zip bomb|unpack to more than/);
  });

  it('names the encoding and the delimiter of a CSV that has the wrong ones', async () => {
    const gbk = Buffer.concat([
      Buffer.from('queue,slotStart,slotMinutes,offered,handled,abandoned\n'),
      Buffer.from([0xc9, 0xcf, 0xba, 0xa3]),
      Buffer.from(',2026-01-05 10:00,30,1,1,0\n'),
    ]);
    const encoding = await upload('volume', 'gbk.csv', gbk).expect(422);
    expect(encoding.body.detail).toMatch(/not UTF-8/);
    const semicolons = await upload(
      'volume',
      'semi.csv',
      'queue;slotStart;slotMinutes;offered;handled;abandoned\npresales_chat;2026-01-05 10:00;30;1;1;0\n',
    ).expect(422);
    expect(semicolons.body.detail).toMatch(/separated by ";"/);
    const unknown = await upload(
      'volume',
      'cols.csv',
      'queue,slotStart,slotMinutes,offered,handled,abandoned,colour\n',
    ).expect(422);
    expect(unknown.body.detail).toMatch(/Unknown column\(s\): "colour"/);
    const missing = await upload('volume', 'cols.csv', 'queue,slotStart\n').expect(422);
    expect(missing.body.detail).toMatch(/Missing required column\(s\): slotMinutes, offered, handled, abandoned/);
    expect(await storedVolume()).toBe(0);
  });

  it('refuses formulas, Excel error values, times in a DST gap or out of range, and duplicate keys, row by row', async () => {
    const withFormula = await workbook([
      ['queue', 'slotStart', 'slotMinutes', 'offered', 'handled', 'abandoned'],
      ['presales_chat', '2026-01-05 10:00', 30, { formula: '5*2', result: 10 }, 9, 1],
    ]);
    const formula = await upload('volume', 'f.xlsx', withFormula).expect(422);
    expect(formula.body.errors).toEqual([
      expect.objectContaining({
        row: 2,
        field: 'offered',
        message: expect.stringMatching(/formulas are not accepted/),
      }),
    ]);
    // An Excel error pasted as a value is refused at its field, not read as an empty cell.
    const withError = await workbook([
      ['queue', 'slotStart', 'slotMinutes', 'offered', 'handled', 'abandoned'],
      ['presales_chat', '2026-01-05 10:00', 30, 10, { error: '#DIV/0!' }, 1],
    ]);
    const error = await upload('volume', 'e.xlsx', withError).expect(422);
    expect(error.body.errors).toEqual([
      expect.objectContaining({ row: 2, field: 'handled', message: expect.stringMatching(/Excel error #DIV\/0!/) }),
    ]);
    // Exported to CSV the same errors are text; they are refused all the same, at their row and column.
    const csvErrors = csv([
      volumeRow('2026-01-05 10:00', { offered: '#N/A' }),
      volumeRow('2026-01-05 10:30', { handled: '#VALUE!', abandoned: '#REF!' }),
      volumeRow('2026-01-05 11:00', { handled: '#DIV/0!' }),
    ]);
    const cells = (body: { errors: { row: number; field: string; message: string }[] }) =>
      body.errors.map((e) => `${e.row} ${e.field} ${e.message}`);
    expect(cells((await upload('volume', 'e.csv', csvErrors).expect(422)).body)).toEqual([
      '2 offered holds the Excel error #N/A, not a value (a formula that failed, pasted as values); write the value itself',
      expect.stringMatching(/^3 handled holds the Excel error #VALUE!/),
      expect.stringMatching(/^3 abandoned holds the Excel error #REF!/),
      expect.stringMatching(/^4 handled holds the Excel error #DIV\/0!/),
    ]);
    const zh = await upload('volume', 'e.csv', csvErrors).set('Accept-Language', 'zh').expect(422);
    expect(cells(zh.body)[0]).toBe(
      '2 offered 含有 Excel 错误值 #N/A，而不是数据（出错的公式被粘贴为值），请填写实际内容',
    );
    expect(await storedVolume()).toBe(0);
    const rows = [
      volumeRow('2026-03-29 02:30'),
      volumeRow('2099-01-01 10:00'),
      volumeRow('2026-03-29 10:00'),
      volumeRow('2026-03-29 10:00'),
    ];
    await t
      .http()
      .post('/queues')
      .set(bearer(berlin.managerToken))
      .send({
        code: 'presales_chat',
        name: 'Pre-sales',
        channel: 'chat',
        kind: 'realtime',
        chatConcurrency: 3,
        defaultHandleSeconds: 300,
      })
      .expect(201);
    const res = await upload('volume', 'dst.csv', csv(rows), berlin.managerToken).expect(422);
    expect(
      res.body.errors.map((e: { row: number; field: string; message: string }) => `${e.row} ${e.field} ${e.message}`),
    ).toEqual([
      '2 slotStart 2026-03-29 02:30 does not exist in Europe/Berlin (daylight-saving gap)',
      expect.stringMatching(/^3 slotStart is outside the accepted range/),
      '5 queue duplicate of row 4 in this file',
    ]);
  });

  it('answers 413 naming the limit for a file too large or with too many rows', async () => {
    const big = await upload('volume', 'big.csv', 'x'.repeat(500 * 1024)).expect(413);
    expect(big.body).toMatchObject({
      type: '/problems/payload-too-large',
      detail: 'The file is larger than the import limit of 0 MB; split it',
    });
    const many = Array.from({ length: 3001 }, (_, i) =>
      volumeRow(new Date(Date.UTC(2026, 0, 1, 0, 30 * i)).toISOString().replace('.000Z', 'Z')),
    );
    const tooMany = await upload('volume', 'many.csv', csv(many)).expect(202);
    const queue = t.app.get(JobQueue);
    await queue.settled(tooMany.body.jobId);
    const run = await t.http().get(`/jobs/${tooMany.body.jobId}`).set(bearer(manager)).expect(200);
    expect(run.body).toMatchObject({
      status: 'failed',
      error: 'The file has more than 3000 rows; split it / 文件超过 3000 行，请拆分后再导入',
    });
    expect(await storedVolume()).toBe(0);
  });

  it('imports a large file in a job with progress and records the outcome', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) =>
      volumeRow(new Date(Date.UTC(2026, 0, 5, 0, 30 * i)).toISOString().replace('.000Z', 'Z')),
    );
    const accepted = await upload('volume', 'large.csv', csv(rows)).expect(202);
    expect(accepted.body).toMatchObject({ name: 'ingest.import-file', statusUrl: `/jobs/${accepted.body.jobId}` });
    await t.app.get(JobQueue).settled(accepted.body.jobId);
    const run = await t.http().get(`/jobs/${accepted.body.jobId}`).set(bearer(manager)).expect(200);
    expect(run.body).toMatchObject({
      status: 'completed',
      progress: 100,
      result: { status: 'completed', rows: 2000, rejected: 0 },
    });
    const record = (await t.http().get('/imports').set(bearer(manager)).expect(200)).body.find(
      (r: { jobRunId: string }) => r.jobRunId === accepted.body.jobId,
    );
    expect(record).toMatchObject({ status: 'completed', inserted: 2000, fileName: 'large.csv', storedFile: null });
    expect(await storedVolume()).toBe(2000);
  });
});
