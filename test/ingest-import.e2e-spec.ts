import ExcelJS from 'exceljs';
import { bearer, TestApp } from './support/test-app';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { csv } from './support/files';

const session = (n: number, extra: Record<string, unknown> = {}) => ({
  externalId: `S-${n}`,
  queue: 'presales_chat',
  agent: 'CS0002',
  customerKey: `buyer-${n}`,
  startedAt: '2026-11-20 10:00:00',
  endedAt: '2026-11-20 10:08:00',
  firstResponseSeconds: 12,
  meanResponseSeconds: 20.5,
  customerMessages: 8,
  agentMessages: 10,
  preSale: '是',
  resolved: '是',
  rating: 5,
  transcript: '顾客: 在吗?\n客服: 在的亲',
  ...extra,
});

describe('imports: sessions, orders, volume, ratings, queues (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let other: SecondShop;
  beforeAll(async () => {
    ({ t, manager, other } = await startTestAppWithSecondShop());
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const upload = (kind: string, name: string, content: string | Buffer, mode = 'all', token = manager) =>
    t.http().post(`/imports/${kind}?mode=${mode}`).set(bearer(token)).attach('file', Buffer.from(content), name);
  const sessionsCount = async () =>
    (
      await t
        .http()
        .get('/sessions?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&limit=1')
        .set(bearer(manager))
        .expect(200)
    ).body.total as number;

  it('rejects the whole file for one bad row (all-or-nothing), naming row, column and reason', async () => {
    const rows = [
      session(1),
      session(2, { agent: 'CS9999' }),
      session(3, { rating: 7 }),
      session(4, { startedAt: 'yesterday' }),
      session(1),
    ];
    const res = await upload('sessions', 'sessions.csv', csv(rows)).expect(422);
    expect(res.body.type).toBe('/problems/unprocessable');
    expect(res.body.report).toMatchObject({ status: 'rejected', rows: 5, rejected: 4, inserted: 0 });
    // In the shop's language (Chinese), each reason naming the value; in English when asked.
    expect(res.body.errors).toEqual([
      { row: 3, field: 'agent', message: '未知的客服工号 CS9999' },
      { row: 4, field: 'rating', message: '不能大于 5' },
      { row: 5, field: 'startedAt', message: '必须是日期时间：2026-11-23 09:30（店铺时间）或带时区偏移的 ISO 8601' },
      { row: 6, field: 'externalId', message: '与本文件第 2 行重复' },
    ]);
    const english = await upload('sessions', 'sessions.csv', csv(rows)).set('Accept-Language', 'en').expect(422);
    expect(english.body.errors).toEqual([
      { row: 3, field: 'agent', message: 'unknown agent employee number CS9999' },
      { row: 4, field: 'rating', message: 'must be at most 5' },
      {
        row: 5,
        field: 'startedAt',
        message: 'must be a date-time: 2026-11-23 09:30 (shop time) or ISO 8601 with offset',
      },
      { row: 6, field: 'externalId', message: 'duplicate of row 2 in this file' },
    ]);
    expect(await sessionsCount()).toBe(0);
    const record = await t.http().get(`/imports/${res.body.report.importId}`).set(bearer(manager)).expect(200);
    expect(record.body).toMatchObject({
      status: 'rejected',
      kind: 'sessions',
      rejected: 4,
      checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
  });

  it('stores the good rows in partial mode; re-importing changes nothing; a corrected file updates in place', async () => {
    const rows = [session(10), session(11), session(12, { queue: 'nope' })];
    const first = await upload('sessions', 'day.csv', csv(rows), 'partial').expect(200);
    expect(first.body).toMatchObject({
      status: 'completed',
      rows: 3,
      inserted: 2,
      updated: 0,
      rejected: 1,
      errors: [expect.objectContaining({ row: 4, field: 'queue' })],
    });
    const again = await upload('sessions', 'day.csv', csv(rows), 'partial').expect(200);
    expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 1 });
    const corrected = await upload('sessions', 'day.csv', csv([session(10), session(11, { rating: 2 })])).expect(200);
    expect(corrected.body).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, rejected: 0 });
    expect(await sessionsCount()).toBe(2);
  });

  it('attributes orders to the last pre-sale inquiry within the window, in shop time', async () => {
    const sessions = [
      session(20, {
        customerKey: 'alice',
        agent: 'CS0003',
        startedAt: '2026-11-18 09:00',
        endedAt: '2026-11-18 09:05',
      }),
      session(21, {
        customerKey: 'alice',
        agent: 'CS0004',
        startedAt: '2026-11-18 20:00',
        endedAt: '2026-11-18 20:05',
      }),
      session(22, { customerKey: 'bob', agent: 'CS0005', startedAt: '2026-11-18 23:50', endedAt: '2026-11-18 23:59' }),
      session(23, {
        customerKey: 'carol',
        agent: 'CS0006',
        startedAt: '2026-11-18 10:00',
        endedAt: '2026-11-18 10:05',
        preSale: '否',
      }),
    ];
    await upload('sessions', 's.csv', csv(sessions)).expect(200);
    const order = (id: string, customerKey: string, createdAt: string, extra: Record<string, unknown> = {}) => ({
      externalOrderId: id,
      customerKey,
      createdAt,
      paidAt: '',
      amount: '199.90',
      ...extra,
    });
    const orders = [
      order('O1', 'alice', '2026-11-19 21:00', {
        paidAt: '2026-11-19 21:05',
        refundedAt: '2026-11-20 09:00',
        refundedAmount: '50.5',
      }),
      order('O2', 'bob', '2026-11-19 23:59:59'),
      order('O3', 'bob', '2026-11-20 00:00:00'),
      order('O4', 'carol', '2026-11-18 11:00'),
      order('O5', 'dave', '2026-11-18 11:00', { outOfStock: '是' }),
    ];
    const res = await upload(
      'orders',
      'orders.csv',
      csv(orders, [
        'externalOrderId',
        'customerKey',
        'createdAt',
        'paidAt',
        'refundedAt',
        'amount',
        'refundedAmount',
        'outOfStock',
      ]),
    );
    expect(res.body.errors ?? []).toEqual([]);
    expect(res.body).toMatchObject({ inserted: 5, rejected: 0 });
    const list = await t
      .http()
      .get('/orders?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z')
      .set(bearer(manager))
      .expect(200);
    const agents = (await t.http().get('/agents?limit=20').set(bearer(manager)).expect(200)).body.items;
    const idOf = (no: string) => agents.find((a: { employeeNo: string }) => a.employeeNo === no).id;
    const byId = Object.fromEntries(list.body.items.map((o: { externalOrderId: string }) => [o.externalOrderId, o]));
    expect(byId.O1).toMatchObject({ attributedAgentId: idOf('CS0004'), amountCents: 19990, refundedCents: 5050 });
    expect(byId.O2.attributedAgentId).toBe(idOf('CS0005'));
    expect(byId.O3.attributedAgentId).toBeNull();
    expect(byId.O4.attributedAgentId).toBeNull();
    expect(byId.O5).toMatchObject({ attributedAgentId: null, outOfStock: true });
  });

  it('imports volume on the shop’s slot grid and refuses slots off the grid', async () => {
    const rows = [
      {
        queue: 'presales_chat',
        slotStart: '2026-11-20 10:00',
        slotMinutes: 30,
        offered: 100,
        handled: 95,
        abandoned: 5,
        meanHandleSeconds: 400,
      },
      {
        queue: 'presales_chat',
        slotStart: '2026-11-20T02:30:00Z',
        slotMinutes: 30,
        offered: 90,
        handled: 90,
        abandoned: 0,
      },
      { queue: 'presales_chat', slotStart: '2026-11-20 10:10', slotMinutes: 30, offered: 1, handled: 1, abandoned: 0 },
      { queue: 'presales_chat', slotStart: '2026-11-20 11:00', slotMinutes: 30, offered: 5, handled: 5, abandoned: 3 },
    ];
    const res = await upload('volume', 'volume.csv', csv(rows), 'partial').expect(200);
    expect(res.body).toMatchObject({ inserted: 2, rejected: 2 });
    expect(res.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`).sort()).toEqual([
      '4:slotStart',
      '5:handled',
    ]);
    const queues = (await t.http().get('/queues').set(bearer(manager)).expect(200)).body;
    const presales = queues.find((q: { code: string }) => q.code === 'presales_chat');
    const volume = await t
      .http()
      .get(`/queues/${presales.id}/volume?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z`)
      .set(bearer(manager))
      .expect(200);
    expect(volume.body.map((v: { slotStart: string; offered: number }) => [v.slotStart, v.offered])).toEqual([
      ['2026-11-20T02:00:00.000Z', 100],
      ['2026-11-20T02:30:00.000Z', 90],
    ]);
  });

  it('updates ratings of known sessions and names unknown ones; takes JSON bodies too', async () => {
    const bad = await t
      .http()
      .post('/imports/ratings')
      .set(bearer(manager))
      .send({
        rows: [
          { sessionId: 'S-10', rating: 3 },
          { sessionId: 'S-404', rating: 4 },
        ],
      })
      .expect(422);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ row: 2, field: 'sessionId', message: '未知会话 S-404' }),
    ]);
    const ok = await t
      .http()
      .post('/imports/ratings')
      .set(bearer(manager))
      .send({ rows: [{ sessionId: 'S-10', rating: 3 }] })
      .expect(200);
    expect(ok.body).toMatchObject({ updated: 1, rejected: 0 });
    const unknownField = await t
      .http()
      .post('/imports/ratings')
      .set(bearer(manager))
      .send({ rows: [{ sessionId: 'S-10', rating: 3, stars: 3 }] })
      .expect(422);
    expect(unknownField.body.errors[0]).toMatchObject({ row: 1, field: 'stars', message: '未知列' });
  });

  const template = async (kind: string) => {
    const res = await t
      .http()
      .get(`/imports/templates/${kind}`)
      .set(bearer(manager))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    return { content: res.body as Buffer, workbook, sheet: workbook.worksheets[0] };
  };

  it('hands out templates with a title block (shop, what, time zone) that import as they are', async () => {
    const shop = (await t.http().get(`/shops/${t.demoShopId}`).set(bearer(manager)).expect(200)).body;
    for (const kind of ['queues', 'volume', 'sessions', 'orders', 'ratings']) {
      const { content, sheet } = await template(kind);
      // Three title lines (shop and what, what a row is for, the zone times are read in), then the headers.
      const title = [1, 2, 3].map((r) => String(sheet.getRow(r).getCell(1).value));
      expect(title[0]).toContain(shop.name);
      expect(title[0]).toMatch(/导入模板 .+ import template$/);
      expect(title[1]).toMatch(/^每行.+ \/ One row per /);
      expect(title[2]).toContain(shop.timeZone);
      const header = (sheet.getRow(4).values as string[]).slice(1);
      expect(header.every((h) => /^.+ \([A-Za-z]+\)$/.test(h))).toBe(true);
      const imported = await upload(kind, `template-${kind}.xlsx`, content);
      expect({ kind, errors: imported.body.errors ?? [] }).toEqual({ kind, errors: [] });
      expect({ kind, rejected: imported.body.rejected, rows: imported.body.rows }).toEqual({
        kind,
        rejected: 0,
        rows: 1,
      });
    }
  });

  it('imports a filled template, title lines kept, as a workbook and saved as CSV, naming rows as the sheet does', async () => {
    const { workbook, sheet } = await template('volume');
    const filled = (offered: unknown) => [
      ['presales_chat', '2026-11-22 11:00', 30, offered, 50, 2, 400],
      ['presales_chat', '2026-11-22 11:30', 30, 61, 60, 1, 390],
    ];
    filled('many').forEach((cells) => sheet.addRow(cells));
    const bad = await upload('volume', 'filled-volume.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(bad.status).toBe(422);
    // Row 6 of the sheet: three title lines, the header, the example row, then the first filled row.
    expect(bad.body.errors).toEqual([expect.objectContaining({ row: 6, field: 'offered' })]);
    sheet.getRow(6).getCell(4).value = 52;
    const ok = await upload('volume', 'filled-volume.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect({ errors: ok.body.errors ?? [], rows: ok.body.rows, rejected: ok.body.rejected }).toEqual({
      errors: [],
      rows: 3,
      rejected: 0,
    });
    // The same sheet saved as CSV by a spreadsheet: each title line one text, then empty cells.
    const quoted = (c: unknown) =>
      /[",]/.test(String(c ?? '')) ? `"${String(c).replace(/"/g, '""')}"` : String(c ?? '');
    const asCsv = (offered: unknown) =>
      [
        ...[1, 2, 3].map((r) => [sheet.getRow(r).getCell(1).value, '', '', '', '', '', '']),
        ...[4, 5].map((r) => (sheet.getRow(r).values as unknown[]).slice(1)),
        ...filled(offered),
      ]
        .map((cells) => cells.map(quoted).join(','))
        .join('\r\n') + '\r\n';
    const csvBad = await upload('volume', 'filled-volume.csv', asCsv('many'));
    expect(csvBad.status).toBe(422);
    expect(csvBad.body.errors).toEqual([expect.objectContaining({ row: 6, field: 'offered' })]);
    const csvOk = await upload('volume', 'filled-volume.csv', asCsv(52));
    expect({ errors: csvOk.body.errors ?? [], rows: csvOk.body.rows, rejected: csvOk.body.rejected }).toEqual({
      errors: [],
      rows: 3,
      rejected: 0,
    });
  });

  it('keeps transcripts to QC, supervisors and managers, and every fact inside its shop', async () => {
    const list = await t
      .http()
      .get('/sessions?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z')
      .set(bearer(manager))
      .expect(200);
    const id = list.body.items[0].id;
    expect(list.body.items[0]).not.toHaveProperty('transcript');
    expect(list.body.items[0]).not.toHaveProperty('customerHash');
    for (const role of ['qc', 'supervisor', 'manager'])
      await t
        .http()
        .get(`/sessions/${id}/transcript`)
        .set(bearer(await t.tokenFor(role)))
        .expect(200);
    for (const role of ['agent', 'hr', 'trainer'])
      await t
        .http()
        .get(`/sessions/${id}/transcript`)
        .set(bearer(await t.tokenFor(role)))
        .expect(403);
    expect(
      (await t.http().get(`/sessions/${id}/transcript`).set(bearer(other.managerToken)).expect(404)).body.code,
    ).toBe('ingest.session-not-found');
    const theirs = await t
      .http()
      .get('/sessions?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z')
      .set(bearer(other.managerToken))
      .expect(200);
    expect(theirs.body.total).toBe(0);
    const agentView = await t
      .http()
      .get('/sessions?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z')
      .set(bearer(await t.tokenFor('agent')))
      .expect(200);
    const me = (
      await t
        .http()
        .get('/agents/me')
        .set(bearer(await t.tokenFor('agent')))
        .expect(200)
    ).body.id;
    expect(agentView.body.items.every((s: { agentId: string }) => s.agentId === me)).toBe(true);
    await upload('sessions', 'x.csv', csv([session(99)]), 'all', await t.tokenFor('agent')).expect(403);
    const mine = (await t.http().get('/imports').set(bearer(manager)).expect(200)).body[0];
    expect((await t.http().get(`/imports/${mine.id}`).set(bearer(other.managerToken)).expect(404)).body.code).toBe(
      'ingest.import-not-found',
    );
    await t.http().post('/imports/widgets').set(bearer(manager)).send({ rows: [] }).expect(400);
  });
});
