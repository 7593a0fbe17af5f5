import { DateTime } from 'luxon';
import type { Sql } from 'postgres';
import { RosterRepository } from 'src/modules/roster/roster.repository';
import { Db } from 'src/platform/db/db';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { bearer, TestApp } from './support/test-app';

type Item = {
  start: string;
  forecast: number;
  updated: number | null;
  actual: number | null;
  required: number;
  scheduled: number;
  loggedIn: number | null;
  projected: { serviceLevel: number; asaSeconds: number | null; belowTarget: boolean } | null;
};
type View = {
  date: string;
  asOf: string;
  restOfDay: { serviceLevel: number | null; slotsBelowTarget: number };
  outOfAdherence: { agentId: string; expected: string; state: string }[];
  items: Item[];
};

const ZONE = 'Asia/Shanghai';
/** The file's requests finish well within this after its set-up, even on a loaded machine. */
const SLOT_MARGIN_SECONDS = 90;

/**
 * The server reads its own clock for the current slot, the test lays its day out around the
 * moment it starts: too close to a half-hour edge (midnight is one), it waits for the next slot
 * first, so both name the same slot.
 */
async function insideOneSlot(): Promise<DateTime> {
  const at = DateTime.now().setZone(ZONE);
  const toEdge = (30 - (at.minute % 30)) * 60 - at.second - at.millisecond / 1000;
  if (toEdge > SLOT_MARGIN_SECONDS) return at;
  await new Promise((resolve) => setTimeout(resolve, (toEdge + 1) * 1000));
  return DateTime.now().setZone(ZONE);
}

/**
 * The live view of today on the pre-sales chat: a day-ahead forecast, three agents on a published
 * shift from two hours before the current slot to four hours after it (B with a break in the next
 * slot), and their states (A away for the last ten minutes, C never logged in). Everything is laid
 * out around the moment the test runs, so what is past and what is to come is known.
 */
