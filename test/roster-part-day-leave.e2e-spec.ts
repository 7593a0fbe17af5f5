import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { addDays } from 'src/platform/time/calendar-date';
import { shopInstant, shopMonday } from './support/coming-weeks';
import { bearer, startTestApp, TestApp } from './support/test-app';

type Day = { date: string; shift: { start: { local: string }; end: { local: string } } | null; leave: unknown[] };
type Roster = {
  agents: { agentId: string; days: Day[] }[];
  underCover: { date: string; daypart: string; skill: string | null; reasonCode: string | null; reason: string }[];
};

/**
 * Part of a day on leave in a solved roster's warnings: the team off 12:00–18:00 on Monday may
 * work no shift overlapping those hours, so the afternoon's under-cover says too few may work then
 * (counted by the leave's instants, as the rule engine counts them), not that everyone is busy.
 */
describe('part-day leave in roster warnings (e2e)', () => {
  let t: TestApp;
  let manager: string;
  const week = shopMonday(3);

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.tokenFor('manager');
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('counts agents on leave 12:00–18:00 as unable to work the afternoon in the under-cover warnings', async () => {
    const sql = t.app.get(Db).client;
    const me = (
      await t
        .http()
        .get('/agents/me')
        .set(bearer(await t.tokenFor('agent')))
        .expect(200)
    ).body;
    const team = (await sql<{ id: string }[]>`select id from agents where team_id = ${me.teamId} and active`).map(
      (r) => r.id,
    );
    const [{ id: presales }] = await sql<
      { id: string }[]
    >`select id from queues where shop_id = ${t.demoShopId} and code = 'presales_chat'`;
    // Four weeks of history before the week, every half hour of each Shanghai day.
    const [historyFrom, historyTo] = [
      shopInstant(addDays(week, -28), '00:00'),
      shopInstant(addDays(week, -1), '23:30'),
    ];
    await sql`INSERT INTO volume_slots (shop_id, queue_id, slot_start, slot_minutes, offered, handled, abandoned)
      SELECT ${t.demoShopId}, ${presales}, g, 30, 12, 12, 0 FROM generate_series(${historyFrom}::timestamptz, ${historyTo}::timestamptz, interval '30 minutes') g`;
    const forecast = await t
      .http()
      .post('/forecasts')
      .set(bearer(manager))
      .send({ queueIds: [presales], from: week, weeks: 1, method: 'weekday-mean' })
      .expect(202);
    await t.app.get(JobQueue).settled(forecast.body.forecasts[0].jobId, 120_000);
    // The whole team off Monday 12:00–18:00 Shanghai time (04:00–10:00 UTC), stored as its instants.
    for (const agentId of team)
      await sql`INSERT INTO leaves (shop_id, agent_id, kind, start_date, end_date, starts_at, ends_at, status)
        VALUES (${t.demoShopId}, ${agentId}, 'annual', ${week}, ${week}, ${shopInstant(week, '12:00')}, ${shopInstant(week, '18:00')}, 'approved')`;
    const res = await t
      .http()
      .post('/rosters')
      .set(bearer(manager))
      .send({ weekStart: week, teamIds: [me.teamId], demand: 'forecast', timeLimitSeconds: 3 })
      .expect(202);
    await t.app.get(JobQueue).settled(res.body.jobId, 120_000);
    const roster: Roster = (
      await t.http().get(`/rosters/${res.body.rosterId}`).set(bearer(manager)).set('Accept-Language', 'en').expect(200)
    ).body;
    // The rule engine keeps every shift clear of the leave: nobody works Monday between 12:00 and 18:00.
    for (const a of roster.agents) {
      const monday = a.days[0];
      expect(monday.leave).toEqual([{ start: '12:00', end: '18:00' }]);
      if (monday.shift)
        expect(
          monday.shift.end.local.slice(11, 16) <= '12:00' || monday.shift.start.local.slice(11, 16) >= '18:00',
        ).toBe(true);
    }
    const afternoon = roster.underCover.filter((u) => u.date === week && u.daypart === 'afternoon');
    expect(afternoon.length).toBeGreaterThan(0);
    for (const u of afternoon) {
      expect(u.reasonCode).toBe('only-few-may-work');
      expect(u.reason).toMatch(/^only 0 agents with /);
    }
  });
});
