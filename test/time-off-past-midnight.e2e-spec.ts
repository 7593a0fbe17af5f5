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
 * Part of a day past local midnight (an evening or night worker's 22:00–02:00): it ends on the next
 * date, is stored as its instants (the shop's zone at the edges), cuts the shift it overlaps, and the
 * rule check sees it on both dates. Same-date hours the wrong way round, and more than 24 hours, are
 * refused in English and Chinese naming the field.
 */
describe('time off past midnight (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let agent: string;
  let me: string;
  let week: PublishedTeamWeek;
  const monday = shopMonday(3);
  const [mon, tue, wed, thu, fri, sat] = weekDates(monday);

  beforeAll(async () => {
    ({ t, manager, agent, me } = await startAgentAndManager());
    // Evening shifts 16:00–01:00 all week (an unpaid meal hour: 480 paid), and a short evening
    // 16:00–22:00 (360 paid) the shop may also roster. The shop's starter templates first.
    await t.http().get('/shift-templates').set(bearer(manager)).expect(200);
    const meal = {
      name: 'meal',
      minutes: 60,
      minShiftMinutes: 480,
      earliestStartAfterMinutes: 180,
      latestStartAfterMinutes: 300,
    };
    for (const [code, name, lengthMinutes] of [
      ['D', '晚班', 540],
      ['S', '短晚班', 360],
    ] as const)
      await t
        .http()
        .post('/shift-templates')
        .set(bearer(manager))
        .send({ code, name, start: '16:00', lengthMinutes, colour: '#345678', breaks: [meal] })
        .expect(201);
    week = await publishTeamWeek(t, monday, {}, 'D');
    await allowTeamTimeOff(t, week.teamId);
  }, 180_000);
  afterAll(() => t.close(), 300_000);

  const ask = (token: string, body: Record<string, unknown>, lang = 'en') => askTimeOff(t, token, body, lang);

  it('22:00–02:00 off cuts the evening shift to the short one before it, stored as those instants and shown on both dates', async () => {
    const before = await readRoster(t, manager, week.rosterId);
    // The demo agent works three days (part-time): Monday to Wednesday.
    expect([mon, tue, wed, thu].map((d) => shiftOn(before, me, d))).toEqual(['D', 'D', 'D', null]);
    const res = await ask(agent, { startDate: wed, endDate: thu, startTime: '22:00', endTime: '02:00' }).expect(201);
    expect(res.body).toMatchObject({
      status: 'approved',
      startDate: wed,
      endDate: thu,
      startTime: '22:00',
      endTime: '02:00',
    });
    const roster = await readRoster(t, manager, week.rosterId);
    expect([mon, tue, wed, thu].map((d) => shiftOn(roster, me, d))).toEqual(['D', 'D', 'S', null]);
    const [leave] = await t.app.get(Db).client<{ starts_at: string; ends_at: string; credit: unknown }[]>`
      select starts_at, ends_at, credit from leaves where id = ${res.body.leaveId}`;
    // Shanghai is UTC+8: Wednesday 22:00 to Thursday 02:00 local.
    expect([leave.starts_at, leave.ends_at].map((x) => new Date(x).toISOString())).toEqual([
      shopInstant(wed, '22:00'),
      shopInstant(thu, '02:00'),
    ]);
    // The contract is credited what the cut takes: D's 480 paid minutes less S's 360.
    expect(leave.credit).toEqual([{ date: wed, minutes: 120 }]);
    const own = (await t.http().get(`/me/shifts?from=${mon}&to=${fri}`).set(bearer(agent)).expect(200)).body;
    expect(own.leave).toEqual([
      { date: wed, kind: 'personal', start: '22:00', end: '24:00' },
      { date: thu, kind: 'personal', start: '00:00', end: '02:00' },
    ]);
    const days = (await readRoster(t, manager, week.rosterId)).agents.find((a) => a.agentId === me)!.days;
    expect([wed, thu].map((d) => days.find((x) => x.date === d)!.leave)).toEqual([
      [{ start: '22:00', end: '24:00' }],
      [{ start: '00:00', end: '02:00' }],
    ]);
  });

  it('the rule check sees the leave past midnight: the evening shift put back is refused, more time off inside it too', async () => {
    const { revision } = await readRoster(t, manager, week.rosterId);
    const back = await t
      .http()
      .patch(`/rosters/${week.rosterId}`)
      .set(bearer(manager))
      .set('Accept-Language', 'en')
      .send({ expectedRevision: revision, changes: [{ agentId: me, date: wed, shiftTemplate: 'D' }] })
      .expect(400);
    expect(back.body.errors.map((e: { code: string }) => e.code)).toEqual(['leave']);
    expect(back.body.errors[0].message).toContain(`overlaps approved leave ${wed} 22:00–24:00`);
    const inside = await ask(agent, { startDate: thu, endDate: thu, startTime: '01:00', endTime: '03:00' }).expect(409);
    expect(inside.body.code).toBe('time-off.overlaps');
  });

  it('waiting requests past midnight clash by their hours on the next date, not by the clock alone', async () => {
    // No allowance: the supervisor decides each, so they wait. The agent has no shift on Friday or Saturday.
    await t
      .http()
      .patch(`/shops/${t.demoShopId}`)
      .set(bearer(manager))
      .send({ settings: { timeOffAllowances: [] } })
      .expect(200);
    const night = await ask(agent, { startDate: fri, endDate: sat, startTime: '22:00', endTime: '02:00' }).expect(201);
    expect(night.body.status).toBe('pending');
    const meets = await ask(agent, { startDate: sat, endDate: sat, startTime: '01:00', endTime: '03:00' }).expect(409);
    expect(meets.body.code).toBe('time-off.overlaps');
    const after = await ask(agent, { startDate: sat, endDate: sat, startTime: '02:00', endTime: '04:00' }).expect(201);
    expect(after.body.status).toBe('pending');
    for (const r of [night, after])
      await t.http().delete(`/time-off-requests/${r.body.id}`).set(bearer(agent)).expect(200);
  });

  it('refuses end before start on one date, a part past the next date and more than 24 hours, naming the field in English and Chinese', async () => {
    const refused = async (body: Record<string, unknown>) => {
      const [en, zh] = [(await ask(agent, body).expect(400)).body, (await ask(agent, body, 'zh').expect(400)).body];
      expect(en.errors).toHaveLength(1);
      expect(zh.errors.map((e: { field: string }) => e.field)).toEqual(
        en.errors.map((e: { field: string }) => e.field),
      );
      return { field: en.errors[0].field, en: en.errors[0].message, zh: zh.errors[0].message };
    };
    expect(await refused({ startDate: fri, endDate: fri, startTime: '22:00', endTime: '02:00' })).toEqual({
      field: 'endTime',
      en: 'must be after startTime on the same date (to run past midnight, end on the next date)',
      zh: '同一天内须晚于开始时间（跨午夜请将结束日期设为次日）',
    });
    expect(await refused({ startDate: fri, endDate: fri, startTime: '14:00', endTime: '14:00' })).toMatchObject({
      field: 'endTime',
    });
    expect(await refused({ startDate: fri, endDate: sat, startTime: '22:00', endTime: '23:00' })).toEqual({
      field: 'endTime',
      en: 'part of a day lasts at most 24 hours',
      zh: '部分时段休假最长 24 小时',
    });
    expect(await refused({ startDate: thu, endDate: sat, startTime: '22:00', endTime: '02:00' })).toEqual({
      field: 'endDate',
      en: 'part of a day ends on startDate, or on the next date when it runs past midnight',
      zh: '部分时段休假须在开始日期当天结束，跨午夜时结束日期为次日',
    });
  });
});
