import { importKinds } from 'src/modules/ingest/kinds';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { csv, workbook } from './support/files';

type FieldError = { field: string; message: string; code?: string; row?: number };

/** The template's example row of a kind, as field keys and values. */
const exampleRow = (kind: keyof typeof importKinds) =>
  Object.fromEntries(importKinds[kind].columns.map((c) => [c.key, c.example]));
const without = (row: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));

/** A file that leaves out a required column is refused from its header, naming each column. */
describe('imports without a required column (e2e)', () => {
  let t: TestApp;
  let manager: string;
  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.tokenFor('manager');
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const upload = (kind: string, name: string, content: string | Buffer, lang = 'en') =>
    t
      .http()
      .post(`/imports/${kind}`)
      .set(bearer(manager))
      .set('Accept-Language', lang)
      .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), name);
  const body = (kind: string, rows: object[], lang = 'en') =>
    t.http().post(`/imports/${kind}`).set(bearer(manager)).set('Accept-Language', lang).send({ rows });
  const expectMissing = (res: { body: { code: string; errors: FieldError[] } }, columns: string[]) => {
    expect(res.body.code).toBe('ingest.missing-columns');
    expect(res.body.errors).toEqual(
      columns.map((c) =>
        expect.objectContaining({ field: c, message: `column ${c} is required`, code: 'ingest.column-required' }),
      ),
    );
  };

  for (const kind of Object.keys(importKinds) as (keyof typeof importKinds)[]) {
    const required = importKinds[kind].columns.filter((c) => c.required).map((c) => c.key);
    // Two columns, or one where leaving out two would leave no column at all.
    const gone = required.slice(required.length > 2 ? -2 : -1);

    it(`${kind}: a CSV, a workbook, a JSON file and a JSON body without ${gone.join(' and ')} name the columns, not a cell`, async () => {
      const row = without(exampleRow(kind), ...gone);
      expectMissing(await upload(kind, `${kind}.csv`, csv([row, row])).expect(422), gone);
      // A workbook with the template's Chinese headers.
      const kept = importKinds[kind].columns.filter((c) => !gone.includes(c.key));
      const book = await workbook([kept.map((c) => c.zh), kept.map((c) => c.example)]);
      expectMissing(await upload(kind, `${kind}.xlsx`, book).expect(422), gone);
      expectMissing(await upload(kind, `${kind}.json`, JSON.stringify([row])).expect(422), gone);
      expectMissing(await body(kind, [row, row]).expect(422), gone);
      // One row of many without it: that row's cell is required (not "must be a whole number").
      const rows = [exampleRow(kind), without(exampleRow(kind), gone[0])];
      const res = await body(kind, rows).expect(422);
      expect(res.body.errors).toContainEqual(
        expect.objectContaining({ row: 2, field: gone[0], message: 'is required' }),
      );
      expect(res.body.errors.filter((e: FieldError) => e.field === gone[0] && e.row === 1)).toEqual([]);
    });
  }

  it('names the missing column of a workbook, in Chinese by default, and stores nothing', async () => {
    const columns = importKinds.volume.columns.filter((c) => c.key !== 'offered');
    const file = await workbook([columns.map((c) => c.zh), columns.map((c) => c.example)]);
    const res = await upload('volume', 'volume.xlsx', file, 'zh').expect(422);
    expect(res.body.code).toBe('ingest.missing-columns');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'offered', message: '缺少必填列 offered' })]);
    expect(res.body.detail).toBe('缺少必填列：offered');
    const record = (await t.http().get('/imports').set(bearer(manager)).expect(200)).body[0];
    expect(record).toMatchObject({
      kind: 'volume',
      status: 'rejected',
      inserted: 0,
      errors: [expect.objectContaining({ field: 'offered', message: '缺少必填列 offered' })],
    });
  });

  it('says a blank required cell is required, in CSV as in JSON', async () => {
    const row = exampleRow('volume');
    const res = await upload(
      'volume',
      'blank.csv',
      csv([row, { ...row, slotStart: '2026-11-22 10:30', handled: '' }]),
    ).expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ row: 3, field: 'handled', message: 'is required' })]);
    const zh = await body('volume', [{ ...row, handled: null }], 'zh').expect(422);
    expect(zh.body.errors).toEqual([expect.objectContaining({ row: 1, field: 'handled', message: '必填' })]);
  });

  it('names the missing column of rows pushed as they arrive (volume, agent states), as their imports do', async () => {
    for (const [path, kind] of [
      ['/volume', 'volume'],
      ['/agent-states', 'agent-states'],
    ] as const) {
      const required = importKinds[kind].columns.filter((c) => c.required).map((c) => c.key);
      const gone = required[required.length - 1];
      const row = without(exampleRow(kind), gone);
      const res = await t
        .http()
        .post(path)
        .set(bearer(manager))
        .set('Accept-Language', 'zh')
        .send({ rows: [row] });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('ingest.missing-columns');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: gone, message: `缺少必填列 ${gone}` })]);
    }
  });

  it('documents the refusal on every import in OpenAPI, with an example', async () => {
    const docs = (await t.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string; content: object }> }>>;
    };
    for (const path of ['/imports/{kind}', '/imports/queues', '/complaints/import', '/rosters/import']) {
      const refused = docs.paths[path].post.responses['422'];
      expect(refused.description).toContain('ingest.missing-columns');
      expect(JSON.stringify(refused.content)).toContain('is required');
    }
  });

  it('names an unknown import kind with the kinds there are, in Chinese and English', async () => {
    const kinds = Object.keys(importKinds).join(', ');
    const zh = await body('nonsense', [{ a: 1 }], 'zh').expect(400);
    expect(zh.body.errors).toEqual([
      expect.objectContaining({ field: 'kind', message: `必须是以下之一：\`${kinds}\`` }),
    ]);
    const en = await body('nonsense', [{ a: 1 }]).expect(400);
    expect(en.body.errors).toEqual([expect.objectContaining({ field: 'kind', message: `must be one of ${kinds}` })]);
  });

  describe('complaints import', () => {
    const complaint = {
      channel: 'platform',
      customerKey: 'tb_buyer_1',
      category: 'service_attitude',
      severity: 'high',
      description: '态度差',
    };
    const send = (rows: object[], lang = 'en') =>
      t.http().post('/complaints/import').set(bearer(manager)).set('Accept-Language', lang).send({ rows });
    const file = (name: string, content: string) =>
      t
        .http()
        .post('/complaints/import')
        .set(bearer(manager))
        .set('Accept-Language', 'en')
        .attach('file', Buffer.from(content), name);

    it('refuses a CSV without a required column from its header', async () => {
      const res = await file('c.csv', csv([without(complaint, 'category', 'channel')])).expect(422);
      expectMissing(res, ['channel', 'category']);
      // Even without data rows the header says it.
      expectMissing(await file('c.csv', 'customerKey,category\n').expect(422), ['channel']);
    });

    it('refuses JSON rows that all lack a required key, and names the cell of one row that lacks it', async () => {
      expectMissing(await send([without(complaint, 'customerKey'), without(complaint, 'customerKey')]).expect(422), [
        'customerKey',
      ]);
      expectMissing(await file('c.json', JSON.stringify([without(complaint, 'channel')])).expect(422), ['channel']);
      const zh = await send([without(complaint, 'channel')], 'zh').expect(422);
      expect(zh.body.errors).toEqual([expect.objectContaining({ field: 'channel', message: '缺少必填列 channel' })]);
      const one = await send([complaint, without(complaint, 'category')]).expect(422);
      expect(one.body.errors).toEqual([expect.objectContaining({ row: 2, field: 'category', message: 'is required' })]);
    });
  });
});
