import { bearer, TestApp } from './support/test-app';
import { DEMO_SETUP_MS, startDemoApp } from './support/demo-database';
import { catalogue } from 'src/platform/errors/problem-catalogue';

const CJK = /[\u3400-\u9fff]/;

describe('problem+json in the reader’s language, with catalogued codes (e2e)', () => {
  let t: TestApp;
  let manager: string;

  beforeAll(async () => {
    t = await startDemoApp();
    manager = await t.tokenFor('manager');
  }, DEMO_SETUP_MS);
  afterAll(() => t.close(), 300_000);

  it('answers in the shop’s language without Accept-Language, and in the asked one with it', async () => {
    const missing = '/agents/00000000-0000-4000-8000-000000000000';
    const zh = await t.http().get(missing).set(bearer(manager)).expect(404);
    expect(zh.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(zh.body).toMatchObject({ type: '/problems/not-found', status: 404, title: '未找到' });
    expect(zh.body.code).toMatch(/^[a-z]+\.[a-z-]+$/);
    const en = await t.http().get(missing).set(bearer(manager)).set('Accept-Language', 'en-GB,en;q=0.9').expect(404);
    expect(en.body).toMatchObject({ code: zh.body.code, title: 'Not found' });
    expect(en.body.detail).not.toMatch(CJK);

    await t
      .http()
      .patch(`/shops/${t.demoShopId}`)
      .set(bearer(await t.tokenFor('admin')))
      .set('X-Shop-Id', t.demoShopId)
      .send({ language: 'en' })
      .expect(200);
    const shopEnglish = await t.http().get(missing).set(bearer(manager)).expect(404);
    expect(shopEnglish.body.title).toBe('Not found');
    const askedChinese = await t.http().get(missing).set(bearer(manager)).set('Accept-Language', 'zh-CN').expect(404);
    expect(askedChinese.body.title).toBe('未找到');
    await t
      .http()
      .patch(`/shops/${t.demoShopId}`)
      .set(bearer(await t.tokenFor('admin')))
      .set('X-Shop-Id', t.demoShopId)
      .send({ language: 'zh' })
      .expect(200);
  });

  it('localises validation messages, zod’s own included, without English type names in Chinese', async () => {
    const res = await t
      .http()
      .post('/teams')
      .set(bearer(manager))
      .set('Accept-Language', 'zh')
      .send({ name: 42, colour: 'red' })
      .expect(400);
    expect(res.body.code).toBe('common.validation');
    const byField = Object.fromEntries(
      res.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(byField.colour).toBe('未知字段');
    expect(byField.name).toMatch(CJK);
    expect(byField.name).not.toMatch(/\b(string|number)\b/);
    const en = await t
      .http()
      .post('/teams')
      .set(bearer(manager))
      .set('Accept-Language', 'en')
      .send({ name: 42 })
      .expect(400);
    expect(en.body.errors[0].message).toMatch(/expected string/);
  });

  it('never lets a record’s state pose as the HTTP status', async () => {
    const stale = await t
      .http()
      .post('/rosters/00000000-0000-4000-8000-000000000000/stop')
      .set(bearer(manager))
      .expect(404);
    expect(stale.body.status).toBe(404);
  });

  it('lists every catalogued code in OpenAPI, each with Chinese and English text', async () => {
    const docs = await t.http().get('/docs-json').expect(200);
    const codes: string[] = docs.body.components.schemas.ProblemCode.enum;
    const all = catalogue();
    expect(all.length).toBeGreaterThan(10);
    expect(codes).toEqual(all.map((p) => p.code));
    for (const p of all) {
      expect(docs.body.info.description).toContain(`\`${p.code}\``);
      if (!/^\{\w+\}$/.test(p.zh)) expect(p.zh).toMatch(CJK);
      expect(p.en).not.toMatch(CJK);
    }
  });
});
