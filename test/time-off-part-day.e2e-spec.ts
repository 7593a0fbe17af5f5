import { Db } from 'src/platform/db/db';
import { bearer, TestApp } from './support/test-app';
import {
  allowTeamTimeOff,
  askTimeOff,
  PublishedTeamWeek,
  publishTeamWeek,
  readRoster,
  shiftOn,
  startAgentAndManager,
  weekDates,
} from './support/self-service-week';
import { shopInstant, shopMonday } from './support/coming-weeks';

/**
 * Part of a day off (23.1): stored as the interval asked for, it cuts the shift it overlaps to the
 * longest template clear of it (or is refused when none fits), and is shown with its times.
 */
describe('time off for part of a day (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let agent: string;
  let me: string;
  let week: PublishedTeamWeek;
  const monday = shopMonday(3);
  const [mon, tue, wed, thu, fri] = weekDates(monday);

  beforeAll(async () => {
    ({ t, manager, agent, me } = await startAgentAndManager());
    // Early shifts 08:00–17:00 all week; a half shift 08:00–12:00 the shop may also roster.
    // The shop's starter templates first (E, M, L, N), then the half shift beside them.
    await t.http().get('/shift-templates').set(bearer(manager)).expect(200);
    await t
      .http()
      .post('/shift-templates')
      .set(bearer(manager))
      .send({ code: 'H', name: '半班', start: '08:00', lengthMinutes: 240, colour: '#123456' })
      .expect(201);
    week = await publishTeamWeek(t, monday);
    await allowTeamTimeOff(t, week.teamId);
  }, 180_000);
  afterAll(() => t.close(), 300_000);

  const ask = (token: string, body: Record<string, unknown>, lang = 'en') => askTimeOff(t, token, body, lang);
  const dayOf = async (agentId: string, date: string) =>
    (await readRoster(t, manager, week.rosterId)).agents
      .find((a) => a.agentId === agentId)!
      .days.find((d) => d.date === date)!;

  it('14:00–18:00 off cuts the early shift to the half shift before it, stored as that interval and credited the difference', async () => {
    const res = await ask(agent, { startDate: wed, endDate: wed, startTime: '14:00', endTime: '18:00' }).expect(201);
    expect(res.body).toMatchObject({ status: 'approved', startTime: '14:00', endTime: '18:00' });
    const roster = await readRoster(t, manager, week.rosterId);
    // The demo agent works three days (part-time): Monday to Wednesday.
    expect([mon, tue, wed].map((d) => shiftOn(roster, me, d))).toEqual(['E', 'E', 'H']);
    expect(await dayOf(me, wed)).toMatchObject({ absence: null, leave: [{ start: '14:00', end: '18:00' }] });
    const [leave] = await t.app.get(Db).client<{ starts_at: string; ends_at: string; credit: unknown }[]>`
      select starts_at, ends_at, credit from leaves where id = ${res.body.leaveId}`;
    // Shanghai is UTC+8: 14:00–18:00 local.
    expect([leave.starts_at, leave.ends_at].map((x) => new Date(x).toISOString())).toEqual([
      shopInstant(wed, '14:00'),
      shopInstant(wed, '18:00'),
    ]);
    // The early shift counts 480 min (9 h less an unpaid meal hour), the half shift 240.
    expect(leave.credit).toEqual([{ date: wed, minutes: 240 }]);
    const own = (await t.http().get(`/me/shifts?from=${mon}&to=${fri}`).set(bearer(agent)).expect(200)).body;
    expect(own.leave).toEqual([{ date: wed, kind: 'personal', start: '14:00', end: '18:00' }]);
    expect(own.items.find((s: { date: string }) => s.date === wed)).toMatchObject({ code: 'H' });
  });

  it('more time off the same day: overlapping it is refused, clear of it and of any shift it is granted without a new version', async () => {
    const clash = await ask(agent, { startDate: wed, endDate: wed, startTime: '17:00', endTime: '19:00' }).expect(409);
    expect(clash.body.code).toBe('time-off.overlaps');
    const evening = await ask(agent, { startDate: wed, endDate: wed, startTime: '18:00', endTime: '20:00' }).expect(
      201,
    );
    expect(evening.body).toMatchObject({ status: 'approved', published: [] });
    expect((await dayOf(me, wed)).leave).toEqual([{ start: '14:00', end: '18:00' }]);
  });

  it('waiting requests for parts of one day that do not meet wait side by side; one that meets them is refused', async () => {
    // No allowance: the supervisor decides each. Monday's early shift ends at 17:00, so none of these touches it.
    await t
      .http()
      .patch(`/shops/${t.demoShopId}`)
      .set(bearer(manager))
      .send({ settings: { timeOffAllowances: [] } })
      .expect(200);
    const first = await ask(agent, { startDate: mon, endDate: mon, startTime: '18:00', endTime: '19:00' }).expect(201);
    const second = await ask(agent, { startDate: mon, endDate: mon, startTime: '19:00', endTime: '20:00' }).expect(201);
    expect([first.body.status, second.body.status]).toEqual(['pending', 'pending']);
    const meets = await ask(agent, { startDate: mon, endDate: mon, startTime: '18:30', endTime: '19:30' }).expect(409);
    expect(meets.body.code).toBe('time-off.overlaps');
    expect((await ask(agent, { startDate: mon, endDate: mon }).expect(409)).body.code).toBe('time-off.overlaps');
    for (const r of [first, second])
      await t.http().delete(`/time-off-requests/${r.body.id}`).set(bearer(agent)).expect(200);
    await allowTeamTimeOff(t, week.teamId);
  });

  it('refuses part of a day no template can cut the shift around, in English and Chinese, naming the field', async () => {
    const body = { startDate: tue, endDate: tue, startTime: '10:00', endTime: '11:00' };
    const en = await ask(agent, body).expect(409);
    expect(en.body).toMatchObject({
      code: 'time-off.cannot-shorten',
      errors: [expect.objectContaining({ field: 'startTime' })],
    });
    expect(en.body.detail).toBe(
      `No shift template fits 早班 08:00–17:00 around time off ${tue} 10:00–11:00: ask for the whole day or other hours`,
    );
    const zh = await ask(agent, body, 'zh').expect(409);
    expect(zh.body.detail).toBe(
      `${tue} 10:00–11:00 的休假无法把 早班 08:00–17:00 缩短为任何班次模板：请申请全天休假或调整时间`,
    );
    expect(shiftOn(await readRoster(t, manager, week.rosterId), me, tue)).toBe('E');
  });

  it('later changes of the week still pass the rule check: a mate’s whole day off, a manager’s edit published', async () => {
    const mate = week.mates.find((m) => m.id !== me && !m.isSupervisor && m.shifts === 5)!;
    const later = await ask(manager, { agentId: mate.id, startDate: thu, endDate: thu }).expect(201);
    expect(later.body).toMatchObject({ status: 'approved' });
    const { revision } = await readRoster(t, manager, week.rosterId);
    await t
      .http()
      .patch(`/rosters/${week.rosterId}`)
      .set(bearer(manager))
      .send({
        expectedRevision: revision,
        changes: [{ agentId: mate.id, date: fri, shiftTemplate: 'M', start: '10:00' }],
      })
      .expect(200);
    await t.http().post(`/rosters/${week.rosterId}/publish`).set(bearer(manager)).send({}).expect(200);
    const roster = await readRoster(t, manager, week.rosterId);
    expect([thu, fri].map((d) => shiftOn(roster, mate.id, d))).toEqual([null, 'M']);
    // Putting the afternoon back on the agent's Wednesday breaks the leave, named with its times.
    const back = await t
      .http()
      .patch(`/rosters/${week.rosterId}`)
      .set(bearer(manager))
      .set('Accept-Language', 'en')
      .send({ expectedRevision: roster.revision, changes: [{ agentId: me, date: wed, shiftTemplate: 'E' }] })
      .expect(400);
    expect(back.body.errors.map((e: { code: string }) => e.code)).toEqual(['leave']);
    expect(back.body.errors[0].message).toContain(`overlaps approved leave ${wed} 14:00–18:00`);
  });
});
