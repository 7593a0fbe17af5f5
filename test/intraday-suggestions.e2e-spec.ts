import { DateTime } from 'luxon';
import type { Sql } from 'postgres';
import { projectWith } from 'src/modules/intraday/engine/live-day';
import { RosterEditing } from 'src/modules/roster/roster-editing.service';
import { realTimeQueueOf } from 'src/modules/staffing/real-time-queue';
import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { bearer, TestApp } from './support/test-app';

type Suggestion = {
  kind: string;
  agent: { id: string; name: string };
  description: string;
  rosterId: string;
  expectedRevision: number;
  change: { agentId: string; date: string; shiftTemplate: string | null; start?: string; breaks?: { start: string }[] };
  effect: { restOfDay: { before: number; after: number } };
};

const ZONE = 'Asia/Shanghai';

/**
 * Suggestions and accepting one, on a VIP hotline of its own: a team of three agents who may work
 * six days, rostered (solved and published through the API) with one early shift a day, and a
 * forecast for next week's Wednesday that one agent cannot answer within target. A day of a week
 * not yet begun, so nothing of it has begun whenever the test runs, and mid-week, so the agents'
 * weekly limits leave room the same way on any day the test runs (a Saturday as the next day left
 * no second suggestion): an extra shift for an agent who is off is the way out.
 */
