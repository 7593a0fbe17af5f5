import { bearer, TestApp } from './support/test-app';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { addDays } from 'src/platform/time/calendar-date';
import { shopMonday } from './support/coming-weeks';
import { PublishedTeamWeek, publishTeamWeek, readRoster, shiftOn, weekDates } from './support/self-service-week';

/** Time off from the agent's phone to the published roster: allowance, supervisor, caps, hard rules, concurrent decisions. */
describe('time-off requests (e2e)', () => {
  let t: TestApp;
  let other: SecondShop;
  let manager: string;
  let supervisor: string;
  let agent: string;
  let me: string;
  let week: PublishedTeamWeek;
  const monday = shopMonday(3);
  const [mon, tue, wed, thu, fri] = weekDates(monday);

  const roster = () => readRoster(t, manager, week.rosterId);
  const settings = (s: Record<string, unknown>) =>
    t.http().patch(`/shops/${t.demoShopId}`).set(bearer(manager)).send({ settings: s }).expect(200);
  const ask = (token: string, body: Record<string, unknown>) =>
    t
      .http()
      .post('/time-off-requests')
      .set(bearer(token))
      .send({ kind: 'comp', ...body });

  beforeAll(async () => {
    ({ t, other } = await startTestAppWithSecondShop());
    [manager, supervisor, agent] = await Promise.all([
      t.tokenFor('manager'),
      t.tokenFor('supervisor'),
      t.tokenFor('agent'),
    ]);
    me = (await t.http().get('/agents/me').set(bearer(agent)).expect(200)).body.id;
    week = await publishTeamWeek(t, monday, { supervisorOnEveryShift: true });
    await settings({ timeOffAllowances: [{ teamId: week.teamId, perDay: 1, maxPerDay: 2 }] });
  }, 180_000);
  afterAll(() => t.close(), 300_000);

  const fullTimers = () => week.mates.filter((m) => !m.isSupervisor && m.id !== me && m.shifts === 5);

  it('approves at once within the allowance: leave granted, the shift freed in a new published version', async () => {
    const before = await roster();
    expect(shiftOn(before, me, mon)).toBe('E');
    const res = await ask(agent, { startDate: mon, endDate: mon, reason: '孩子家长会' }).expect(201);
    expect(res.body).toMatchObject({
      agentId: me,
      status: 'approved',
      autoApproved: true,
      published: [{ rosterId: week.rosterId, from: 1, to: 2 }],
    });
    const after = await roster();
    expect(after.version).toMatchObject({ version: 2, status: 'published' });
    expect(shiftOn(after, me, mon)).toBeNull();
    const mine = (await t.http().get(`/me/shifts?from=${mon}&to=${fri}`).set(bearer(agent)).expect(200)).body.items.map(
      (s: { date: string }) => s.date,
    );
    expect(mine).not.toContain(mon);
    const leave = (await t.http().get(`/leave?agentId=${me}&status=approved`).set(bearer(manager)).expect(200)).body
      .items;
    expect(leave).toContainEqual(
      expect.objectContaining({ id: res.body.leaveId, kind: 'comp', startDate: mon, endDate: mon }),
    );
    const diff = (await t.http().get(`/rosters/${week.rosterId}/diff?from=1&to=2`).set(bearer(manager)).expect(200))
      .body.changes;
    expect(diff).toEqual([expect.objectContaining({ agentId: me, date: mon })]);
  });

  it('waits for the supervisor beyond the allowance; of two deciding at once one wins and the other gets 409', async () => {
    const [mate] = fullTimers();
    const pending = await ask(manager, { agentId: mate.id, startDate: mon, endDate: mon }).expect(201);
    expect(pending.body).toMatchObject({ status: 'pending', autoApproved: false, published: [] });
    const inbox = (await t.http().get('/time-off-requests?status=pending').set(bearer(supervisor)).expect(200)).body
      .items;
    expect(inbox.map((r: { id: string }) => r.id)).toContain(pending.body.id);
    const decide = (token: string, decision: string) =>
      t.http().post(`/time-off-requests/${pending.body.id}/decision`).set(bearer(token)).send({ decision });
    const answers = await Promise.all([decide(supervisor, 'approved'), decide(manager, 'rejected')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const loser = answers.find((a) => a.status === 409)!;
    expect(loser.body.code).toBe('self-service.decided');
    const winner = answers.find((a) => a.status === 200)!.body;
    if (winner.status === 'approved') expect(shiftOn(await roster(), mate.id, mon)).toBeNull();
    else expect(shiftOn(await roster(), mate.id, mon)).toBe('E');
  });

  it('refuses beyond the cap, naming the team and the date', async () => {
    await settings({ timeOffAllowances: [{ teamId: week.teamId, perDay: 0, maxPerDay: 1 }] });
    const [, mate] = fullTimers();
    const refused = await ask(manager, { agentId: mate.id, startDate: mon, endDate: mon })
      .set('Accept-Language', 'en')
      .expect(409);
    expect(refused.body.code).toBe('time-off.allowance-exceeded');
    expect(refused.body.detail).toContain('售前一组');
    expect(refused.body.detail).toContain(mon);
  });

  it('refuses time off that breaks a hard rule, naming the rule and the people', async () => {
    await settings({ timeOffAllowances: [{ teamId: week.teamId, perDay: 5 }] });
    const chief = week.mates.find((m) => m.isSupervisor)!;
    const refused = await ask(supervisor, { startDate: thu, endDate: thu }).set('Accept-Language', 'zh').expect(409);
    expect(refused.body.code).toBe('self-service.rules-broken');
    expect(refused.body.detail).toContain('每个班次须有主管');
    expect(refused.body.detail).toContain(thu);
    expect(refused.body.violations).toContainEqual(
      expect.objectContaining({ rule: 'supervisor-on-shift', dates: [thu] }),
    );
    expect(shiftOn(await roster(), chief.id, thu)).toBe('E');
  });

  it('lets the supervisor reject with a note, and the agent cancel while waiting', async () => {
    await settings({ timeOffAllowances: [{ teamId: week.teamId, perDay: 0 }] });
    const asked = await ask(agent, { kind: 'annual', startDate: wed, endDate: wed }).expect(201);
    expect(asked.body.status).toBe('pending');
    const rejected = await t
      .http()
      .post(`/time-off-requests/${asked.body.id}/decision`)
      .set(bearer(supervisor))
      .send({ decision: 'rejected', note: '周三人手不足' })
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', note: '周三人手不足' });
    expect(shiftOn(await roster(), me, wed)).toBe('E');
    const again = await ask(agent, { kind: 'annual', startDate: wed, endDate: wed }).expect(201);
    await t.http().delete(`/time-off-requests/${again.body.id}`).set(bearer(agent)).expect(200);
    await t.http().delete(`/time-off-requests/${again.body.id}`).set(bearer(agent)).expect(409);
  });

  it('approves at once while cover stays above the share, part of a day included', async () => {
    await settings({ timeOffAllowances: [], timeOffMinCoveragePercent: 100 });
    const [, , a, b] = fullTimers();
    // Tuesday needs 3 on the early shift and has many more: cover holds. Thursday needs 30: it does not.
    // Part of the day that covers the whole early shift (08:00–17:00) frees it (cutting is in time-off-part-day).
    const tuesday = await ask(manager, {
      agentId: a.id,
      startDate: tue,
      endDate: tue,
      startTime: '08:00',
      endTime: '17:00',
    }).expect(201);
    expect(tuesday.body).toMatchObject({
      status: 'approved',
      autoApproved: true,
      startTime: '08:00',
      endTime: '17:00',
    });
    expect(shiftOn(await roster(), a.id, tue)).toBeNull();
    const thursday = await ask(manager, { agentId: b.id, startDate: thu, endDate: thu }).expect(201);
    expect(thursday.body.status).toBe('pending');
  });

  it('refuses past days and unpublished weeks with a clear reason', async () => {
    const lastWeek = shopMonday(-1);
    const past = await ask(agent, { startDate: lastWeek, endDate: lastWeek }).set('Accept-Language', 'en').expect(400);
    expect(past.body).toMatchObject({
      code: 'self-service.past-day',
      errors: [expect.objectContaining({ field: 'startDate' })],
    });
    // The Tuesday of a week nobody published, named by its Monday.
    const unpublishedMonday = addDays(monday, 9 * 7);
    const unpublishedDay = addDays(unpublishedMonday, 1);
    const unpublished = await ask(agent, { startDate: unpublishedDay, endDate: unpublishedDay })
      .set('Accept-Language', 'en')
      .expect(409);
    expect(unpublished.body.code).toBe('self-service.unpublished-week');
    expect(unpublished.body.detail).toContain(unpublishedMonday);
    const bad = await ask(agent, { startDate: fri, endDate: fri, startTime: '14:00' }).expect(400);
    expect(bad.body.errors[0].field).toBe('endTime');
  });

  it('keeps an audit trail per roster and per agent: who asked, who decided, which version', async () => {
    const audit = (token: string, query: string) =>
      t.http().get(`/self-service/audit${query}`).set(bearer(token)).set('Accept-Language', 'zh');
    const byRoster = (await audit(manager, `?rosterId=${week.rosterId}&limit=100`).expect(200)).body.items;
    expect(byRoster[0]).toMatchObject({
      subject: 'time-off',
      action: 'auto-approved',
      actionLabel: '自动批准',
      agentIds: [me],
      rosterIds: [week.rosterId],
      detail: { startDate: mon, published: [{ rosterId: week.rosterId, from: 1, to: 2 }] },
    });
    expect(byRoster[0].actor.name).toBe(week.mates.find((m) => m.id === me)!.name);
    const mine = (await audit(agent, '').expect(200)).body.items.map((e: { action: string }) => e.action);
    expect(mine.slice(0, 2)).toEqual(['requested', 'auto-approved']);
    expect(mine).toContain('rejected');
    expect(mine).toContain('cancelled');
    await audit(agent, `?rosterId=${week.rosterId}`).expect(403);
    await audit(agent, `?agentId=${week.mates[2].id}`).expect(404);
    await audit(other.managerToken, `?rosterId=${week.rosterId}`).expect(404);
    await audit(other.managerToken, `?agentId=${me}`)
      .expect(200)
      .then((r) => expect(r.body.total).toBe(0));
    await audit(await t.tokenFor('hr'), '').expect(403);
  });

  it('keeps roles and shops apart', async () => {
    await ask(await t.tokenFor('qc'), { startDate: fri, endDate: fri }).expect(403);
    await t
      .http()
      .get('/time-off-requests')
      .set(bearer(await t.tokenFor('trainer')))
      .expect(403);
    await settings({ timeOffAllowances: [{ teamId: week.teamId, perDay: 0 }] });
    const mine = await ask(agent, { startDate: fri, endDate: fri }).expect(201);
    await t
      .http()
      .post(`/time-off-requests/${mine.body.id}/decision`)
      .set(bearer(agent))
      .send({ decision: 'approved' })
      .expect(403);
    await t
      .http()
      .post(`/time-off-requests/${mine.body.id}/decision`)
      .set(bearer(other.managerToken))
      .send({ decision: 'approved' })
      .expect(404);
    await t.http().delete(`/time-off-requests/${mine.body.id}`).set(bearer(other.agentToken)).expect(404);
    await ask(manager, { agentId: other.agentId, startDate: fri, endDate: fri }).expect(404);
    const theirs = (await t.http().get('/time-off-requests').set(bearer(other.managerToken)).expect(200)).body;
    expect(theirs.total).toBe(0);
    const seen = (await t.http().get('/time-off-requests').set(bearer(agent)).expect(200)).body.items;
    expect(seen.every((r: { agentId: string }) => r.agentId === me)).toBe(true);
  });
});
