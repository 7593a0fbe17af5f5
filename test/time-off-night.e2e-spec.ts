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
 * A night worker's day off (leave as instants): the night already rostered into the day stays on the
 * day it starts, the leave starts when it ends, and the night starting on the day is freed. The leave
 * credits that night's paid minutes, so the contract minimum holds, and the week stays within the
 * rules the checker itself applies to every later change.
 */
describe('time off for night workers (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let agent: string;
  let me: string;
  let week: PublishedTeamWeek;
  const monday = shopMonday(3);
  const [mon, tue, wed, thu, fri] = weekDates(monday);

  beforeAll(async () => {
    ({ t, manager, agent, me } = await startAgentAndManager());
    // Every agent on nights (23:00–08:00) from Monday on, contracts as the demo has them.
    week = await publishTeamWeek(t, monday, {}, 'N');
    await allowTeamTimeOff(t, week.teamId);
  }, 180_000);
  afterAll(() => t.close(), 300_000);

  const ask = (token: string, body: Record<string, unknown>) => askTimeOff(t, token, { kind: 'comp', ...body });

  it('a whole day off frees the night starting on it, keeps the night before, and credits one night', async () => {
    const before = await readRoster(t, manager, week.rosterId);
    expect([mon, tue, wed].map((d) => shiftOn(before, me, d))).toEqual(['N', 'N', 'N']);
    const res = await ask(agent, { startDate: tue, endDate: tue }).expect(201);
    expect(res.body).toMatchObject({ status: 'approved', published: [{ rosterId: week.rosterId, from: 1, to: 2 }] });
    const after = await readRoster(t, manager, week.rosterId);
    expect([mon, tue, wed].map((d) => shiftOn(after, me, d))).toEqual(['N', null, 'N']);
    const diff = (await t.http().get(`/rosters/${week.rosterId}/diff?from=1&to=2`).set(bearer(manager)).expect(200))
      .body.changes;
    expect(diff.map((c: { date: string }) => c.date)).toEqual([tue]);
    // The leave: from the end of Monday's night (08:00 Tuesday, Shanghai) to Wednesday 00:00, one night's paid minutes.
    const [leave] = await t.app.get(Db).client<{ starts_at: string; ends_at: string; credit: unknown }[]>`
      select starts_at, ends_at, credit from leaves where id = ${res.body.leaveId}`;
    expect([leave.starts_at, leave.ends_at].map((x) => new Date(x).toISOString())).toEqual([
      shopInstant(tue, '08:00'),
      shopInstant(wed, '00:00'),
    ]);
    expect(leave.credit).toEqual([{ date: tue, minutes: 480 }]);
    // The roster and the agent's own view show Tuesday as leave from 08:00.
    const day = after.agents.find((a) => a.agentId === me)!.days.find((d) => d.date === tue)!;
    expect(day).toMatchObject({ absence: 'leave', leave: [{ start: '08:00', end: '24:00' }] });
    const own = (await t.http().get(`/me/shifts?from=${mon}&to=${fri}`).set(bearer(agent)).expect(200)).body;
    expect(own.leave).toEqual([{ date: tue, kind: 'comp', start: '08:00', end: '24:00' }]);
  });

  it('every later change of that week is still checked within the rules: another night worker’s day off, a manager’s edit published', async () => {
    const mate = week.mates.find((m) => m.id !== me && !m.isSupervisor && m.shifts >= 4)!;
    const later = await ask(manager, { kind: 'annual', agentId: mate.id, startDate: thu, endDate: thu }).expect(201);
    expect(later.body).toMatchObject({ status: 'approved' });
    const last = await readRoster(t, manager, week.rosterId);
    expect([wed, thu].map((d) => shiftOn(last, mate.id, d))).toEqual(['N', null]);
    // A manager's edit of the week is checked and published against every rule (leave included).
    const { revision } = await readRoster(t, manager, week.rosterId);
    await t
      .http()
      .patch(`/rosters/${week.rosterId}`)
      .set(bearer(manager))
      .send({ expectedRevision: revision, changes: [{ agentId: mate.id, date: fri, shiftTemplate: 'E' }] })
      .expect(200);
    await t.http().post(`/rosters/${week.rosterId}/publish`).set(bearer(manager)).send({}).expect(200);
    expect(shiftOn(await readRoster(t, manager, week.rosterId), mate.id, fri)).toBe('E');
  });

  it('refuses a shift put back on the day off: it overlaps the leave', async () => {
    const { revision } = await readRoster(t, manager, week.rosterId);
    const res = await t
      .http()
      .patch(`/rosters/${week.rosterId}`)
      .set(bearer(manager))
      .set('Accept-Language', 'en')
      .send({ expectedRevision: revision, changes: [{ agentId: me, date: tue, shiftTemplate: 'N' }] })
      .expect(400);
    expect(res.body.errors.map((e: { code: string }) => e.code)).toEqual(['leave']);
    expect(res.body.errors[0].message).toContain(`overlaps approved leave ${tue} 08:00–24:00`);
  });
});
