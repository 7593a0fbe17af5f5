import { bearer, TestApp } from './support/test-app';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { addDays } from 'src/platform/time/calendar-date';
import { shopMonday } from './support/coming-weeks';
import { PublishedTeamWeek, publishTeamWeek, readRoster, shiftOn, weekDates } from './support/self-service-week';

type Versions = { versions: { version: number; status: string; note: string | null }[] };

/**
 * Leave decided on the leave list reaches a published roster as an approved time-off request does:
 * the shifts it overlaps are taken off in the next published version (with a note), carried into a
 * pending draft; a hard rule it would break refuses the approval; weeks not published stay untouched.
 */
describe('leave approved over a published roster (e2e)', () => {
  let t: TestApp;
  let other: SecondShop;
  let manager: string;
  let agent: string;
  let me: string;
  let week: PublishedTeamWeek;
  const [mon, tue, wed, thu, fri] = weekDates(shopMonday(3));

  const read = async (version?: number) =>
    (
      await t
        .http()
        .get(`/rosters/${week.rosterId}${version ? `?version=${version}` : ''}`)
        .set(bearer(manager))
        .expect(200)
    ).body as Awaited<ReturnType<typeof readRoster>> & Versions;
  const ask = async (agentId: string, startDate: string, endDate: string) =>
    (
      await t
        .http()
        .post('/leave')
        .set(bearer(manager))
        .send({ agentId, kind: 'annual', startDate, endDate })
        .expect(201)
    ).body.id as string;
  const decide = (token: string, id: string, lang = 'en') =>
    t
      .http()
      .post(`/leave/${id}/decision`)
      .set(bearer(token))
      .set('Accept-Language', lang)
      .send({ decision: 'approved' });

  beforeAll(async () => {
    ({ t, other } = await startTestAppWithSecondShop());
    [manager, agent] = await Promise.all([t.tokenFor('manager'), t.tokenFor('agent')]);
    me = (await t.http().get('/agents/me').set(bearer(agent)).expect(200)).body.id;
    week = await publishTeamWeek(t, mon, { supervisorOnEveryShift: true });
  }, 180_000);
  afterAll(() => t.close(), 300_000);

  it('takes the agent off the published shifts the leave covers, as the next version with a note', async () => {
    expect(shiftOn(await read(), me, tue)).toBe('E');
    const id = await ask(me, tue, wed);
    await decide(agent, id).expect(403);
    expect((await decide(other.managerToken, id).expect(404)).body.code).toBe('org.leave-not-found');
    const res = await decide(manager, id).expect(200);
    expect(res.body).toMatchObject({ status: 'approved', published: [{ rosterId: week.rosterId, from: 1, to: 2 }] });
    const after = await read();
    expect(after.version).toMatchObject({ version: 2, status: 'published' });
    expect(shiftOn(after, me, tue)).toBeNull();
    expect(shiftOn(after, me, wed)).toBeNull();
    expect(shiftOn(after, me, mon)).toBe('E');
    const tuesday = after.agents.find((a) => a.agentId === me)!.days.find((d) => d.date === tue)!;
    expect(tuesday.absence).toBe('leave');
    const note = after.versions.find((v) => v.version === 2)!.note;
    expect(note).toContain('annual leave');
    expect(note).toContain(`${tue}–${wed}`);
    const mine = (await t.http().get(`/me/shifts?from=${mon}&to=${fri}`).set(bearer(agent)).expect(200)).body.items;
    const worked = week.dates.slice(0, week.mates.find((m) => m.id === me)!.shifts);
    expect(mine.map((s: { date: string }) => s.date)).toEqual(worked.filter((d) => d !== tue && d !== wed));
  });

  it('refuses leave whose freed shift would break a hard rule, naming it, and leaves it requested', async () => {
    const chief = week.mates.find((m) => m.isSupervisor)!;
    const id = await ask(chief.id, thu, thu);
    const refused = await decide(manager, id, 'zh').expect(409);
    expect(refused.body.code).toBe('self-service.rules-broken');
    expect(refused.body.detail).toContain('每个班次须有主管');
    expect(refused.body.detail).toContain(thu);
    expect(shiftOn(await read(), chief.id, thu)).toBe('E');
    const left = (await t.http().get(`/leave?agentId=${chief.id}`).set(bearer(manager)).expect(200)).body.items;
    expect(left).toEqual([expect.objectContaining({ id, status: 'requested' })]);
  });

  it('publishes beside a pending draft and carries the freed shift into it', async () => {
    const mate = week.mates.find((m) => !m.isSupervisor && m.id !== me && m.shifts === 5)!;
    // The draft moves a part-timer's Wednesday to Thursday (a supervisor works both days).
    const partTimer = week.mates.find((m) => !m.isSupervisor && m.id !== me && m.shifts === 3)!;
    const { revision } = await read();
    await t
      .http()
      .patch(`/rosters/${week.rosterId}`)
      .set(bearer(manager))
      .send({
        expectedRevision: revision,
        changes: [
          { agentId: partTimer.id, date: wed, shiftTemplate: null },
          { agentId: partTimer.id, date: thu, shiftTemplate: 'E' },
        ],
      })
      .expect(200);
    const res = await decide(manager, await ask(mate.id, fri, fri)).expect(200);
    expect(res.body.published).toEqual([{ rosterId: week.rosterId, from: 2, to: 3 }]);
    const published = await read(3);
    expect(published.version).toMatchObject({ version: 3, status: 'published' });
    expect(shiftOn(published, mate.id, fri)).toBeNull();
    const draft = await read();
    expect(draft.version).toMatchObject({ version: 4, status: 'draft' });
    expect(shiftOn(draft, mate.id, fri)).toBeNull();
    expect(shiftOn(draft, partTimer.id, thu)).toBe('E');
    expect(shiftOn(draft, partTimer.id, wed)).toBeNull();
  });

  it('approves leave over a week not published yet without touching any roster', async () => {
    // Tuesday and Wednesday of a week four weeks on, which nobody published.
    const res = await decide(manager, await ask(me, addDays(mon, 29), addDays(mon, 30))).expect(200);
    expect(res.body).toMatchObject({ status: 'approved', published: [], credit: null });
  });
});
