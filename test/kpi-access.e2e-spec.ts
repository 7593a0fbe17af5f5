import type { Sql } from 'postgres';
import { KpiAggregation } from 'src/modules/kpi/kpi-aggregation.service';
import { Db } from 'src/platform/db/db';
import { insertSession } from './support/kpi-facts';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { bearer, TestApp } from './support/test-app';

/** Who reads which KPI rows, shop isolation, input errors, and the daily report against last week. */
describe('KPI routes: roles, scope, shops, input and the daily report (e2e)', () => {
  let t: TestApp;
  let sql: Sql;
  let other: SecondShop;
  let own: string; // the agent login's agent
  let teammate: string;
  let outsider: string; // in a team the supervisor does not run
  let ownTeam: string;
  let otherTeam: string;

  const D = '2026-11-25';
  const WEEK_BEFORE = '2026-11-18';
  const local = (date: string, time: string) => new Date(`${date}T${time}+08:00`).toISOString();
  const get = (path: string, token: string) => t.http().get(path).set(bearer(token));

  beforeAll(async () => {
    ({ t, other } = await startTestAppWithSecondShop());
    sql = t.app.get(Db).client;
    const [me] = await sql<
      { agent_id: string; team_id: string }[]
    >`SELECT u.agent_id, a.team_id FROM users u JOIN agents a ON a.id = u.agent_id WHERE u.username = 'agent'`;
    own = me.agent_id;
    ownTeam = me.team_id;
    [{ id: teammate }] = await sql<
      { id: string }[]
    >`SELECT id FROM agents WHERE team_id = ${ownTeam} AND id <> ${own} AND NOT is_supervisor ORDER BY employee_no LIMIT 1`;
    [{ id: outsider, team_id: otherTeam }] = await sql<
      { id: string; team_id: string }[]
    >`SELECT id, team_id FROM agents WHERE shop_id = ${t.demoShopId} AND team_id <> ${ownTeam} ORDER BY employee_no LIMIT 1`;
    const facts: [string, string, number][] = [
      [own, D, 3],
      [teammate, D, 2],
      [outsider, D, 4],
      [own, WEEK_BEFORE, 2],
      [outsider, WEEK_BEFORE, 4],
    ];
    for (const [agentId, date, n] of facts) {
      for (let i = 0; i < n; i++)
        await insertSession(sql, t.demoShopId, {
          agentId,
          customer: `${agentId}-${date}-${i}`,
          startedAt: local(date, '10:00:00'),
          rating: i === 0 ? 5 : 2,
        });
    }
    const aggregation = t.app.get(KpiAggregation);
    await aggregation.aggregateDay(t.demoShopId, D);
    await aggregation.aggregateDay(t.demoShopId, WEEK_BEFORE);
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const range = `from=${D}&to=${D}`;
  const agentsIn = (body: { items: { agentId: string }[] }) => body.items.map((r) => r.agentId).sort();

  it('refuses every route without a token (401)', async () => {
    for (const path of ['/kpis/definitions', `/kpis?${range}`, `/reports/daily?date=${D}`])
      await t.http().get(path).expect(401);
  });

  it('serves the registry to everyone signed in', async () => {
    const res = await get('/kpis/definitions', await t.tokenFor('trainer')).expect(200);
    const conversion = res.body.find((d: { key: string }) => d.key === 'orderConversion');
    expect(conversion).toMatchObject({
      nameZh: '转定率',
      unit: 'ratio',
      direction: 'higher',
      numerator: 'orderedCustomers',
      denominator: 'preSaleInquiries',
    });
    expect(conversion.attributionWindow).toContain('24:00');
    expect(res.body.find((d: { key: string }) => d.key === 'firstResponseSeconds').direction).toBe('lower');
    // Names, units and descriptions in the reader's language beside the stable keys.
    expect(conversion).toMatchObject({
      label: '转定率',
      unitLabel: '比率',
      directionLabel: '越高越好',
      formula: '下单人数 / 询单人数',
      countedOn: '所归属咨询会话的当地日期',
    });
    const english = (
      await get('/kpis/definitions', await t.tokenFor('trainer'))
        .set('Accept-Language', 'en')
        .expect(200)
    ).body.find((d: { key: string }) => d.key === 'orderConversion');
    expect(english).toMatchObject({
      label: 'Order conversion',
      unitLabel: 'ratio',
      formula: 'ordered customers / pre-sale inquiries',
      countedOn: 'local day of the attributed inquiry session',
    });
  });

  it('shows an agent only their own rows, and refuses them team, shop and other agents', async () => {
    const agent = await t.tokenFor('agent');
    expect(agentsIn((await get(`/kpis?${range}`, agent).expect(200)).body)).toEqual([own]);
    await get(`/kpis?${range}&level=team`, agent).expect(403);
    await get(`/kpis?${range}&level=shop`, agent).expect(403);
    await get(`/kpis?${range}&agentId=${teammate}`, agent).expect(403);
    await get(`/reports/daily?date=${D}`, agent).expect(403);
  });

  it('shows a supervisor their own team, never the shop or another team', async () => {
    const supervisor = await t.tokenFor('supervisor');
    expect(agentsIn((await get(`/kpis?${range}`, supervisor).expect(200)).body)).toEqual([own, teammate].sort());
    const teams = (await get(`/kpis?${range}&level=team`, supervisor).expect(200)).body.items.map(
      (r: { teamId: string }) => r.teamId,
    );
    expect(teams).toEqual([ownTeam]);
    await get(`/kpis?${range}&level=shop`, supervisor).expect(403);
    await get(`/kpis?${range}&agentId=${outsider}`, supervisor).expect(403);
    await get(`/kpis?${range}&level=team&teamId=${otherTeam}`, supervisor).expect(403);
    const report = (await get(`/reports/daily?date=${D}`, supervisor).expect(200)).body;
    expect(report.shop).toBeNull();
    expect(report.teams.map((r: { teamId: string }) => r.teamId)).toEqual([ownTeam]);
  });

  it('lets manager, HR and QC read the shop; trainers get 403', async () => {
    for (const role of ['manager', 'hr', 'qc']) {
      const body = (await get(`/kpis?${range}&level=shop&metrics=sessions`, await t.tokenFor(role)).expect(200)).body;
      expect(body.items[0].values.sessions).toBe(9);
    }
    await get(`/kpis?${range}`, await t.tokenFor('trainer')).expect(403);
    await get(`/reports/daily?date=${D}`, await t.tokenFor('trainer')).expect(403);
  });

  it('keeps shops apart: another shop sees none of these rows, and our agent or team ids are not found there (404)', async () => {
    expect((await get(`/kpis?${range}`, other.managerToken).expect(200)).body.items).toEqual([]);
    await get(`/kpis?${range}&agentId=${own}`, other.managerToken).expect(404);
    await get(`/kpis?${range}&level=team&teamId=${ownTeam}`, other.managerToken).expect(404);
    const report = (await get(`/reports/daily?date=${D}`, other.managerToken).expect(200)).body;
    expect(report.teams).toEqual([]);
    expect(report.shop.figures.inquiries).toMatchObject({ value: 0, previous: 0 });
  });

  it('answers bad input with a problem naming the field', async () => {
    const manager = await t.tokenFor('manager');
    const cases: [string, string][] = [
      [`/kpis?from=${D}`, 'to'],
      [`/kpis?from=2026-11-30&to=2026-11-01`, 'to'],
      [`/kpis?from=2025-01-01&to=2026-11-01`, 'to'],
      [`/kpis?${range}&level=company`, 'level'],
      [`/kpis?${range}&metrics=inquiries,happiness`, 'metrics'],
      [`/kpis?${range}&agentId=nope`, 'agentId'],
      [`/kpis?${range}&colour=red`, 'colour'],
      ['/reports/daily?date=2026-13-01', 'date'],
    ];
    for (const [path, field] of cases) {
      const res = await get(path, manager).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('reports per team and shop with the change against the same weekday last week', async () => {
    const report = (await get(`/reports/daily?date=${D}`, await t.tokenFor('manager')).expect(200)).body;
    expect(report.comparedWith).toBe(WEEK_BEFORE);
    expect(report.shop.figures.inquiries).toEqual({ value: 9, previous: 6, change: 3, changePercent: 50 });
    // Satisfaction: 3 of 9 ratings now (one 5 per agent), 2 of 6 before.
    expect(report.shop.figures.satisfaction).toEqual({ value: 0.3333, previous: 0.3333, change: 0, changePercent: 0 });
    expect(report.shop.figures.paymentRate).toEqual({ value: null, previous: null, change: null, changePercent: null });
    const mine = report.teams.find((r: { teamId: string }) => r.teamId === ownTeam);
    expect(mine.figures.inquiries).toEqual({ value: 5, previous: 2, change: 3, changePercent: 150 });
    expect(Object.keys(report.shop.figures)).toEqual(
      expect.arrayContaining([
        'orders',
        'orderConversion',
        'serviceSales',
        'stockOuts',
        'refundRate',
        'complaints',
        'firstResponseSeconds',
      ]),
    );
  });
});