describe('intraday suggestions: what to do about the rest of the day, and accepting it (e2e)', () => {
  let t: TestApp;
  let sql: Sql;
  let manager: string;
  let other: SecondShop;
  let queueId: string;
  let rosterId: string;
  let forecastVersionId: string;
  const day = DateTime.now().setZone(ZONE).plus({ weeks: 1 }).startOf('week').plus({ days: 2 });
  const date = day.toISODate()!;
  const weekStart = day.startOf('week').toISODate()!;
  const suggestions = async (token = manager) =>
    (
      await t
        .http()
        .get(`/intraday/suggestions?queue=${queueId}&date=${date}`)
        .set(bearer(token))
        .set('Accept-Language', 'en')
        .expect(200)
    ).body as { restOfDay: { serviceLevel: number }; suggestions: Suggestion[] };
  const bodyOf = (s: Suggestion) => ({
    queue: queueId,
    date,
    kind: s.kind,
    rosterId: s.rosterId,
    expectedRevision: s.expectedRevision,
    change: { ...s.change, date: undefined },
  });

  beforeAll(async () => {
    ({ t, manager, other } = await startTestAppWithSecondShop({ secondShop: 'suggestions-other' }));
    sql = t.app.get(Db).client;
    const as = bearer(manager);
    await t.http().post('/skills').set(as).send({ code: 'vip', name: 'VIP' }).expect(201);
    const team = await t.http().post('/teams').set(as).send({ name: 'VIP 组' }).expect(201);
    for (const [no, name] of [
      ['V001', '王一'],
      ['V002', '王二'],
      ['V003', '王三'],
    ]) {
      await t
        .http()
        .post('/agents')
        .set(as)
        .send({
          employeeNo: no,
          name,
          teamId: team.body.id,
          roleGroup: 'pre_sales',
          hireDate: '2025-01-01',
          contract: { minWeekMinutes: 0, maxWeekMinutes: 3240, maxDaysPerWeek: 6, minRestHours: 11 },
          skills: [{ skill: 'vip', proficiency: 3 }],
        })
        .expect(201);
    }
    const queue = await t
      .http()
      .post('/queues')
      .set(as)
      .send({
        code: 'vip_hotline',
        name: 'VIP 热线',
        channel: 'phone',
        kind: 'realtime',
        defaultHandleSeconds: 300,
        serviceLevelPercent: 80,
        serviceLevelSeconds: 20,
        requiredSkill: 'vip',
      })
      .expect(201);
    queueId = queue.body.id;

    const started = await t
      .http()
      .post('/rosters')
      .set(as)
      .send({
        weekStart,
        teamIds: [team.body.id],
        timeLimitSeconds: 60,
        seed: 1,
        maxIterations: 6,
        demand: 'day-cover',
        dayCover: [{ shiftTemplate: 'E', skill: 'vip', required: 1 }],
      })
      .expect(202);
    rosterId = started.body.rosterId;
    // A repeatable solve (seed and iteration limit): the same roster on a loaded machine as on a quiet one.
    await t.app.get(JobQueue).settled(started.body.jobId, 120_000);
    await t.http().post(`/rosters/${rosterId}/publish`).set(as).send({}).expect(200);

    // The day's forecast: calls from 08:00 to 17:00, as many as the agents rostered then answer below target.
    const [{ n }] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM roster_shifts s JOIN roster_publications p ON p.version_id = s.version_id AND p.agent_id = s.agent_id WHERE p.roster_id = ${rosterId} AND s.local_date = ${date}`;
    const [row] = await sql<
      {
        channel: string;
        default_handle_seconds: number;
        service_level_percent: number;
        service_level_seconds: number;
      }[]
    >`SELECT * FROM queues WHERE id = ${queueId}`;
    const model = realTimeQueueOf(
      {
        name: 'VIP',
        channel: row.channel,
        chatConcurrency: 1,
        chatSlowdown: null,
        defaultHandleSeconds: row.default_handle_seconds,
        patienceSeconds: null,
        serviceLevelPercent: row.service_level_percent,
        serviceLevelSeconds: row.service_level_seconds,
      },
      {},
      30,
    );
    let calls = 1;
    while (projectWith(model, calls, Math.max(n, 1)).serviceLevel >= 0.75) calls += 1;
    const [{ id: versionId }] = await sql<{ id: string }[]>`
      INSERT INTO forecast_versions (shop_id, queue_id, method_requested, method_chosen, from_date, horizon_days, status, completed_at)
      VALUES (${t.demoShopId}, ${queueId}, 'auto', 'seasonal-naive', ${date}, 1, 'completed', now()) RETURNING id`;
    await sql`
      INSERT INTO forecast_slots (shop_id, version_id, slot_start, slot_minutes, forecast, lower, upper)
      SELECT ${t.demoShopId}, ${versionId}, g, 30,
        CASE WHEN g >= ${day.set({ hour: 8 }).toUTC().toISO()!}::timestamptz AND g < ${day.set({ hour: 17 }).toUTC().toISO()!}::timestamptz THEN ${calls} ELSE 0 END, 0, 0
      FROM generate_series(${day.toUTC().toISO()!}::timestamptz, ${day.plus({ days: 1 }).toUTC().toISO()!}::timestamptz - interval '30 minutes', interval '30 minutes') g`;
    forecastVersionId = versionId;
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('offers only changes the roster accepts that lift the projected service level', async () => {
    const { restOfDay, suggestions: offered } = await suggestions();
    expect(restOfDay.serviceLevel).toBeLessThan(0.8);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((s) => s.effect.restOfDay.after > s.effect.restOfDay.before && s.rosterId === rosterId)).toBe(
      true,
    );
    const top = offered[0];
    // Nobody rostered can do more than start at the early shift's fixed time: the lift is an extra shift for an agent who is off.
    expect(top.kind).toBe('overtime');
    expect(top.change).toMatchObject({ date, shiftTemplate: expect.any(String) });
    expect(top.change.breaks!.length).toBeGreaterThan(0);
    const [{ off }] = await sql<{ off: number }[]>`
      SELECT count(*)::int AS off FROM roster_shifts s JOIN roster_publications p ON p.version_id = s.version_id AND p.agent_id = s.agent_id
      WHERE p.roster_id = ${rosterId} AND s.local_date = ${date} AND s.agent_id = ${top.agent.id}`;
    expect(off).toBe(0);
    expect(top.description).toContain(top.agent.name);
    // The roster week is read once per request and each candidate judged against it: every offered
    // change must also pass the roster's own check of that change alone.
    for (const s of offered) {
      const { broken } = await t.app.get(RosterEditing).check(t.demoShopId, s.rosterId, [{ ...s.change, date }]);
      expect(broken).toEqual([]);
    }
  });

  it('accepting publishes the change as the next version with a note; the live view counts the agent', async () => {
    const [top] = (await suggestions()).suggestions;
    const before = (await t.http().get(`/intraday?queue=${queueId}&date=${date}`).set(bearer(manager)).expect(200))
      .body as { items: { start: string; scheduled: number }[] };
    const accepted = await t
      .http()
      .post('/intraday/suggestions/accept')
      .set(bearer(manager))
      .set('Accept-Language', 'en')
      .send(bodyOf(top))
      .expect(200);
    expect(accepted.body).toMatchObject({ rosterId, effect: { restOfDay: top.effect.restOfDay } });
    expect(accepted.body.note).toContain(top.description);
    expect(accepted.body.note).toContain('→');
    const [version] = await sql<
      { version: number; status: string; note: string }[]
    >`SELECT version, status, note FROM roster_versions WHERE roster_id = ${rosterId} ORDER BY version DESC LIMIT 1`;
    expect(version).toMatchObject({ version: accepted.body.version, status: 'published', note: accepted.body.note });
    const roster = await t.http().get(`/rosters/${rosterId}`).set(bearer(manager)).expect(200);
    expect(roster.body.versions.at(-1)).toMatchObject({
      version: accepted.body.version,
      status: 'published',
      note: accepted.body.note,
    });
    const [shift] = await sql<{ breaks: { startMinutes: number }[] }[]>`
      SELECT s.breaks FROM roster_shifts s JOIN roster_versions v ON v.id = s.version_id WHERE v.roster_id = ${rosterId} AND v.version = ${accepted.body.version} AND s.agent_id = ${top.agent.id} AND s.local_date = ${date}`;
    const clock = (m: number) =>
      `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    expect(shift.breaks.map((b) => ({ start: clock(b.startMinutes) }))).toEqual(top.change.breaks);
    const after = (await t.http().get(`/intraday?queue=${queueId}&date=${date}`).set(bearer(manager)).expect(200))
      .body as { items: { start: string; scheduled: number }[] };
    const gained = after.items.reduce((n, i, k) => n + i.scheduled - before.items[k].scheduled, 0);
    expect(gained).toBeGreaterThan(0);
  });

  it('refuses a suggestion the roster moved past, other roles, other shops and past days', async () => {
    // The extra shift accepted above met the target: three times the calls make the next suggestion.
    await sql`UPDATE forecast_slots SET forecast = forecast * 3 WHERE version_id = ${forecastVersionId}`;
    const [top] = (await suggestions()).suggestions;
    expect(top).toBeDefined();
    const stale = { ...bodyOf(top), expectedRevision: top.expectedRevision - 1 };
    expect(
      (await t.http().post('/intraday/suggestions/accept').set(bearer(manager)).send(stale).expect(409)).body.code,
    ).toBe('intraday.stale-suggestion');
    // The demo supervisor runs another team: this agent is not theirs.
    await t
      .http()
      .post('/intraday/suggestions/accept')
      .set(bearer(await t.tokenFor('supervisor')))
      .send(bodyOf(top))
      .expect(404);
    const wrongKind = { ...bodyOf(top), kind: 'release' };
    expect(
      (await t.http().post('/intraday/suggestions/accept').set(bearer(manager)).send(wrongKind).expect(400)).body.code,
    ).toBe('intraday.kind-mismatch');
    for (const role of ['agent', 'hr', 'qc', 'trainer']) {
      const token = await t.tokenFor(role);
      await t.http().get(`/intraday/suggestions?queue=${queueId}&date=${date}`).set(bearer(token)).expect(403);
      await t.http().post('/intraday/suggestions/accept').set(bearer(token)).send(bodyOf(top)).expect(403);
    }
    await t
      .http()
      .get(`/intraday/suggestions?queue=${queueId}&date=${date}`)
      .set(bearer(other.managerToken))
      .expect(404);
    await t.http().post('/intraday/suggestions/accept').set(bearer(other.managerToken)).send(bodyOf(top)).expect(404);
    await t
      .http()
      .post('/intraday/suggestions/accept')
      .set(bearer(manager))
      .send({ ...bodyOf(top), change: { ...bodyOf(top).change, start: '8 am' } })
      .expect(400);
    const yesterday = DateTime.now().setZone(ZONE).minus({ days: 1 }).toISODate()!;
    await sql`INSERT INTO forecast_versions (shop_id, queue_id, method_requested, from_date, horizon_days, status) VALUES (${t.demoShopId}, ${queueId}, 'auto', ${yesterday}, 1, 'completed')`;
    const past = await t
      .http()
      .get(`/intraday/suggestions?queue=${queueId}&date=${yesterday}`)
      .set(bearer(manager))
      .expect(409);
    expect(past.body.code).toBe('intraday.day-over');
  });
});
