import { bearer, TestApp } from './support/test-app';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { addDays } from 'src/platform/time/calendar-date';
import { shopMonday } from './support/coming-weeks';
import {
  PublishedTeamWeek,
  publishTeamWeek,
  readRoster,
  shiftOn,
  TeamMate,
  weekDates,
} from './support/self-service-week';

type Open = {
  id: string;
  date: string;
  shiftTemplate: string;
  status: string;
  policy: string;
  assignedAgentId: string | null;
  volunteers: string[];
};

/** Open shifts: a manager posts uncovered hours, agents who may legally work them volunteer, the first or the manager's pick gets it. */
describe('open shifts (e2e)', () => {
  let t: TestApp;
  let other: SecondShop;
  let manager: string;
  let supervisor: string;
  let agent: string;
  let me: string;
  let week: PublishedTeamWeek;
  let partTimer: TeamMate;
  const [mon, , wed, thu, fri] = weekDates(shopMonday(3));

  const roster = () => readRoster(t, manager, week.rosterId);
  const post = (token: string, body: Record<string, unknown>) =>
    t
      .http()
      .post('/open-shifts')
      .set(bearer(token))
      .send({ rosterId: week.rosterId, shiftTemplate: 'E', ...body });
  const volunteer = (token: string, id: string, body: Record<string, unknown> = {}) =>
    t.http().post(`/open-shifts/${id}/volunteer`).set(bearer(token)).send(body);

  beforeAll(async () => {
    ({ t, other } = await startTestAppWithSecondShop({ secondShop: 'open-other' }));
    [manager, supervisor, agent] = await Promise.all([
      t.tokenFor('manager'),
      t.tokenFor('supervisor'),
      t.tokenFor('agent'),
    ]);
    me = (await t.http().get('/agents/me').set(bearer(agent)).expect(200)).body.id;
    week = await publishTeamWeek(t, mon);
    partTimer = week.mates.find((m) => m.shifts === 3 && m.id !== me)!;
    // Two part-timers keep Wednesday free (v2): each may then work one more shift within their contract.
    const v1 = await roster();
    await t
      .http()
      .patch(`/rosters/${week.rosterId}`)
      .set(bearer(manager))
      .send({
        expectedRevision: v1.revision,
        changes: [
          { agentId: me, date: wed, shiftTemplate: null },
          { agentId: partTimer.id, date: wed, shiftTemplate: null },
        ],
      })
      .expect(200);
    await t.http().post(`/rosters/${week.rosterId}/publish`).set(bearer(manager)).send({}).expect(200);
  }, 180_000);
  afterAll(() => t.close(), 300_000);

  it('posts the day-cover gaps of the roster once, and lists them to the team', async () => {
    const posted = (
      await t.http().post('/open-shifts/from-gaps').set(bearer(manager)).send({ rosterId: week.rosterId }).expect(201)
    ).body.items as Open[];
    // Thursday and Friday need 30 on the early shift; Monday to Wednesday need 3 and have more.
    const full = week.mates.filter((m) => m.shifts === 5).length;
    expect(posted.filter((o) => o.date === thu)).toHaveLength(30 - full);
    expect(posted.filter((o) => o.date === fri)).toHaveLength(30 - full);
    expect(posted.every((o) => o.shiftTemplate === 'E' && o.status === 'open' && o.policy === 'first')).toBe(true);
    expect(
      (await t.http().post('/open-shifts/from-gaps').set(bearer(manager)).send({ rosterId: week.rosterId }).expect(201))
        .body.items,
    ).toEqual([]);
    const seen = (await t.http().get('/open-shifts?status=open&limit=100').set(bearer(agent)).expect(200)).body;
    expect(seen.total).toBe(posted.length);
  });

  it('gives the shift to the first valid volunteer: a new published version, a feed line, the audit', async () => {
    const [first] = (
      (await t.http().get('/open-shifts?status=open&limit=100').set(bearer(agent)).expect(200)).body.items as Open[]
    ).filter((o) => o.date === thu);
    const got = await volunteer(agent, first.id).expect(200);
    expect(got.body).toMatchObject({
      status: 'filled',
      assignedAgentId: me,
      volunteers: [me],
      published: [{ rosterId: week.rosterId, from: 2, to: 3 }],
    });
    const after = await roster();
    expect(after.version).toMatchObject({ version: 3, status: 'published' });
    expect(shiftOn(after, me, thu)).toBe('E');
    const feed = (await t.http().get('/me/notifications').set(bearer(agent)).set('Accept-Language', 'zh').expect(200))
      .body.items;
    expect(feed.find((n: { subjectId: string }) => n.subjectId === first.id)).toMatchObject({ kind: 'shift-changed' });
    await volunteer(manager, first.id, { agentId: partTimer.id })
      .expect(409)
      .then((r) => expect(r.body.code).toBe('self-service.decided'));
    const audit = (
      await t.http().get(`/self-service/audit?rosterId=${week.rosterId}&limit=100`).set(bearer(manager)).expect(200)
    ).body.items;
    expect(
      audit.filter((e: { subjectId: string }) => e.subjectId === first.id).map((e: { action: string }) => e.action),
    ).toEqual(['posted', 'volunteered', 'assigned']);
  });

  it('refuses volunteers who may not work it: a hard rule, a second shift that day, a skill they lack, a day outside the week', async () => {
    const [next] = (
      (await t.http().get('/open-shifts?status=open&limit=100').set(bearer(agent)).expect(200)).body.items as Open[]
    ).filter((o) => o.date === fri);
    const tooMuch = await volunteer(agent, next.id).set('Accept-Language', 'zh').expect(409);
    expect(tooMuch.body.code).toBe('self-service.rules-broken');
    expect(tooMuch.body.detail).toContain('合同最多工时');
    const full = week.mates.find((m) => m.shifts === 5 && !m.isSupervisor)!;
    const busy = await volunteer(manager, next.id, { agentId: full.id }).set('Accept-Language', 'en').expect(409);
    expect(busy.body.code).toBe('self-service.already-works');
    expect(busy.body.detail).toContain(full.name);
    const [english] = (await post(manager, { date: fri, skill: 'after_sales' }).expect(201)).body.items;
    const lacking = await volunteer(manager, english.id, { agentId: partTimer.id })
      .set('Accept-Language', 'zh')
      .expect(409);
    expect(lacking.body.code).toBe('self-service.skill-lacking');
    expect(lacking.body.detail).toContain(partTimer.name);
    expect(lacking.body.detail).toContain('售后服务');
    const outside = await post(manager, { date: addDays(mon, 8) })
      .set('Accept-Language', 'en')
      .expect(400);
    expect(outside.body).toMatchObject({
      code: 'open-shift.date-outside-week',
      errors: [expect.objectContaining({ field: 'date' })],
    });
    await volunteer(manager, next.id, { agentId: other.agentId }).expect(404);
  });

  it('lets the manager pick among volunteers; of two picking at once one wins and the other gets 409', async () => {
    const [picked] = (await post(manager, { date: fri, policy: 'manager' }).expect(201)).body.items as Open[];
    const waiting = await volunteer(manager, picked.id, { agentId: partTimer.id }).expect(200);
    expect(waiting.body).toMatchObject({ status: 'open', volunteers: [partTimer.id] });
    await t
      .http()
      .post(`/open-shifts/${picked.id}/assign`)
      .set(bearer(manager))
      .send({ agentId: me })
      .expect(409)
      .then((r) => expect(r.body.code).toBe('open-shift.not-volunteered'));
    const pick = (token: string) =>
      t.http().post(`/open-shifts/${picked.id}/assign`).set(bearer(token)).send({ agentId: partTimer.id });
    const answers = await Promise.all([pick(manager), pick(supervisor)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.code).toBe('self-service.decided');
    expect(shiftOn(await roster(), partTimer.id, fri)).toBe('E');
  });

  it('keeps roles and shops apart', async () => {
    await post(agent, { date: fri }).expect(403);
    await post(supervisor, { date: fri }).expect(403);
    await post(other.managerToken, { date: fri }).expect(404);
    await t
      .http()
      .get('/open-shifts')
      .set(bearer(await t.tokenFor('trainer')))
      .expect(403);
    const [mine] = (await post(manager, { date: fri }).expect(201)).body.items as Open[];
    await volunteer(other.agentToken, mine.id).expect(404);
    await t.http().post(`/open-shifts/${mine.id}/assign`).set(bearer(agent)).send({ agentId: me }).expect(403);
    await t.http().delete(`/open-shifts/${mine.id}`).set(bearer(other.managerToken)).expect(404);
    expect((await t.http().get('/open-shifts').set(bearer(other.managerToken)).expect(200)).body.total).toBe(0);
    await t
      .http()
      .delete(`/open-shifts/${mine.id}`)
      .set(bearer(manager))
      .expect(200)
      .then((r) => expect(r.body.status).toBe('cancelled'));
  });
});
