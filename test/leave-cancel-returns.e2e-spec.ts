import { Db } from 'src/platform/db/db';
import type { SecondShop } from './support/second-shop';
import { startTestAppWithSecondShop } from './support/second-shop';
import { bearer, TestApp } from './support/test-app';
import {
  allowTeamTimeOff,
  askTimeOff,
  PublishedTeamWeek,
  publishTeamWeek,
  readRoster,
  shiftOn,
  weekDates,
} from './support/self-service-week';
import { shopMonday } from './support/coming-weeks';
import { approvedLeave } from './support/approved-leave';

type Feed = { items: { kind: string; text: string }[] };
type Versions = { versions: { version: number; note: string | null }[] };

/**
 * Cancelling approved leave gives back the published shifts it took, as each roster's next version
 * with a note: withdrawn as a time-off request or cancelled on the leave list. A shift since given to
 * someone else stays with them, and the managers are told, naming agent and shift in both languages.
 */
describe('cancelled leave gives its shifts back (e2e)', () => {
  let t: TestApp;
  let other: SecondShop;
  let manager: string;
  let agent: string;
  let me: string;
  let week: PublishedTeamWeek;
  const [mon, tue, wed, thu, fri] = weekDates(shopMonday(3));

  beforeAll(async () => {
    ({ t, other, manager } = await startTestAppWithSecondShop({ secondShop: 'return-other' }));
    agent = await t.tokenFor('agent');
    me = (await t.http().get('/agents/me').set(bearer(agent)).expect(200)).body.id;
    // Early shifts from Monday: full-timers five days, part-timers (the demo agent too) Monday to Wednesday.
    week = await publishTeamWeek(t, mon);
    await allowTeamTimeOff(t, week.teamId);
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const read = () => readRoster(t, manager, week.rosterId);
  const noteOf = async (version: number) =>
    ((await t.http().get(`/rosters/${week.rosterId}`).set(bearer(manager)).expect(200)).body as Versions).versions.find(
      (v) => v.version === version,
    )!.note;

  it('an approved time-off request withdrawn by its agent gives the day’s shift back, with a note; others may not', async () => {
    const asked = await askTimeOff(t, agent, { kind: 'annual', startDate: tue, endDate: tue }).expect(201);
    expect(asked.body).toMatchObject({ status: 'approved', published: [{ rosterId: week.rosterId, from: 1, to: 2 }] });
    expect(shiftOn(await read(), me, tue)).toBeNull();

    // Roles without a say over leave, and another shop, cannot withdraw it.
    for (const role of ['qc', 'trainer'])
      await t
        .http()
        .delete(`/time-off-requests/${asked.body.id}`)
        .set(bearer(await t.tokenFor(role)))
        .expect(403);
    await t.http().delete(`/time-off-requests/${asked.body.id}`).set(bearer(other.managerToken)).expect(404);
    await t.http().delete(`/time-off-requests/${asked.body.id}`).set(bearer(other.agentToken)).expect(404);
    expect(shiftOn(await read(), me, tue)).toBeNull();

    const cancelled = await t.http().delete(`/time-off-requests/${asked.body.id}`).set(bearer(agent)).expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      returned: [{ rosterId: week.rosterId, from: 2, to: 3 }],
      warnings: [],
    });
    const after = await read();
    expect(after.version).toMatchObject({ version: 3, status: 'published' });
    expect([mon, tue, wed].map((d) => shiftOn(after, me, d))).toEqual(['E', 'E', 'E']);
    expect(await noteOf(3)).toMatch(new RegExp(`（CS\\d+） ${tue} 年假已取消：因其取消或缩短的班次已恢复$`));
    const [leave] = await t.app.get(Db).client<{ status: string }[]>`
      select status from leaves where id = ${asked.body.leaveId}`;
    expect(leave.status).toBe('cancelled');
    // Withdrawn once: a second time is refused, naming the state.
    await t.http().delete(`/time-off-requests/${asked.body.id}`).set(bearer(agent)).expect(409);
  });

  /** An agent as each language names one. */
  const name = (m: { name: string; employeeNo: string }) => ({
    en: `${m.name} (${m.employeeNo})`,
    zh: `${m.name}（${m.employeeNo}）`,
  });
  const early = (date: string) => `早班 ${date} 08:00–17:00`;
  const partTimer = () => week.mates.find((m) => !m.isSupervisor && m.id !== me && m.shifts === 3)!;
  /** Moves the part-timer's early shift from one day to another, published as the next version. */
  const move = async (from: string, to: string) => {
    const { revision } = await read();
    await t
      .http()
      .patch(`/rosters/${week.rosterId}`)
      .set(bearer(manager))
      .send({
        expectedRevision: revision,
        changes: [
          { agentId: partTimer().id, date: from, shiftTemplate: null },
          { agentId: partTimer().id, date: to, shiftTemplate: 'E' },
        ],
      })
      .expect(200);
    await t.http().post(`/rosters/${week.rosterId}/publish`).set(bearer(manager)).send({}).expect(200);
  };
  const personalLeave = (agentId: string, startDate: string, endDate: string) =>
    approvedLeave(t, manager, { agentId, kind: 'personal', startDate, endDate });
  const managersTold = async (lang: string) =>
    (
      (await t.http().get('/me/notifications').set(bearer(manager)).set('Accept-Language', lang).expect(200))
        .body as Feed
    ).items
      .filter((n) => n.kind === 'shift-not-returned')
      .map((n) => n.text);

  it('leave cancelled on the leave list by its agent gives back what is still free, and names the shift given to someone else to the managers in both languages', async () => {
    const mine = week.mates.find((m) => m.id === me)!;
    await move(wed, thu);
    const leave = await personalLeave(me, tue, wed);
    const freed = await read();
    expect([tue, wed].map((d) => shiftOn(freed, me, d))).toEqual([null, null]);
    // The manager gives the agent's Wednesday to the part-timer (back from Thursday).
    await move(thu, wed);
    const given = (await read()).version.version;

    // Not another shop's to cancel, nor a role without a say over leave.
    await t.http().delete(`/leave/${leave.id}`).set(bearer(other.managerToken)).expect(404);
    await t
      .http()
      .delete(`/leave/${leave.id}`)
      .set(bearer(await t.tokenFor('qc')))
      .expect(403);

    const cancelled = await t.http().delete(`/leave/${leave.id}`).set(bearer(agent)).expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      published: leave.published,
      returned: [{ rosterId: week.rosterId, from: given, to: given + 1 }],
    });
    const after = await read();
    expect([mon, tue, wed].map((d) => shiftOn(after, me, d))).toEqual(['E', 'E', null]);
    expect(shiftOn(after, partTimer().id, wed)).toBe('E');
    const warning = {
      en: `The leave of ${name(mine).en} ${tue}–${wed} was cancelled, but the shift ${early(wed)} was not given back: ${name(partTimer()).en} works it now`,
      zh: `${name(mine).zh} ${tue}–${wed} 的休假已取消，但班次 ${early(wed)} 未恢复：该时段现由${name(partTimer()).zh}上班`,
    };
    expect(cancelled.body.warnings).toEqual([warning]);
    expect([await managersTold('en'), await managersTold('zh')]).toEqual([[warning.en], [warning.zh]]);
    // The agent is not told what only the managers must sort out.
    const agentFeed = (await t.http().get('/me/notifications').set(bearer(agent)).expect(200)).body as Feed;
    expect(agentFeed.items.filter((n) => n.kind === 'shift-not-returned')).toEqual([]);
  });

  it('a week that would fall short of its contract minimum gets none back: each shift is named, and others’ leave is not an agent’s to cancel', async () => {
    const fullTimer = week.mates.find((m) => !m.isSupervisor && m.id !== me && m.shifts === 5)!;
    const leave = await personalLeave(fullTimer.id, thu, fri);
    const freed = await read();
    expect([thu, fri].map((d) => shiftOn(freed, fullTimer.id, d))).toEqual([null, null]);
    await move(wed, thu);
    const before = (await read()).version.version;
    await t.http().delete(`/leave/${leave.id}`).set(bearer(agent)).expect(404);

    const cancelled = await t.http().delete(`/leave/${leave.id}`).set(bearer(manager)).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', returned: [] });
    const after = await read();
    expect(after.version.version).toBe(before);
    expect([thu, fri].map((d) => shiftOn(after, fullTimer.id, d))).toEqual([null, null]);
    expect(cancelled.body.warnings).toEqual([
      {
        en: `The leave of ${name(fullTimer).en} ${thu}–${fri} was cancelled, but the shift ${early(thu)} was not given back: ${name(partTimer()).en} works it now`,
        zh: `${name(fullTimer).zh} ${thu}–${fri} 的休假已取消，但班次 ${early(thu)} 未恢复：该时段现由${name(partTimer()).zh}上班`,
      },
      {
        en: `The leave of ${name(fullTimer).en} ${thu}–${fri} was cancelled, but the shift ${early(fri)} was not given back: ${name(fullTimer).en} may no longer work it (contract minimum hours)`,
        zh: `${name(fullTimer).zh} ${thu}–${fri} 的休假已取消，但班次 ${early(fri)} 未恢复：${name(fullTimer).zh}已不能再上该班（合同最少工时）`,
      },
    ]);
  });

  it('an approved request’s leave cancelled on the leave list cancels the request too, and its audit trail says so', async () => {
    const asked = await askTimeOff(t, agent, { kind: 'annual', startDate: mon, endDate: mon }).expect(201);
    expect(asked.body).toMatchObject({ status: 'approved' });
    expect(shiftOn(await read(), me, mon)).toBeNull();

    const cancelled = await t.http().delete(`/leave/${asked.body.leaveId}`).set(bearer(manager)).expect(200);
    expect(cancelled.body.returned).toHaveLength(1);
    expect(shiftOn(await read(), me, mon)).toBe('E');
    const trail = (
      await t
        .http()
        .get(`/self-service/audit?agentId=${me}&limit=100`)
        .set(bearer(manager))
        .set('Accept-Language', 'en')
        .expect(200)
    ).body.items as { subjectId: string; action: string; rosterIds: string[]; detail: Record<string, unknown> }[];
    const ofRequest = trail.filter((e) => e.subjectId === asked.body.id);
    expect(ofRequest.map((e) => e.action)).toEqual(['requested', 'auto-approved', 'cancelled']);
    expect(ofRequest[2]).toMatchObject({
      rosterIds: [week.rosterId],
      detail: { startDate: mon, withLeave: true, returned: cancelled.body.returned },
    });
    // Cancelled with its leave: withdrawing the request now is refused, naming the state.
    await t.http().delete(`/time-off-requests/${asked.body.id}`).set(bearer(agent)).expect(409);
  });
});
