import type { Sql } from 'postgres';
import { adherenceOf } from 'src/modules/adherence/engine/adherence';
import { KpiAggregation } from 'src/modules/kpi/kpi-aggregation.service';
import { RosterRepository } from 'src/modules/roster/roster.repository';
import { Db } from 'src/platform/db/db';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { bearer, TestApp } from './support/test-app';

/**
 * Agent states in (push and import), adherence and conformance out as KPIs, computed by the day's
 * set-based aggregation and checked against hand-computed figures and the adherence engine.
 * Demo shop: Asia/Shanghai. D = 2026-11-20.
 */
describe('adherence: agent states, adherence and conformance KPIs (e2e)', () => {
  let t: TestApp;
  let sql: Sql;
  let manager: string;
  let other: SecondShop;
  let a: { id: string; no: string };
  let b: { id: string; no: string };
  const D = '2026-11-20';
  const D1 = '2026-11-21';
  const local = (date: string, time: string) => `${date} ${time}`;
  const utc = (date: string, time: string) => new Date(`${date}T${time}+08:00`);
  const push = (rows: Record<string, unknown>[], token = manager) =>
    t.http().post('/agent-states').set(bearer(token)).send({ rows });

  beforeAll(async () => {
    ({ t, manager, other } = await startTestAppWithSecondShop({ secondShop: 'adherence-other' }));
    sql = t.app.get(Db).client;
    const [me] = await sql<
      { id: string; no: string; team_id: string }[]
    >`SELECT a.id, a.employee_no AS no, a.team_id FROM users u JOIN agents a ON a.id = u.agent_id WHERE u.username = 'agent'`;
    a = me;
    [b] = await sql<
      { id: string; no: string }[]
    >`SELECT id, employee_no AS no FROM agents WHERE team_id = ${me.team_id} AND id <> ${me.id} AND NOT is_supervisor ORDER BY employee_no LIMIT 1`;
    // Published week: A 09:00–18:00 with a meal at 12:00 and training 15:00–16:00; B a night 22:00–06:00 with a break at 02:00.
    const [{ id: rosterId }] = await sql<
      { id: string }[]
    >`INSERT INTO rosters (shop_id, week_start, demand, time_limit_seconds, status) VALUES (${t.demoShopId}, '2026-11-16', 'day-cover', 5, 'completed') RETURNING id`;
    const [{ id: versionId }] = await sql<
      { id: string }[]
    >`INSERT INTO roster_versions (shop_id, roster_id, version, status, evaluation) VALUES (${t.demoShopId}, ${rosterId}, 1, 'published', '{}') RETURNING id`;
    const shift = (agentId: string, start: Date, minutes: number, breaks: object[]) => sql`
      INSERT INTO roster_shifts (shop_id, version_id, agent_id, day, local_date, shift_template_id, start_minutes, length_minutes, starts_at, ends_at, breaks)
      VALUES (${t.demoShopId}, ${versionId}, ${agentId}, 4, ${D}, gen_random_uuid(), 0, ${minutes}, ${start.toISOString()}, ${new Date(start.getTime() + minutes * 60_000).toISOString()}, ${JSON.stringify(breaks)}::jsonb)`;
    await shift(a.id, utc(D, '09:00:00'), 540, [{ name: 'meal', startMinutes: 720, minutes: 60 }]);
    await shift(b.id, utc(D, '22:00:00'), 480, [{ name: 'rest', startMinutes: 26 * 60, minutes: 30 }]);
    await t.app.get(RosterRepository).publish(t.demoShopId, '2026-11-16', rosterId, versionId, [a.id, b.id]);
    const [{ id: session }] = await sql<{ id: string }[]>`
      INSERT INTO training_sessions (shop_id, category, title, status, starts_at, ends_at, capacity, impact, lost_contacts_within_target)
      VALUES (${t.demoShopId}, '话术', 'Scripts', 'booked', ${utc(D, '15:00:00').toISOString()}, ${utc(D, '16:00:00').toISOString()}, 10, '{}', 0) RETURNING id`;
    await sql`INSERT INTO training_attendees (shop_id, session_id, agent_id) VALUES (${t.demoShopId}, ${session}, ${a.id})`;
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('refuses bad reports by row and field, storing nothing; only planners push', async () => {
    const bad = await push([
      { agent: a.no, state: 'online', from: local(D, '08:00:00'), to: local(D, '08:30:00') },
      { agent: a.no, state: 'sleeping', from: local(D, '08:30:00') },
      { agent: 'NOPE', state: 'busy', from: local(D, '08:40:00') },
      { agent: a.no, state: 'away', from: local(D, '08:50:00'), to: local(D, '08:45:00') },
    ]).expect(422);
    expect(bad.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual([
      '2:state',
      '3:agent',
      '4:to',
    ]);
    expect(await sql`SELECT 1 FROM agent_states WHERE agent_id = ${a.id}`).toHaveLength(0);
    for (const role of ['agent', 'hr', 'qc', 'trainer'])
      await push([{ agent: a.no, state: 'online', from: local(D, '08:00:00') }], await t.tokenFor(role)).expect(403);
    // Another shop's manager cannot report the demo shop's agents: the number is unknown there.
    const foreign = await push(
      [{ agent: a.no, state: 'online', from: local(D, '08:00:00') }],
      other.managerToken,
    ).expect(422);
    expect(foreign.body.errors[0]).toMatchObject({ row: 1, field: 'agent' });
  });

  it('stores pushed and imported reports; a report sent again with its end replaces itself', async () => {
    const first = await push([
      { agent: a.no, state: 'online', from: local(D, '08:45:00'), to: local(D, '12:10:00') },
      { agent: a.no, state: '离开', from: local(D, '12:10:00'), to: local(D, '13:00:00') },
      { agent: a.no, state: 'busy', from: local(D, '13:00:00') },
    ]).expect(200);
    expect(first.body).toMatchObject({ kind: 'agent-states', status: 'completed', inserted: 3 });
    const closed = await push([
      { agent: a.no, state: 'busy', from: local(D, '13:00:00'), to: local(D, '15:30:00') },
    ]).expect(200);
    expect(closed.body).toMatchObject({ inserted: 0, updated: 1 });
    const imported = await t
      .http()
      .post('/imports/agent-states')
      .set(bearer(await t.tokenFor('supervisor')))
      .send({
        rows: [
          { agent: a.no, state: 'online', from: local(D, '16:05:00'), to: local(D, '18:30:00') },
          { agent: b.no, state: 'online', from: local(D, '22:00:00'), to: local(D1, '06:00:00') },
        ],
      })
      .expect(200);
    expect(imported.body).toMatchObject({ kind: 'agent-states', inserted: 2 });
    const [{ n }] = await sql<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM agent_states WHERE shop_id = ${t.demoShopId}`;
    expect(n).toBe(5);
  });

  it('adherence and conformance per agent and day, as computed by hand and by the engine', async () => {
    const aggregation = t.app.get(KpiAggregation);
    await aggregation.aggregateDay(t.demoShopId, D);
    await aggregation.aggregateDay(t.demoShopId, D1);
    const values = async (agentId: string, date: string) =>
      (
        await t
          .http()
          .get(`/kpis?level=agent&from=${date}&to=${date}&agentId=${agentId}&metrics=adherence,conformance`)
          .set(bearer(manager))
          .expect(200)
      ).body.items[0]?.values;
    // A: 9 h scheduled; in the expected state 415 min working, 50 min of the meal, 30 min of training; 500 min online for 420 planned.
    expect(await values(a.id, D)).toEqual({ adherence: 0.9167, conformance: 1.1905 });
    // B's night: 2 h on D, all online; 6 h on D+1 of which the 30-minute break was spent online.
    expect(await values(b.id, D)).toEqual({ adherence: 1, conformance: 1 });
    expect(await values(b.id, D1)).toEqual({ adherence: 0.9167, conformance: 1.0909 });

    // The SQL and the engine agree second for second on the stored facts.
    const [stored] = await sql<
      {
        scheduled_seconds: number;
        adherent_seconds: number;
        planned_work_seconds: number;
        logged_work_seconds: number;
      }[]
    >`
      SELECT scheduled_seconds, adherent_seconds, planned_work_seconds, logged_work_seconds FROM kpi_agent_days WHERE agent_id = ${a.id} AND day = ${D}`;
    const reports = await sql<
      { state: 'online'; started_at: string; ended_at: string | null }[]
    >`SELECT state, started_at::text, ended_at::text FROM agent_states WHERE agent_id = ${a.id}`;
    const engine = adherenceOf(
      { from: utc(D, '00:00:00').getTime(), to: utc(D1, '00:00:00').getTime() },
      [
        {
          from: utc(D, '09:00:00').getTime(),
          to: utc(D, '18:00:00').getTime(),
          breaks: [{ from: utc(D, '12:00:00').getTime(), to: utc(D, '13:00:00').getTime() }],
          training: [{ from: utc(D, '15:00:00').getTime(), to: utc(D, '16:00:00').getTime() }],
        },
      ],
      reports.map((r) => ({
        state: r.state,
        from: Date.parse(r.started_at),
        to: r.ended_at ? Date.parse(r.ended_at) : null,
      })),
      Date.now(),
    );
    expect({
      scheduled_seconds: engine.scheduledSeconds,
      adherent_seconds: engine.adherentSeconds,
      planned_work_seconds: engine.plannedWorkSeconds,
      logged_work_seconds: engine.loggedWorkSeconds,
    }).toEqual(stored);
  });

  it('takes a break of the night the clocks go back at its real minutes after the start (Europe/Berlin)', async () => {
    // Saturday 2026-10-24 23:00 CEST (21:00 UTC), 9 h lived, to 07:00 CET. The meal's clock time 02:30 happens
    // twice; it was placed 210 real minutes in, the first pass (00:30–01:30 UTC), and the agent was away then.
    const [{ id: rosterId }] = await sql<{ id: string }[]>`
      INSERT INTO rosters (shop_id, week_start, demand, time_limit_seconds, status) VALUES (${other.shopId}, '2026-10-19', 'day-cover', 5, 'completed') RETURNING id`;
    const [{ id: versionId }] = await sql<{ id: string }[]>`
      INSERT INTO roster_versions (shop_id, roster_id, version, status, evaluation) VALUES (${other.shopId}, ${rosterId}, 1, 'published', '{}') RETURNING id`;
    const meal = { name: 'meal', startMinutes: 1440 + 150, minutes: 60, offsetMinutes: 210 };
    await sql`
      INSERT INTO roster_shifts (shop_id, version_id, agent_id, day, local_date, shift_template_id, start_minutes, length_minutes, starts_at, ends_at, breaks)
      VALUES (${other.shopId}, ${versionId}, ${other.agentId}, 5, '2026-10-24', gen_random_uuid(), 1380, 540, '2026-10-24T21:00:00Z', '2026-10-25T06:00:00Z', ${JSON.stringify([meal])}::jsonb)`;
    await t.app.get(RosterRepository).publish(other.shopId, '2026-10-19', rosterId, versionId, [other.agentId]);
    await push(
      [
        { agent: 'B001', state: 'online', from: '2026-10-24T21:00:00Z', to: '2026-10-25T00:30:00Z' },
        { agent: 'B001', state: 'away', from: '2026-10-25T00:30:00Z', to: '2026-10-25T01:30:00Z' },
        { agent: 'B001', state: 'online', from: '2026-10-25T01:30:00Z', to: '2026-10-25T06:00:00Z' },
      ],
      other.managerToken,
    ).expect(200);
    await t.app.get(KpiAggregation).aggregateDay(other.shopId, '2026-10-25');
    const kpis = await t
      .http()
      .get(`/kpis?level=agent&from=2026-10-25&to=2026-10-25&agentId=${other.agentId}&metrics=adherence,conformance`)
      .set(bearer(other.managerToken))
      .expect(200);
    // 8 h of the shift on Sunday (22:00–06:00 UTC): 7 h online at work and the meal away. Read at the clock's
    // second 02:30 (01:30–02:30 UTC) the hour away and the hour online would both count against her: 0.75.
    expect(kpis.body.items[0].values).toEqual({ adherence: 1, conformance: 1 });
  });

  it('both are in the registry, the daily report and scorecards', async () => {
    const definitions = (
      await t.http().get('/kpis/definitions').set(bearer(manager)).set('Accept-Language', 'zh').expect(200)
    ).body as { key: string; name: string; unit: string }[];
    expect(definitions.filter((d) => ['adherence', 'conformance'].includes(d.key)).map((d) => d.unit)).toEqual([
      'ratio',
      'ratio',
    ]);
    const report = await t.http().get(`/reports/daily?date=${D}`).set(bearer(manager)).expect(200);
    expect(report.body.metrics).toEqual(expect.arrayContaining(['adherence', 'conformance']));
    await t
      .http()
      .post('/scorecards')
      .set(bearer(await t.tokenFor('hr')))
      .send({
        name: '排班遵从',
        roleGroup: 'pre_sales',
        topN: 1,
        bottomPercent: 10,
        minDaysWorked: 1,
        minInquiries: 0,
        metrics: [
          { metric: 'adherence', weight: 2 },
          { metric: 'conformance', weight: 1 },
        ],
        rewardRules: [],
      })
      .expect(201);
  });
});
