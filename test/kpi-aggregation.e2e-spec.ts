import type { Sql } from 'postgres';
import { KpiAggregation } from 'src/modules/kpi/kpi-aggregation.service';
import { RosterRepository } from 'src/modules/roster/roster.repository';
import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { insertComplaint, insertOrder, insertQcReview, insertSession } from './support/kpi-facts';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { bearer, TestApp } from './support/test-app';

/**
 * Every formula on hand-made facts: the set-based daily aggregation, read back through GET /kpis.
 * Demo shop: Asia/Shanghai, attribution window 1 day. Day D = 2026-11-20 local = [11-19T16:00Z, 11-20T16:00Z).
 */
describe('KPI aggregation on hand-made facts (e2e)', () => {
  let t: TestApp;
  let sql: Sql;
  let manager: string;
  let a: string; // the demo "agent" login's agent (team of the demo supervisor)
  let b: string; // same team
  let c: string; // another team
  let other: SecondShop;

  const D = '2026-11-20';
  const local = (date: string, time: string) => new Date(`${date}T${time}+08:00`).toISOString();
  const kpis = async (query: string, token = manager) =>
    (await t.http().get(`/kpis?${query}`).set(bearer(token)).expect(200)).body;
  const valuesOf = async (agentId: string, from = D, to = D) => {
    const body = await kpis(`level=agent&from=${from}&to=${to}&agentId=${agentId}`);
    return body.items[0]?.values as Record<string, number | null> | undefined;
  };

  beforeAll(async () => {
    ({ t, manager, other } = await startTestAppWithSecondShop());
    sql = t.app.get(Db).client;
    const [agentUser] = await sql<
      { agent_id: string; team_id: string }[]
    >`SELECT u.agent_id, a.team_id FROM users u JOIN agents a ON a.id = u.agent_id WHERE u.username = 'agent'`;
    a = agentUser.agent_id;
    [{ id: b }] = await sql<
      { id: string }[]
    >`SELECT id FROM agents WHERE team_id = ${agentUser.team_id} AND id <> ${a} AND NOT is_supervisor ORDER BY employee_no LIMIT 1`;
    [{ id: c }] = await sql<
      { id: string }[]
    >`SELECT id FROM agents WHERE shop_id = ${t.demoShopId} AND team_id <> ${agentUser.team_id} ORDER BY employee_no LIMIT 1`;

    const shop = t.demoShopId;
    // Agent A on D: two sessions of customer c1, one of c2 that runs past midnight, two after-sales.
    await insertSession(sql, shop, {
      agentId: a,
      customer: 'c1',
      startedAt: local(D, '10:00:00'),
      firstResponse: 10,
      meanResponse: 20,
      customerMessages: 4,
      agentMessages: 6,
      rating: 5,
    });
    const s2 = await insertSession(sql, shop, {
      agentId: a,
      customer: 'c1',
      startedAt: local(D, '14:00:00'),
      firstResponse: 30,
      meanResponse: 40,
      customerMessages: 2,
      agentMessages: 2,
      rating: 3,
    });
    const s3 = await insertSession(sql, shop, {
      agentId: a,
      customer: 'c2',
      startedAt: local(D, '23:50:00'),
      endedAt: local('2026-11-21', '00:20:00'),
      firstResponse: 5,
      meanResponse: 10,
      customerMessages: 3,
      agentMessages: 3,
    });
    await insertSession(sql, shop, {
      agentId: a,
      customer: 'c3',
      startedAt: local(D, '11:00:00'),
      preSale: false,
      resolved: true,
      firstResponse: null,
      meanResponse: null,
      customerMessages: 1,
      agentMessages: 1,
      rating: 4,
    });
    await insertSession(sql, shop, {
      agentId: a,
      customer: 'c4',
      startedAt: local(D, '12:00:00'),
      preSale: false,
      resolved: false,
      firstResponse: null,
      meanResponse: null,
      customerMessages: 2,
      agentMessages: 0,
    });
    // The next local day (00:10 on D+1) is not D's.
    await insertSession(sql, shop, {
      agentId: a,
      customer: 'c5',
      startedAt: local('2026-11-21', '00:10:00'),
      customerMessages: 1,
      agentMessages: 1,
    });
    // Orders: c1 twice (one paid on D, one in the window on D+1, refunded ten days later), c2 unpaid and out of stock.
    await insertOrder(sql, shop, {
      customer: 'c1',
      createdAt: local(D, '15:00:00'),
      paidAt: local(D, '15:01:00'),
      amountCents: 10_000,
      agentId: a,
      sessionId: s2,
    });
    await insertOrder(sql, shop, {
      customer: 'c1',
      createdAt: local('2026-11-21', '10:00:00'),
      paidAt: local('2026-11-21', '10:02:00'),
      refundedAt: local('2026-11-30', '09:00:00'),
      amountCents: 5_050,
      refundedCents: 5_050,
      agentId: a,
      sessionId: s2,
    });
    await insertOrder(sql, shop, {
      customer: 'c2',
      createdAt: local('2026-11-21', '09:00:00'),
      amountCents: 3_000,
      outOfStock: true,
      agentId: a,
      sessionId: s3,
    });
    // An order without an inquiry: nobody's.
    await insertOrder(sql, shop, {
      customer: 'c9',
      createdAt: local(D, '12:00:00'),
      paidAt: local(D, '12:00:30'),
      amountCents: 9_999,
    });
    // Agent B: one answered pre-sale inquiry, nothing else.
    await insertSession(sql, shop, {
      agentId: b,
      customer: 'c6',
      startedAt: local(D, '09:00:00'),
      firstResponse: 8,
      meanResponse: 8,
    });
    // Agent C (other team): one session, a complaint at fault, one not at fault, QC reviews (a draft does not count).
    await insertSession(sql, shop, {
      agentId: c,
      customer: 'c7',
      startedAt: local(D, '09:30:00'),
      preSale: false,
      resolved: true,
    });
    await insertComplaint(sql, shop, c, local(D, '18:00:00'), true);
    await insertComplaint(sql, shop, c, local(D, '18:30:00'), false);
    await insertComplaint(sql, shop, c, local('2026-11-21', '01:00:00'), true);
    await insertQcReview(sql, shop, c, local(D, '09:30:00'), 90, 'submitted');
    // One session reviewed twice (calibration): it counts once, with the mean of its reviews (78).
    const calibrated = '7f000000-0000-4000-8000-000000000078';
    await insertQcReview(sql, shop, c, local(D, '10:30:00'), 75.5, 'submitted', calibrated);
    await insertQcReview(sql, shop, c, local(D, '10:30:00'), 80.5, 'submitted', calibrated);
    await insertQcReview(sql, shop, c, local(D, '11:30:00'), 10, 'draft');

    await t.app.get(KpiAggregation).aggregateDay(shop, D);
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('computes the session figures: distinct answered customers, weighted response times, a session past midnight on its first day', async () => {
    const v = (await valuesOf(a))!;
    expect(v.sessions).toBe(5);
    expect(v.inquiries).toBe(3); // c1, c2, c3 (c4 was never answered)
    expect(v.preSaleInquiries).toBe(2);
    expect(v.firstResponseSeconds).toBe(15); // (10 + 30 + 5) / 3
    expect(v.averageResponseSeconds).toBe(21.11); // (20·4 + 40·2 + 10·3) / 9 pairs
    expect(v.replyRatio).toBe(1); // 12 agent / 12 customer messages
    expect(v.resolutionRate).toBe(0.5);
    expect(v.satisfaction).toBe(0.6667); // ratings 5, 3, 4
  });

  it('counts orders on the inquiry day, refunds after the window, and never an order without an inquiry', async () => {
    const v = (await valuesOf(a))!;
    expect(v.orders).toBe(2); // customers c1 and c2
    expect(v.orderConversion).toBe(1);
    expect(v.paymentRate).toBe(0.5);
    expect(v.inquiryConversion).toBe(0.5);
    expect(v.serviceSales).toBe(15_050);
    expect(v.averageOrderValue).toBe(15_050);
    expect(v.refundedAmount).toBe(5_050);
    expect(v.refundRate).toBe(0.3355);
    expect(v.stockOuts).toBe(1);
    const shop = (await kpis(`level=shop&from=${D}&to=2026-11-21&metrics=serviceSales,orders`)).items[0].values;
    expect(shop.serviceSales).toBe(15_050); // the 9 999 of the order without an inquiry is nobody's
  });

  it('gives null for a zero denominator and 0 for a count', async () => {
    const v = (await valuesOf(b))!;
    expect(v.orderConversion).toBe(0); // 0 of 1 inquirer: a real zero
    expect(v.paymentRate).toBeNull();
    expect(v.satisfaction).toBeNull();
    expect(v.resolutionRate).toBeNull();
    expect(v.qcScore).toBeNull();
    expect(v.averageOrderValue).toBeNull();
    expect(v.complaints).toBe(0);
  });

  it('counts complaints at fault on the day received and the mean QC score per reviewed session', async () => {
    const v = (await valuesOf(c))!;
    expect(v.complaints).toBe(1);
    expect(v.qcScore).toBe(84); // (90 + 78) / 2 sessions
  });

  it('counts worked minutes from the week’s one published truth, breaks taken off, on the day the shift starts', async () => {
    const [{ id: template }] = await sql<{ id: string }[]>`SELECT gen_random_uuid() AS id`;
    const publishing = t.app.get(RosterRepository);
    const roster = async (version: number, status: string, lengthMinutes: number) => {
      const [{ id: rosterId }] = await sql<
        { id: string }[]
      >`INSERT INTO rosters (shop_id, week_start, demand, time_limit_seconds, status) VALUES (${t.demoShopId}, '2026-11-16', 'day-cover', 5, 'completed') RETURNING id`;
      const [{ id: versionId }] = await sql<{ id: string }[]>`
        INSERT INTO roster_versions (shop_id, roster_id, version, status, evaluation) VALUES (${t.demoShopId}, ${rosterId}, ${version}, ${status}, '{}') RETURNING id`;
      return { rosterId, versionId, lengthMinutes };
    };
    const shift = (versionId: string, agentId: string, date: string, start: string, lengthMinutes: number) => sql`
      INSERT INTO roster_shifts (shop_id, version_id, agent_id, day, local_date, shift_template_id, start_minutes, length_minutes, starts_at, ends_at, breaks)
      VALUES (${t.demoShopId}, ${versionId}, ${agentId}, 4, ${date}, ${template}, 0, ${lengthMinutes}, ${local(date, start)}, ${new Date(Date.parse(local(date, start)) + lengthMinutes * 60_000).toISOString()},
        ${JSON.stringify([
          { name: 'meal', startMinutes: 720, minutes: 60 },
          { name: 'rest', startMinutes: 900, minutes: 15 },
        ])}::jsonb)`;
    const v1 = await roster(1, 'published', 540);
    await shift(v1.versionId, a, D, '09:00:00', 540);
    // A night shift starting on D counts on D; a later draft of the same roster changes nothing yet.
    await shift(v1.versionId, b, D, '22:00:00', 480);
    await publishing.publish(t.demoShopId, '2026-11-16', v1.rosterId, v1.versionId, [a, b]);
    const [{ id: draft }] = await sql<
      { id: string }[]
    >`INSERT INTO roster_versions (shop_id, roster_id, version, status, evaluation) VALUES (${t.demoShopId}, ${v1.rosterId}, 2, 'draft', '{}') RETURNING id`;
    await shift(draft, a, D, '09:00:00', 600);
    await t.app.get(KpiAggregation).aggregateDay(t.demoShopId, D);
    expect((await valuesOf(a))!.workedMinutes).toBe(465);
    expect((await valuesOf(b))!.workedMinutes).toBe(405);
    await sql`UPDATE roster_versions SET status = 'published' WHERE id = ${draft}`;
    await publishing.publish(t.demoShopId, '2026-11-16', v1.rosterId, draft, [a, b]);
    await t.app.get(KpiAggregation).aggregateDay(t.demoShopId, D);
    expect((await valuesOf(a))!.workedMinutes).toBe(525);
    // B has no shift in v2: v1 no longer counts once v2 is published.
    expect((await valuesOf(b))!.workedMinutes).toBe(0);
    // Another roster of the week published for A alone supersedes v2 for A, not for B.
    const other = await roster(1, 'published', 300);
    await shift(other.versionId, a, D, '10:00:00', 300);
    await shift(other.versionId, b, D, '10:00:00', 300);
    await publishing.publish(t.demoShopId, '2026-11-16', other.rosterId, other.versionId, [a]);
    await t.app.get(KpiAggregation).aggregateDay(t.demoShopId, D);
    expect((await valuesOf(a))!.workedMinutes).toBe(225);
    expect((await valuesOf(b))!.workedMinutes).toBe(0);
  });

  it('rolls up to team and shop by summing numerators and denominators, then dividing', async () => {
    const team = await kpis(`level=team&from=${D}&to=${D}&metrics=inquiries,firstResponseSeconds,orderConversion`);
    const [{ teamId }] = await sql<{ teamId: string }[]>`SELECT team_id AS "teamId" FROM agents WHERE id = ${a}`;
    const row = team.items.find((r: { teamId: string }) => r.teamId === teamId);
    expect(row.values).toEqual({ inquiries: 4, firstResponseSeconds: 13.25, orderConversion: 0.6667 }); // (45 + 8) / 4, 2 / 3
    const shop = await kpis(`level=shop&from=${D}&to=${D}&metrics=inquiries,sessions`);
    expect(shop.items).toHaveLength(1);
    expect(shop.items[0].values).toEqual({ inquiries: 5, sessions: 7 });
    const weeks = await kpis(`level=agent&agentId=${a}&from=2026-11-16&to=2026-11-29&period=week&metrics=sessions`);
    expect(weeks.items.map((r: { periodStart: string }) => r.periodStart)).toEqual(['2026-11-16']);
  });

  it('replaces a day on re-run: same result, and facts removed since are gone', async () => {
    const aggregation = t.app.get(KpiAggregation);
    await aggregation.aggregateDay(t.demoShopId, D);
    expect((await valuesOf(a))!.sessions).toBe(5);
    await sql`DELETE FROM chat_sessions WHERE agent_id = ${b}`;
    await aggregation.aggregateDay(t.demoShopId, D);
    const rows = await sql`SELECT 1 FROM kpi_agent_days WHERE agent_id = ${b}`;
    expect(rows).toHaveLength(0);
    expect((await valuesOf(a))!.sessions).toBe(5);
  });

  it('runs as the nightly step (and by hand): the night, the open window, and days of imports since the last night', async () => {
    // A completed import that brought in facts of an older day.
    const [imported] = await sql<{ id: string }[]>`
      INSERT INTO imports (shop_id, kind, file_name, format, mode, checksum, status, finished_at)
      VALUES (${t.demoShopId}, 'sessions', 'late.csv', 'csv', 'all', 'x', 'completed', now()) RETURNING id`;
    await insertSession(sql, t.demoShopId, {
      agentId: b,
      customer: 'c8',
      startedAt: local('2026-11-02', '10:00:00'),
      importId: imported.id,
    });
    const run = await t
      .http()
      .post('/jobs/kpi.aggregate/run')
      .set(bearer(manager))
      .send({ date: '2026-11-21' })
      .expect(202);
    await t.app.get(JobQueue).settled(run.body.jobId);
    const job = (await t.http().get(`/jobs/${run.body.jobId}`).set(bearer(manager)).expect(200)).body;
    expect(job.status).toBe('completed');
    expect(job.result.days).toEqual(['2026-11-02', '2026-11-20', '2026-11-21']);
    expect((await valuesOf(b, '2026-11-02', '2026-11-02'))!.inquiries).toBe(1);
    expect((await valuesOf(a, '2026-11-21', '2026-11-21'))!.sessions).toBe(1);
    // The import has been seen: the next night recomputes only its own window.
    const again = await t
      .http()
      .post('/jobs/kpi.aggregate/run')
      .set(bearer(manager))
      .send({ date: '2026-11-22' })
      .expect(202);
    await t.app.get(JobQueue).settled(again.body.jobId);
    const second = (await t.http().get(`/jobs/${again.body.jobId}`).set(bearer(manager)).expect(200)).body;
    expect(second.result.days).toEqual(['2026-11-21', '2026-11-22']);
  });

  it('keeps a DST day of a cross-border shop at its local length (Europe/Berlin, 2026-10-25 has 25 hours)', async () => {
    // 00:30 CEST (+02) and 23:30 CET (+01) are both on 25 October; 00:30 CET on the 26th is not.
    await insertSession(sql, other.shopId, {
      agentId: other.agentId,
      customer: 'x1',
      startedAt: '2026-10-24T22:30:00Z',
    });
    await insertSession(sql, other.shopId, {
      agentId: other.agentId,
      customer: 'x2',
      startedAt: '2026-10-25T22:30:00Z',
    });
    await insertSession(sql, other.shopId, {
      agentId: other.agentId,
      customer: 'x3',
      startedAt: '2026-10-25T23:30:00Z',
    });
    await insertSession(sql, other.shopId, {
      agentId: other.agentId,
      customer: 'x4',
      startedAt: '2026-10-24T21:59:00Z',
    });
    const aggregation = t.app.get(KpiAggregation);
    for (const day of ['2026-10-24', '2026-10-25', '2026-10-26']) await aggregation.aggregateDay(other.shopId, day);
    const res = await t
      .http()
      .get('/kpis?level=agent&from=2026-10-24&to=2026-10-26&period=day&metrics=inquiries')
      .set(bearer(other.managerToken))
      .expect(200);
    expect(
      res.body.items.map((r: { periodStart: string; values: { inquiries: number } }) => [
        r.periodStart,
        r.values.inquiries,
      ]),
    ).toEqual([
      ['2026-10-24', 1],
      ['2026-10-25', 2],
      ['2026-10-26', 1],
    ]);
  });
});
