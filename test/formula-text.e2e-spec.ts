import { csv, workbook } from './support/files';
import { bearer, startTestApp, TestApp } from './support/test-app';

/** Texts a spreadsheet would read as formulas, were they typed in (OWASP's "CSV injection"). */
const FORMULA_TEXTS = [
  '=HYPERLINK("http://evil.example","点我")',
  '+86 138 0000 0000',
  '-5 分钟后回复',
  '@店长 请处理',
  '=1+1',
  '\t=cmd|/c calc!A1',
  '\r=2*3',
];
/** What is stored: cells are trimmed like any text, the formula-like start stays. */
const stored = (text: string) => text.trim();

describe('formula-like text is text, in every import and export (e2e)', () => {
  let t: TestApp;
  let manager: string;
  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.tokenFor('manager');
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const upload = (path: string, name: string, content: string | Buffer) =>
    t
      .http()
      .post(path)
      .set(bearer(manager))
      .set('Accept-Language', 'en')
      .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), name);

  it('stores such text as it is from every ingest kind that holds text, CSV, XLSX or JSON alike', async () => {
    const queues = FORMULA_TEXTS.map((name, i) => ({
      code: `q${i}`,
      name,
      channel: 'chat',
      kind: 'realtime',
      chatConcurrency: 2,
      defaultHandleSeconds: 300,
    }));
    await upload('/imports/queues', 'queues.csv', csv(queues)).expect(200);
    const listed = (await t.http().get('/queues').set(bearer(manager)).expect(200)).body as {
      code: string;
      name: string;
    }[];
    expect(queues.map((q) => listed.find((l) => l.code === q.code)?.name)).toEqual(FORMULA_TEXTS.map(stored));

    const sessions = FORMULA_TEXTS.map((text, i) => ({
      externalId: `${['=', '+', '-', '@'][i % 4]}S-${i}`,
      queue: 'presales_chat',
      agent: 'CS0002',
      customerKey: `@buyer-${i}`,
      startedAt: '2026-11-20 10:00:00',
      endedAt: '2026-11-20 10:08:00',
      customerMessages: 2,
      agentMessages: 2,
      preSale: '是',
      resolved: '否',
      transcript: text,
    }));
    const imported = await upload('/imports/sessions', 'sessions.csv', csv(sessions)).expect(200);
    expect(imported.body).toMatchObject({ inserted: FORMULA_TEXTS.length, rejected: 0 });
    const viaJson = await t
      .http()
      .post('/imports/sessions')
      .set(bearer(manager))
      .send({ rows: sessions.map((s) => ({ ...s, externalId: `J${s.externalId}` })) })
      .expect(200);
    expect(viaJson.body).toMatchObject({ inserted: FORMULA_TEXTS.length, rejected: 0 });
    const header = Object.keys(sessions[0]);
    const viaXlsx = await upload(
      '/imports/sessions',
      'sessions.xlsx',
      await workbook([
        header,
        ...sessions.map((s) => header.map((k) => (k === 'externalId' ? `X${s.externalId}` : s[k as keyof typeof s]))),
      ]),
    );
    expect(viaXlsx.status).toBe(200);
    expect(viaXlsx.body).toMatchObject({ inserted: FORMULA_TEXTS.length, rejected: 0 });
    const page = (
      await t
        .http()
        .get('/sessions?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z&limit=100')
        .set(bearer(manager))
        .expect(200)
    ).body.items as { id: string; externalId: string }[];
    const transcripts = await Promise.all(
      sessions.map(
        async (s) =>
          (
            await t
              .http()
              .get(`/sessions/${page.find((p) => p.externalId === s.externalId)!.id}/transcript`)
              .set(bearer(manager))
              .expect(200)
          ).body.transcript,
      ),
    );
    expect(transcripts).toEqual(FORMULA_TEXTS.map(stored));
    const fromXlsx = await Promise.all(
      sessions.map(
        async (s) =>
          (
            await t
              .http()
              .get(`/sessions/${page.find((p) => p.externalId === `X${s.externalId}`)!.id}/transcript`)
              .set(bearer(manager))
              .expect(200)
          ).body.transcript,
      ),
    );
    expect(fromXlsx).toEqual(FORMULA_TEXTS.map(stored));

    const orders = FORMULA_TEXTS.map((_text, i) => ({
      externalOrderId: `${['=', '+', '-', '@'][i % 4]}TB-${i}`,
      customerKey: `@buyer-${i}`,
      createdAt: '2026-11-20 10:05:00',
      amount: '9.90',
    }));
    expect((await upload('/imports/orders', 'orders.csv', csv(orders)).expect(200)).body).toMatchObject({
      inserted: FORMULA_TEXTS.length,
      rejected: 0,
    });
  });

  it('stores such text as it is from the complaints import, file or JSON, as the ingest kinds do', async () => {
    const rows = FORMULA_TEXTS.map((description, i) => ({
      externalId: `${['=', '+', '-', '@'][i % 4]}C-${i}`,
      channel: 'review',
      customerKey: `=buyer-${i}`,
      category: 'service_attitude',
      severity: 'low',
      description,
    }));
    expect((await upload('/complaints/import', 'complaints.csv', csv(rows)).expect(200)).body).toMatchObject({
      inserted: FORMULA_TEXTS.length,
      rejected: 0,
    });
    const json = await t
      .http()
      .post('/complaints/import')
      .set(bearer(manager))
      .send({ rows: rows.map((r) => ({ ...r, externalId: `J${r.externalId}` })) })
      .expect(200);
    expect(json.body).toMatchObject({ inserted: FORMULA_TEXTS.length, rejected: 0 });
    const list = (await t.http().get('/complaints?limit=100').set(bearer(manager)).expect(200)).body.items as {
      externalId: string;
      description: string;
    }[];
    expect(rows.map((r) => list.find((c) => c.externalId === r.externalId)?.description)).toEqual(
      FORMULA_TEXTS.map(stored),
    );
  });

  it('refuses what no text may hold the same way in both imports, naming row and column', async () => {
    const session = {
      externalId: 'NUL-1',
      queue: 'presales_chat',
      agent: 'CS0002',
      customerKey: 'b',
      startedAt: '2026-11-20 10:00:00',
      endedAt: '2026-11-20 10:08:00',
      customerMessages: 2,
      agentMessages: 2,
      preSale: '是',
      resolved: '否',
      transcript: 'a\u0000b',
    };
    const ingest = await upload('/imports/sessions', 'sessions.csv', csv([session])).expect(422);
    expect(ingest.body.errors).toEqual([
      expect.objectContaining({ row: 2, field: 'transcript', code: 'request.nul-character' }),
    ]);
    const complaint = {
      externalId: 'NUL-C',
      channel: 'review',
      customerKey: 'b',
      category: 'service_attitude',
      description: 'a\u0000b',
    };
    const complaints = await upload('/complaints/import', 'complaints.csv', csv([complaint])).expect(422);
    expect(complaints.body.errors).toEqual([
      expect.objectContaining({ row: 2, field: 'description', code: 'request.nul-character' }),
    ]);
  });

  it('refuses a complaints file that is not UTF-8 or ends inside a quote with 4xx, not 500', async () => {
    const gbk = Buffer.concat([
      Buffer.from('externalId,channel,customerKey,category,description\nG-1,review,b,service_attitude,'),
      Buffer.from([0xc9, 0xcf, 0xba, 0xa3]),
      Buffer.from('\n'),
    ]);
    const notUtf8 = await t
      .http()
      .post('/complaints/import')
      .set(bearer(manager))
      .attach('file', gbk, 'complaints.csv')
      .expect(422);
    expect(notUtf8.body.code).toBe('ingest.not-utf8');
    const open = await upload(
      '/complaints/import',
      'complaints.csv',
      'externalId,channel,customerKey,category,description\nQ-1,review,b,service_attitude,"never closed\n',
    ).expect(422);
    expect(open.body.code).toBe('ingest.ends-in-quotes');
  });
});
