import { Db } from 'src/platform/db/db';
import { DemoHistorySeed } from 'src/demo/demo-history.seed';
import { bearer, startTestApp, TestApp } from './support/test-app';

describe('demo history: 8 weeks of volume, sessions and orders (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('writes consistent history once, through the import path, with orders attributed', async () => {
    const seed = t.app.get(DemoHistorySeed);
    const counts = await seed.seed(t.demoShopId, new Date('2026-11-23T04:00:00Z'));
    expect(counts!.sessions).toBeGreaterThan(40_000);
    expect(await seed.seed(t.demoShopId)).toBeNull();
    const sql = t.app.get(Db).client;
    const [facts] = await sql`SELECT
        (SELECT count(*)::int FROM chat_sessions WHERE shop_id = ${t.demoShopId}) AS sessions,
        (SELECT count(*)::int FROM orders WHERE shop_id = ${t.demoShopId}) AS orders,
        (SELECT count(*)::int FROM orders WHERE shop_id = ${t.demoShopId} AND attributed_agent_id IS NOT NULL) AS attributed,
        (SELECT count(DISTINCT (slot_start AT TIME ZONE 'Asia/Shanghai')::date)::int FROM volume_slots WHERE shop_id = ${t.demoShopId}) AS days,
        (SELECT max(slot_start) FROM volume_slots WHERE shop_id = ${t.demoShopId}) AS last_slot`;
    expect(facts).toMatchObject({ sessions: counts!.sessions, orders: counts!.orders, days: 56 });
    expect(facts.attributed / facts.orders).toBeGreaterThan(0.8);
    expect(new Date(facts.last_slot).toISOString()).toBe('2026-11-22T15:30:00.000Z');
    const manager = await t.tokenFor('manager');
    const day = await t
      .http()
      .get('/sessions?from=2026-11-20T16:00:00Z&to=2026-11-21T16:00:00Z&limit=1')
      .set(bearer(manager))
      .expect(200);
    expect(day.body.total).toBeGreaterThan(500);
  });
});
