import type { Sql } from 'postgres';
import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { bearer, TestApp } from './support/test-app';

/**
 * Scorecard → monthly ranking job → HR approval (frozen, rules booked) → ledger, with roles and
 * shops. The month's daily KPI sums are written by hand: conversion and first response per agent.
 */
describe('rankings and the reward/penalty ledger (e2e)', () => {
  let t: TestApp;
  let sql: Sql;
  let other: SecondShop;
  let manager: string;
  let hr: string;
  let p: string[]; // P1 (the agent login) … P6
  let ownTeam: string;
  let scorecardId: string;
  let firstRun: string;

  const MONTH = '2026-10';
  const ranked = (body: { ranked: { agentId: string }[] }) => body.ranked.map((r) => p.indexOf(r.agentId) + 1);

  /** `days` days of October: 20 pre-sale inquiries a day, `ordered` ordered customers, first response `seconds`. */
  const month = async (agentId: string, days: number, ordered: number, seconds: number) => {
    await sql`
      INSERT INTO kpi_agent_days (shop_id, agent_id, day, team_id, role_group, sessions, inquiries, pre_sale_inquiries, ordered_customers, first_response_sum, first_response_count)
      SELECT a.shop_id, a.id, d::date, a.team_id, a.role_group, 20, 20, 20, ${ordered}, ${seconds * 20}, 20
      FROM agents a, generate_series('2026-10-01'::date, '2026-10-01'::date + ${days - 1}::int, interval '1 day') d WHERE a.id = ${agentId}`;
  };
  const settle = async (jobId: string) => t.app.get(JobQueue).settled(jobId);

  beforeAll(async () => {
    ({ t, manager, other } = await startTestAppWithSecondShop());
    sql = t.app.get(Db).client;
    hr = await t.tokenFor('hr');
    const [me] = await sql<
      { agent_id: string; team_id: string }[]
    >`SELECT u.agent_id, a.team_id FROM users u JOIN agents a ON a.id = u.agent_id WHERE u.username = 'agent'`;
    ownTeam = me.team_id;
    const mates = await sql<
      { id: string }[]
    >`SELECT id FROM agents WHERE team_id = ${ownTeam} AND id <> ${me.agent_id} AND NOT is_supervisor ORDER BY employee_no LIMIT 2`;
    const others = await sql<{ id: string }[]>`
      SELECT a.id FROM agents a JOIN teams t ON t.id = a.team_id WHERE a.shop_id = ${t.demoShopId} AND a.team_id <> ${ownTeam} AND a.role_group = 'pre_sales' ORDER BY a.employee_no LIMIT 3`;
    p = [me.agent_id, mates[0].id, others[0].id, others[1].id, others[2].id, mates[1].id];
    const plan: [number, number, number][] = [
      [20, 10, 20],
      [20, 8, 15],
      [20, 6, 10],
      [20, 4, 30],
      [20, 2, 40],
      [10, 10, 5],
    ];
    for (const [i, [days, ordered, seconds]] of plan.entries()) await month(p[i], days, ordered, seconds);
    const [afterSales] = await sql<
      { id: string }[]
    >`SELECT id FROM agents WHERE shop_id = ${t.demoShopId} AND role_group = 'after_sales' LIMIT 1`;
    await month(afterSales.id, 20, 10, 1);
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const card = {
    name: '售前月度考核',
    roleGroup: 'pre_sales',
    topN: 1,
    bottomPercent: 20,
    minDaysWorked: 15,
    minInquiries: 300,
    metrics: [
      { metric: 'orderConversion', weight: 3 },
      { metric: 'firstResponseSeconds', weight: 1 },
    ],
    rewardRules: [
      { flag: 'top', kind: 'bonus', amountCents: 50_000, note: '月度第一奖励' },
      { flag: 'bottom', kind: 'improvement_plan', note: '末位改进计划' },
    ],
  };

  it('creates a scorecard from registry metrics only (400 names the field; 403 for agents and supervisors)', async () => {
    const bad = await t
      .http()
      .post('/scorecards')
      .set(bearer(manager))
      .send({ ...card, metrics: [{ metric: 'happiness', weight: 1 }] })
      .expect(400);
    expect(bad.body.errors[0].field).toBe('metrics.0.metric');
    await t
      .http()
      .post('/scorecards')
      .set(bearer(manager))
      .send({ ...card, roleGroup: 'everyone' })
      .expect(400);
    for (const role of ['agent', 'supervisor'])
      await t
        .http()
        .post('/scorecards')
        .set(bearer(await t.tokenFor(role)))
        .send(card)
        .expect(403);
    const res = await t.http().post('/scorecards').set(bearer(manager)).send(card).expect(201);
    scorecardId = res.body.id;
    expect(res.body).toMatchObject({ tieRule: 'heaviest_metric', minDaysWorked: 15 });
    await t.http().post('/scorecards').set(bearer(manager)).send(card).expect(409);
    await t.http().get(`/scorecards/${scorecardId}`).set(bearer(other.managerToken)).expect(404);
  });

  it('ranks the month as a job: points by percentile rank, weighted total, flags, the ineligible apart', async () => {
    const accepted = await t.http().post('/rankings').set(bearer(hr)).send({ month: MONTH, scorecardId }).expect(202);
    expect(accepted.body).toMatchObject({
      version: 1,
      name: 'ranking.compute',
      statusUrl: `/jobs/${accepted.body.jobId}`,
    });
    firstRun = accepted.body.rankingId;
    await settle(accepted.body.jobId);
    const body = (await t.http().get(`/rankings/${firstRun}`).set(bearer(hr)).expect(200)).body;
    expect(body.status).toBe('completed');
    expect(ranked(body)).toEqual([1, 2, 3, 4, 5]);
    expect(
      body.ranked.map((r: { total: number; percentile: number; top: boolean; bottom: boolean }) => [
        r.total,
        r.percentile,
        r.top,
        r.bottom,
      ]),
    ).toEqual([
      [87.5, 100, true, false],
      [75, 75, false, false],
      [62.5, 50, false, false],
      [25, 25, false, false],
      [0, 0, false, true],
    ]);
    expect(body.ranked[0]).toMatchObject({
      rank: 1,
      teamId: ownTeam,
      daysWorked: 20,
      inquiries: 400,
      metrics: { orderConversion: { value: 0.5, points: 100 }, firstResponseSeconds: { value: 20, points: 50 } },
    });
    expect(body.ineligible).toContainEqual(
      expect.objectContaining({
        agentId: p[5],
        daysWorked: 10,
        reasonCodes: ['min-days-worked', 'min-inquiries'],
        reasons: ['出勤 10 天，少于 15 天', '咨询量 200，少于 300'],
      }),
    );
    const english = (
      await t.http().get(`/rankings/${firstRun}`).set(bearer(hr)).set('Accept-Language', 'en').expect(200)
    ).body;
    expect(english.ineligible).toContainEqual(
      expect.objectContaining({
        agentId: p[5],
        reasons: ['worked 10 days, fewer than 15', '200 inquiries, fewer than 300'],
      }),
    );
    expect(english.statusLabel).toBe('completed');
    // Every other active pre-sales agent had no figures this month: listed apart with 0 days, never ranked.
    const [{ n }] = await sql<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM agents WHERE shop_id = ${t.demoShopId} AND role_group = 'pre_sales' AND active`;
    expect(body.ranked.length + body.ineligible.length).toBe(n);
    expect(
      body.ineligible
        .filter((r: { agentId: string }) => r.agentId !== p[5])
        .every(
          (r: { daysWorked: number; reasons: string[] }) =>
            r.daysWorked === 0 && r.reasons[0] === '出勤 0 天，少于 15 天',
        ),
    ).toBe(true);
  });

  it('shows supervisors their teams’ rows only; agents, trainers and other shops get 403/404', async () => {
    const body = (
      await t
        .http()
        .get(`/rankings/${firstRun}`)
        .set(bearer(await t.tokenFor('supervisor')))
        .expect(200)
    ).body;
    expect(ranked(body)).toEqual([1, 2]);
    for (const role of ['agent', 'trainer'])
      await t
        .http()
        .get(`/rankings/${firstRun}`)
        .set(bearer(await t.tokenFor(role)))
        .expect(403);
    await t.http().get(`/rankings/${firstRun}`).set(bearer(other.managerToken)).expect(404);
    await t.http().post('/rankings').set(bearer(other.managerToken)).send({ month: MONTH, scorecardId }).expect(404);
    await t.http().post('/rankings').set(bearer(hr)).send({ month: '2026-13', scorecardId }).expect(400);
    await t.http().post(`/rankings/${firstRun}/approve`).set(bearer(other.managerToken)).expect(403);
  });

  it('freezes on HR approval, books the rules once, and a re-run is a new version that cannot also be approved', async () => {
    await t.http().post(`/rankings/${firstRun}/approve`).set(bearer(manager)).expect(403);
    const approved = await t.http().post(`/rankings/${firstRun}/approve`).set(bearer(hr)).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', ledgerEntriesProposed: 2 });
    await t.http().post(`/rankings/${firstRun}/approve`).set(bearer(hr)).expect(409);

    // New facts for P5, then a re-run: version 2 moves, version 1 stays as approved.
    await sql`UPDATE kpi_agent_days SET ordered_customers = 20 WHERE agent_id = ${p[4]}`;
    const rerun = await t.http().post('/rankings').set(bearer(hr)).send({ month: MONTH, scorecardId }).expect(202);
    expect(rerun.body.version).toBe(2);
    await settle(rerun.body.jobId);
    const v2 = (await t.http().get(`/rankings/${rerun.body.rankingId}`).set(bearer(hr)).expect(200)).body;
    expect(ranked(v2)[0]).toBe(5);
    const v1 = (await t.http().get(`/rankings/${firstRun}`).set(bearer(hr)).expect(200)).body;
    expect(v1.status).toBe('approved');
    expect(ranked(v1)).toEqual([1, 2, 3, 4, 5]);
    await t.http().post(`/rankings/${rerun.body.rankingId}/approve`).set(bearer(hr)).expect(409);
    const list = (await t.http().get(`/rankings?month=${MONTH}`).set(bearer(manager)).expect(200)).body;
    expect(list.items.map((r: { version: number }) => r.version).sort()).toEqual([1, 2]);
  });

  it('keeps a ledger: rule entries and manual ones proposed, HR decides, agents see their own', async () => {
    const entries = (await t.http().get(`/ledger?month=${MONTH}`).set(bearer(hr)).expect(200)).body.items;
    expect(
      entries
        .map((e: { agentId: string; kind: string; amountCents: number; status: string; source: string }) => [
          p.indexOf(e.agentId) + 1,
          e.kind,
          e.amountCents,
          e.status,
          e.source,
        ])
        .sort(),
    ).toEqual([
      [1, 'bonus', 50_000, 'proposed', 'rule'],
      [5, 'improvement_plan', 0, 'proposed', 'rule'],
    ]);
    // Kinds, states and sources read as words in the reader's language; a rule entry's reason names its rank.
    expect(entries.find((e: { kind: string }) => e.kind === 'bonus')).toMatchObject({
      kindLabel: '奖励',
      statusLabel: '待审批',
      sourceLabel: '考核规则',
      rank: 1,
      reason: expect.stringMatching(/（第 1 名）$/),
    });
    const inEnglish = (
      await t.http().get(`/ledger?month=${MONTH}`).set(bearer(hr)).set('Accept-Language', 'en').expect(200)
    ).body.items;
    expect(inEnglish.find((e: { kind: string }) => e.kind === 'improvement_plan')).toMatchObject({
      kindLabel: 'improvement plan',
      statusLabel: 'proposed',
      reason: expect.stringMatching(/ \(rank 5\)$/),
    });
    const manual = await t
      .http()
      .post('/ledger')
      .set(bearer(manager))
      .send({ agentId: p[2], month: MONTH, kind: 'penalty', amountCents: 2_000, reason: '迟到三次' })
      .expect(201);
    expect(manual.body).toMatchObject({ amountCents: -2_000, source: 'manual', status: 'proposed' });
    await t
      .http()
      .post('/ledger')
      .set(bearer(manager))
      .send({ agentId: p[2], month: MONTH, kind: 'penalty', amountCents: 2_000 })
      .expect(400);
    await t
      .http()
      .post('/ledger')
      .set(bearer(await t.tokenFor('agent')))
      .send({ agentId: p[0], month: MONTH, kind: 'bonus', amountCents: 1, reason: 'x' })
      .expect(403);
    await t
      .http()
      .post('/ledger')
      .set(bearer(other.managerToken))
      .send({ agentId: p[0], month: MONTH, kind: 'bonus', amountCents: 1, reason: 'x' })
      .expect(404);

    const bonus = entries.find((e: { kind: string }) => e.kind === 'bonus');
    await t.http().post(`/ledger/${bonus.id}/approve`).set(bearer(manager)).expect(403);
    await t.http().post(`/ledger/${bonus.id}/approve`).set(bearer(other.managerToken)).expect(403);
    const admin = { ...bearer(await t.tokenFor('admin')), 'X-Shop-Id': other.shopId };
    await t.http().post(`/ledger/${bonus.id}/approve`).set(admin).expect(404);
    expect((await t.http().post(`/ledger/${bonus.id}/approve`).set(bearer(hr)).expect(200)).body.status).toBe(
      'approved',
    );
    await t.http().post(`/ledger/${bonus.id}/reject`).set(bearer(hr)).expect(409);
    expect((await t.http().post(`/ledger/${manual.body.id}/reject`).set(bearer(hr)).expect(200)).body.status).toBe(
      'rejected',
    );

    const mine = (
      await t
        .http()
        .get('/ledger')
        .set(bearer(await t.tokenFor('agent')))
        .expect(200)
    ).body.items;
    expect(mine.map((e: { agentId: string; status: string }) => [e.agentId, e.status])).toEqual([[p[0], 'approved']]);
    await t
      .http()
      .get(`/ledger?agentId=${p[2]}`)
      .set(bearer(await t.tokenFor('agent')))
      .expect(403);
    await t
      .http()
      .get('/ledger')
      .set(bearer(await t.tokenFor('trainer')))
      .expect(403);
    expect((await t.http().get('/ledger').set(bearer(other.managerToken)).expect(200)).body.items).toEqual([]);
  });
});
