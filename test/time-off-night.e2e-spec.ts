import { bearer, TestApp } from './support/test-app';
import { startTestAppWithSecondShop } from './support/second-shop';
import { PublishedTeamWeek, publishTeamWeek, readRoster, shiftOn } from './support/self-service-week';

/**
 * Time off on the day after a night shift: the night runs into the day asked for, so approving the
 * day off frees that night too; otherwise the leave rule would refuse every later change of the week.
 */
describe('time off after a night shift (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let agent: string;
  let me: string;
  let week: PublishedTeamWeek;
  const monday = '2027-03-01';
  const [mon, tue, wed, thu] = ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04'];

  beforeAll(async () => {
    ({ t } = await startTestAppWithSecondShop());
    [manager, agent] = await Promise.all([t.tokenFor('manager'), t.tokenFor('agent')]);
    me = (await t.http().get('/agents/me').set(bearer(agent)).expect(200)).body.id;
    // Every agent on nights (23:00–08:00) from Monday on.
    week = await publishTeamWeek(t, monday, {}, 'N');
    await t
      .http()
      .patch(`/shops/${t.demoShopId}`)
      .set(bearer(manager))
      .send({ settings: { timeOffAllowances: [{ teamId: week.teamId, perDay: 3, maxPerDay: 5 }] } })
      .expect(200);
  }, 180_000);
  afterAll(() => t.close());

  const ask = (token: string, body: Record<string, unknown>) =>
    t
      .http()
      .post('/time-off-requests')
      .set(bearer(token))
      .set('Accept-Language', 'en')
      .send({ kind: 'comp', ...body });

  it('frees the night before a day off with the day itself; the week stays within the rules for later changes', async () => {
    const mate = week.mates.find((m) => m.id !== me && !m.isSupervisor && m.shifts >= 4)!;
    // Contracts with room below: two freed nights against one leave day's credit stay within them.
    for (const id of [me, mate.id]) {
      const contract = (await t.http().get(`/agents/${id}`).set(bearer(manager)).expect(200)).body.contract;
      await t
        .http()
        .patch(`/agents/${id}`)
        .set(bearer(manager))
        .send({ contract: { ...contract, minWeekMinutes: 0 } })
        .expect(200);
    }
    const before = await readRoster(t, manager, week.rosterId);
    expect([mon, tue, wed].map((d) => shiftOn(before, me, d))).toEqual(['N', 'N', 'N']);
    const res = await ask(agent, { startDate: tue, endDate: tue }).expect(201);
    expect(res.body).toMatchObject({ status: 'approved', published: [{ rosterId: week.rosterId, from: 1, to: 2 }] });
    const after = await readRoster(t, manager, week.rosterId);
    // Monday's night ran to 08:00 on Tuesday; Wednesday's starts at 23:00, after the day off.
    expect([mon, tue, wed].map((d) => shiftOn(after, me, d))).toEqual([null, null, 'N']);
    const diff = (await t.http().get(`/rosters/${week.rosterId}/diff?from=1&to=2`).set(bearer(manager)).expect(200))
      .body.changes;
    expect(diff.map((c: { date: string }) => c.date).sort()).toEqual([mon, tue]);
    // Before, Monday's night stayed and every later change of the week was refused under the leave rule.
    const later = await ask(manager, { kind: 'annual', agentId: mate.id, startDate: thu, endDate: thu }).expect(201);
    expect(later.body).toMatchObject({ status: 'approved' });
    const last = await readRoster(t, manager, week.rosterId);
    expect([wed, thu].map((d) => shiftOn(last, mate.id, d))).toEqual([null, null]);
  });
});