describe('GET /intraday: the live view of a queue’s day (e2e)', () => {
  let t: TestApp;
  let sql: Sql;
  let manager: string;
  let other: SecondShop;
  let queueId: string;
  const ids: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  // Set once the app is up, well inside one half-hour slot (see `insideOneSlot`).
  let now: DateTime;
  let today: string;
  let slotNow: DateTime;
  let shiftStart: DateTime;
  const iso = (d: DateTime) => d.toUTC().toISO()!;
  const view = async (token = manager, query = `queue=${queueId}&date=${today}`) =>
    (await t.http().get(`/intraday?${query}`).set(bearer(token)).expect(200)).body as View;
  const itemAt = (v: View, at: DateTime) => v.items.find((i) => Date.parse(i.start) === at.toMillis());

  beforeAll(async () => {
    ({ t, manager, other } = await startTestAppWithSecondShop({ secondShop: 'intraday-live-other' }));
    now = await insideOneSlot();
    today = now.toISODate()!;
    slotNow = now.set({ minute: now.minute < 30 ? 0 : 30, second: 0, millisecond: 0 });
    shiftStart = slotNow.minus({ hours: 2 });
    sql = t.app.get(Db).client;
    const shop = t.demoShopId;
    [{ id: queueId }] = await sql<
      { id: string }[]
    >`SELECT id FROM queues WHERE shop_id = ${shop} AND code = 'presales_chat'`;
    const [me] = await sql<
      { id: string; team_id: string }[]
    >`SELECT a.id, a.team_id FROM users u JOIN agents a ON a.id = u.agent_id WHERE u.username = 'agent'`;
    const skilled = await sql<{ id: string; team_id: string }[]>`
      SELECT a.id, a.team_id FROM agents a JOIN agent_skills s ON s.agent_id = a.id JOIN skills k ON k.id = s.skill_id AND k.code = 'pre_sales'
      WHERE a.shop_id = ${shop} AND a.id <> ${me.id} AND a.active ORDER BY a.employee_no`;
    ids.a = me.id;
    ids.b = skilled.find((r) => r.team_id === me.team_id)!.id;
    ids.c = skilled.find((r) => r.team_id !== me.team_id)!.id;

    // The day-ahead forecast: 60 chats every half hour of today.
    const [{ id: versionId }] = await sql<{ id: string }[]>`
      INSERT INTO forecast_versions (shop_id, queue_id, method_requested, method_chosen, from_date, horizon_days, status, completed_at)
      VALUES (${shop}, ${queueId}, 'auto', 'seasonal-naive', ${today}, 1, 'completed', now()) RETURNING id`;
    await sql`
      INSERT INTO forecast_slots (shop_id, version_id, slot_start, slot_minutes, forecast, lower, upper)
      SELECT ${shop}, ${versionId}, g, 30, 60, 50, 70
      FROM generate_series(${iso(now.startOf('day'))}::timestamptz, ${iso(now.startOf('day').plus({ days: 1 }))}::timestamptz - interval '30 minutes', interval '30 minutes') g`;

    // The published roster: everyone 6 h from two hours before the current slot; B's break is the next slot.
    const week = shiftStart.startOf('week').toISODate()!;
    const [{ id: rosterId }] = await sql<
      { id: string }[]
    >`INSERT INTO rosters (shop_id, week_start, demand, time_limit_seconds, status) VALUES (${shop}, ${week}, 'day-cover', 5, 'completed') RETURNING id`;
    const [{ id: version }] = await sql<
      { id: string }[]
    >`INSERT INTO roster_versions (shop_id, roster_id, version, status, evaluation) VALUES (${shop}, ${rosterId}, 1, 'published', '{}') RETURNING id`;
    const local = shiftStart.startOf('day');
    const breakStart = slotNow.plus({ minutes: 30 });
    for (const [key, agentId] of Object.entries(ids)) {
      const breaks =
        key === 'b'
          ? [{ name: 'meal', startMinutes: Math.round(breakStart.diff(local, 'minutes').minutes), minutes: 30 }]
          : [];
      await sql`
        INSERT INTO roster_shifts (shop_id, version_id, agent_id, day, local_date, shift_template_id, start_minutes, length_minutes, skill, starts_at, ends_at, breaks)
        VALUES (${shop}, ${version}, ${agentId}, ${shiftStart.weekday - 1}, ${local.toISODate()!}, gen_random_uuid(), ${shiftStart.hour * 60 + shiftStart.minute}, 360, 'pre_sales',
          ${iso(shiftStart)}, ${iso(shiftStart.plus({ hours: 6 }))}, ${JSON.stringify(breaks)}::jsonb)`;
    }
    await t.app.get(RosterRepository).publish(shop, week, rosterId, version, Object.values(ids));

    const states = (agent: string, state: string, from: DateTime, to: DateTime | null) => sql`
      INSERT INTO agent_states (shop_id, agent_id, started_at, ended_at, state) VALUES (${shop}, ${agent}, ${iso(from)}, ${to ? iso(to) : null}, ${state})`;
    await states(ids.a, 'online', shiftStart, null);
    await states(ids.a, 'away', now.minus({ minutes: 10 }), null);
    await states(ids.b, 'busy', shiftStart, null);
    await states(ids.c, 'offline', shiftStart, null);
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('shows forecast, staffing and projections per slot, and who is out of adherence now', async () => {
    const v = await view();
    expect(v.date).toBe(today);
    expect(v.items).toHaveLength(48);
    expect(v.items.every((i) => i.forecast === 60 && i.updated === null && i.required > 0)).toBe(true);
    // Two hours in, before A stepped away: A and B logged in, C never; all three scheduled.
    const early = itemAt(v, shiftStart.plus({ minutes: 30 }));
    if (early) {
      expect(early.scheduled).toBe(3);
      expect(early.loggedIn).toBe(2);
      expect(early.projected).toBeNull();
    }
    // B's break: two on the queue; nobody logged in yet in a slot to come; the service is projected.
    const next = itemAt(v, slotNow.plus({ minutes: 30 }));
    if (next) {
      expect(next.scheduled).toBe(2);
      expect(next.loggedIn).toBeNull();
      expect(next.projected).not.toBeNull();
      expect(next.projected!.serviceLevel).toBeLessThan(itemAt(v, slotNow)!.projected!.serviceLevel + 1e-9);
    }
    expect(itemAt(v, slotNow)!.projected).not.toBeNull();
    // Three agents cannot answer 60 chats in half an hour within the target.
    expect(v.restOfDay.slotsBelowTarget).toBeGreaterThan(0);
    expect(v.restOfDay.serviceLevel).toBeLessThan(0.8);
    // A is away while working; C never logged in; B is busy.
    expect(v.outOfAdherence.map((o) => [o.agentId, o.expected, o.state]).sort()).toEqual(
      [
        [ids.a, 'work', 'away'],
        [ids.c, 'work', 'offline'],
      ].sort(),
    );
  });

  it('supervisors see their own team out of adherence only', async () => {
    const v = await view(await t.tokenFor('supervisor'));
    expect(v.outOfAdherence.map((o) => o.agentId)).toEqual([ids.a]);
    expect(v.items).toHaveLength(48);
  });

  it('a day without a day-ahead forecast is 409', async () => {
    const dayBefore = now.minus({ days: 2 }).toISODate()!;
    const res = await t.http().get(`/intraday?queue=${queueId}&date=${dayBefore}`).set(bearer(manager)).expect(409);
    expect(res.body.code).toBe('forecast.no-day-ahead-forecast');
  });

  it('refuses other roles (403), another shop’s queue (404) and bad input (400)', async () => {
    for (const role of ['agent', 'hr', 'qc', 'trainer'])
      await t
        .http()
        .get(`/intraday?queue=${queueId}`)
        .set(bearer(await t.tokenFor(role)))
        .expect(403);
    await t.http().get(`/intraday?queue=${queueId}`).set(bearer(other.managerToken)).expect(404);
    await t.http().get('/intraday?queue=not-a-uuid').set(bearer(manager)).expect(400);
    await t.http().get('/intraday').set(bearer(manager)).expect(400);
    await t.http().get(`/intraday?queue=${queueId}`).expect(401);
    const [deferred] = await sql<
      { id: string }[]
    >`SELECT id FROM queues WHERE shop_id = ${t.demoShopId} AND kind = 'deferred' LIMIT 1`;
    if (deferred) {
      await sql`INSERT INTO forecast_versions (shop_id, queue_id, method_requested, from_date, horizon_days, status) VALUES (${t.demoShopId}, ${deferred.id}, 'auto', ${today}, 1, 'completed')`;
      const refused = await t
        .http()
        .get(`/intraday?queue=${deferred.id}&date=${today}`)
        .set(bearer(manager))
        .expect(400);
      expect(refused.body.code).toBe('intraday.not-real-time');
    }
  });
});
