import type { Sql } from 'postgres';
import { KpiAggregation } from 'src/modules/kpi/kpi-aggregation.service';
import { ViewCache } from 'src/platform/cache/view-cache';
import { Db } from 'src/platform/db/db';
import { insertSession } from './support/kpi-facts';
import { bearer, startTestApp, TestApp } from './support/test-app';

type Item = { agentId: string; agentName: string; values: { inquiries: number | null } };

/**
 * KPI answers are served from a cache of serialised answers; two replicas on one database show that
 * a new aggregation or a renamed agent on either one is in the other's next answer. Re-aggregating
 * an unchanged day writes no row again (so it leaves nothing for readers to wade through).
 */
describe('KPI reads across replicas and re-aggregation (e2e)', () => {
  let a: TestApp;
  let b: TestApp;
  let sql: Sql;
  let agentId: string;
  const D = '2026-11-25';
  const local = (time: string) => new Date(`${D}T${time}+08:00`).toISOString();
  const path = `/kpis?from=${D}&to=${D}&metrics=inquiries`;
  let managerA: string;
  const read = (t: TestApp, headers: Record<string, string> = {}) =>
    t.http().get(path).set(bearer(managerA)).set(headers);
  const inquiriesOf = (items: Item[]) => items.find((i) => i.agentId === agentId)?.values.inquiries;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({}, [], a.databaseUrl);
    sql = a.app.get(Db).client;
    [{ id: agentId }] = await sql<
      { id: string }[]
    >`SELECT id FROM agents WHERE shop_id = ${a.demoShopId} ORDER BY employee_no LIMIT 1`;
    for (let i = 0; i < 3; i++)
      await insertSession(sql, a.demoShopId, { agentId, customer: `c${i}`, startedAt: local('10:00:00') });
    await a.app.get(KpiAggregation).aggregateDay(a.demoShopId, D);
    managerA = await a.tokenFor('manager');
  }, 300_000);
  afterAll(async () => {
    await b.close();
    await a.close();
  }, 300_000);

  it('answers a repeated query from the cache, and a new aggregation on another replica at once', async () => {
    const cache = a.app.get(ViewCache);
    const first = await read(a).expect(200);
    expect(inquiriesOf(first.body.items)).toBe(3);
    const before = cache.stats;
    const again = await read(a).expect(200);
    expect(cache.stats.hits).toBe(before.hits + 1);
    expect(again.text).toBe(first.text);
    await read(a, { 'If-None-Match': first.headers.etag }).expect(304);

    await insertSession(sql, a.demoShopId, { agentId, customer: 'c-late', startedAt: local('11:00:00') });
    await b.app.get(KpiAggregation).aggregateDay(b.demoShopId, D);
    expect(inquiriesOf((await read(a).expect(200)).body.items)).toBe(4);
  });

  it('shows an agent renamed on the other replica', async () => {
    await b
      .http()
      .patch(`/agents/${agentId}`)
      .set(bearer(await b.tokenFor('manager')))
      .send({ name: '新的名字' })
      .expect(200);
    expect((await read(a).expect(200)).body.items.find((i: Item) => i.agentId === agentId).agentName).toBe('新的名字');
  });

  it('keeps each reader to their own rows although answers are cached', async () => {
    await read(a).expect(200);
    const agentToken = await a.tokenFor('agent');
    const own = await a.http().get(`/kpis?from=${D}&to=${D}`).set(bearer(agentToken)).expect(200);
    const [me] = await sql<{ agent_id: string }[]>`SELECT agent_id FROM users WHERE username = 'agent'`;
    expect(own.body.items.every((i: Item) => i.agentId === me.agent_id)).toBe(true);
  });

  it('writes no row again when a day is aggregated with nothing changed', async () => {
    const before = await sql<
      { agent_id: string; v: string }[]
    >`SELECT agent_id, xmin::text AS v FROM kpi_agent_days WHERE shop_id = ${a.demoShopId} AND day = ${D} ORDER BY agent_id`;
    expect(before.length).toBeGreaterThan(0);
    await a.app.get(KpiAggregation).aggregateDay(a.demoShopId, D);
    const after = await sql<
      { agent_id: string; v: string }[]
    >`SELECT agent_id, xmin::text AS v FROM kpi_agent_days WHERE shop_id = ${a.demoShopId} AND day = ${D} ORDER BY agent_id`;
    expect(after).toEqual(before);
  });
});
