import { Db } from 'src/platform/db/db';
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

/** Shift swaps from an agent's offer to the published roster: take, trade back, rules, supervisor, one winner. */
describe('shift swaps (e2e)', () => {
  let t: TestApp;
  let other: SecondShop;
  let manager: string;
  let supervisor: string;
  let agent: string;
  let me: string;
  let week: PublishedTeamWeek;
  let mate: TeamMate;
  let partTimer: TeamMate;
  const tokens = new Map<string, string>();
  const [mon, tue, , thu, , sat, sun] = weekDates(shopMonday(3));

  const roster = () => readRoster(t, manager, week.rosterId);
  const offer = (token: string, body: Record<string, unknown>) =>
    t.http().post('/shift-swaps').set(bearer(token)).send(body);
  const accept = (token: string, id: string, body: Record<string, unknown> = {}) =>
    t.http().post(`/shift-swaps/${id}/accept`).set(bearer(token)).send(body);
  const decide = (token: string, id: string, decision: string, note?: string) =>
    t.http().post(`/shift-swaps/${id}/decision`).set(bearer(token)).send({ decision, note });
  const feed = async (token: string) =>
    (await t.http().get('/me/notifications').set(bearer(token)).set('Accept-Language', 'zh').expect(200)).body
      .items as { kind: string; subjectId: string; text: string }[];

  /** A login for a team mate (the demo has one agent login). */
  const loginFor = async (m: TeamMate) => {
    await t
      .http()
      .post('/users')
      .set(bearer(manager))
      .send({
        username: `swap-${m.employeeNo}`,
        displayName: m.name,
        password: `pass-${m.employeeNo}`,
        role: 'agent',
        agentId: m.id,
      })
      .expect(201);
    tokens.set(m.id, await t.tokenFor(`swap-${m.employeeNo}`, `pass-${m.employeeNo}`));
    return tokens.get(m.id)!;
  };

  beforeAll(async () => {
    ({ t, other } = await startTestAppWithSecondShop({ secondShop: 'swaps-other' }));
    [manager, supervisor, agent] = await Promise.all([
      t.tokenFor('manager'),
      t.tokenFor('supervisor'),
      t.tokenFor('agent'),
    ]);
    me = (await t.http().get('/agents/me').set(bearer(agent)).expect(200)).body.id;
    week = await publishTeamWeek(t, mon);
    // The mate works Saturday instead of Monday (v2), so a trade Monday ↔ Saturday keeps both their days;
    // the demo agent's Tuesday is worked with the pre-sales skill named.
    mate = week.mates.find((m) => !m.isSupervisor && m.id !== me && m.shifts === 5)!;
    partTimer = week.mates.find((m) => m.shifts === 3 && m.id !== me)!;
    const v1 = await roster();
    await t
      .http()
      .patch(`/rosters/${week.rosterId}`)
      .set(bearer(manager))
      .send({
        expectedRevision: v1.revision,
        changes: [
          { agentId: mate.id, date: mon, shiftTemplate: null },
          { agentId: mate.id, date: sat, shiftTemplate: 'E' },
          { agentId: me, date: tue, shiftTemplate: 'E', skill: 'pre_sales' },
        ],
      })
      .expect(200);
    await t.http().post(`/rosters/${week.rosterId}/publish`).set(bearer(manager)).send({}).expect(200);
    await loginFor(mate);
    await loginFor(partTimer);
  }, 180_000);
  afterAll(() => t.close(), 300_000);

  it('starts from a week where the demo agent works three days (part-time) and the mate five', () => {
    expect(week.mates.find((m) => m.id === me)!.shifts).toBe(3);
    expect(mate.shifts).toBe(5);
  });

  it('offers a shift to the team, a mate trades one back, the supervisor approves: a new version with the swap in its diff', async () => {
    const offered = await offer(agent, { date: mon, reason: '周一要去医院复查' }).expect(201);
    expect(offered.body).toMatchObject({ offererId: me, offerDate: mon, status: 'open', toAgentId: null });
    const open = (
      await t
        .http()
        .get('/shift-swaps?status=open')
        .set(bearer(tokens.get(mate.id)!))
        .expect(200)
    ).body.items;
    expect(open.map((s: { id: string }) => s.id)).toContain(offered.body.id);
    expect((await feed(tokens.get(mate.id)!)).find((n) => n.subjectId === offered.body.id)).toMatchObject({
      kind: 'swap-offered',
    });

    const taken = await accept(tokens.get(mate.id)!, offered.body.id, { returnDate: sat }).expect(200);
    expect(taken.body).toMatchObject({
      status: 'pending',
      takerId: mate.id,
      returnDate: sat,
      autoApproved: false,
      published: [],
    });
    const inbox = (await t.http().get('/shift-swaps?status=pending').set(bearer(supervisor)).expect(200)).body.items;
    expect(inbox.map((s: { id: string }) => s.id)).toContain(offered.body.id);
    expect((await feed(supervisor)).find((n) => n.subjectId === offered.body.id)).toMatchObject({
      kind: 'request-waiting',
    });

    const approved = await decide(supervisor, offered.body.id, 'approved', '注意交接').expect(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      note: '注意交接',
      published: [{ rosterId: week.rosterId, from: 2, to: 3 }],
    });
    const after = await roster();
    expect(after.version).toMatchObject({ version: 3, status: 'published' });
    expect([
      shiftOn(after, me, mon),
      shiftOn(after, mate.id, mon),
      shiftOn(after, me, sat),
      shiftOn(after, mate.id, sat),
    ]).toEqual([null, 'E', 'E', null]);
    const diff = (await t.http().get(`/rosters/${week.rosterId}/diff?from=2&to=3`).set(bearer(manager)).expect(200))
      .body.changes;
    expect(diff.map((c: { agentId: string; date: string }) => `${c.agentId}/${c.date}`).sort()).toEqual(
      [`${mate.id}/${mon}`, `${mate.id}/${sat}`, `${me}/${mon}`, `${me}/${sat}`].sort(),
    );
    for (const token of [agent, tokens.get(mate.id)!])
      expect(
        (await feed(token)).find((n) => n.subjectId === offered.body.id && n.kind === 'request-decided')?.text,
      ).toContain('已批准');
    const audit = (await t.http().get(`/self-service/audit?rosterId=${week.rosterId}`).set(bearer(manager)).expect(200))
      .body.items;
    expect(
      audit
        .filter((e: { subjectId: string }) => e.subjectId === offered.body.id)
        .map((e: { action: string }) => e.action),
    ).toEqual(['offered', 'countered', 'approved']);
  });

  it('of two supervisors deciding at once one wins and the other gets 409', async () => {
    const offered = await offer(agent, { date: sat, toAgentId: mate.id }).expect(201);
    await accept(tokens.get(mate.id)!, offered.body.id, { returnDate: mon }).expect(200);
    const answers = await Promise.all([
      decide(supervisor, offered.body.id, 'approved'),
      decide(manager, offered.body.id, 'rejected'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.code).toBe('self-service.decided');
    const winner = answers.find((a) => a.status === 200)!.body;
    expect(shiftOn(await roster(), me, sat)).toBe(winner.status === 'approved' ? null : 'E');
  });

  it('approves at once where the shop allows it and cover per skill does not drop', async () => {
    await t
      .http()
      .patch(`/shops/${t.demoShopId}`)
      .set(bearer(manager))
      .send({ settings: { shiftSwapAutoApprove: { teamIds: [week.teamId] } } })
      .expect(200);
    const now = await roster();
    const [worksSat, worksMon] = shiftOn(now, me, sat) ? [agent, tokens.get(mate.id)!] : [tokens.get(mate.id)!, agent];
    const offered = await offer(worksSat, { date: sat }).expect(201);
    const taken = await accept(worksMon, offered.body.id, { returnDate: mon }).expect(200);
    expect(taken.body).toMatchObject({ status: 'approved', autoApproved: true });
    expect((await roster()).version.version).toBe(now.version.version + 1);
  });

  it('refuses a swap that breaks a hard rule or leaves someone two shifts a day, naming them', async () => {
    const mine = tokens.get(mate.id)!;
    const offered = await offer(mine, { date: thu }).expect(201);
    // Both sides are checked: the part-timer would work beyond their contract, the mate below theirs.
    const tooMuch = await accept(tokens.get(partTimer.id)!, offered.body.id).set('Accept-Language', 'zh').expect(409);
    expect(tooMuch.body.code).toBe('self-service.rules-broken');
    expect(tooMuch.body.detail).toContain('合同最多工时');
    expect(tooMuch.body.detail).toContain(partTimer.name);
    expect(tooMuch.body.detail).toContain(mate.name);
    const chief = week.mates.find((m) => m.isSupervisor)!;
    const busy = await accept(manager, offered.body.id, { agentId: chief.id }).set('Accept-Language', 'en').expect(409);
    expect(busy.body.code).toBe('self-service.already-works');
    expect(busy.body.detail).toContain(chief.name);
    expect(shiftOn(await roster(), mate.id, thu)).toBe('E');
    await offer(mine, { date: thu })
      .expect(409)
      .then((r) => expect(r.body.code).toBe('shift-swap.already-offered'));
    await t
      .http()
      .delete(`/shift-swaps/${offered.body.id}`)
      .set(bearer(agent))
      .expect(409)
      .then((r) => expect(r.body.code).toBe('shift-swap.not-yours'));
    await t
      .http()
      .delete(`/shift-swaps/${offered.body.id}`)
      .set(bearer(mine))
      .expect(200)
      .then((r) => expect(r.body.status).toBe('cancelled'));
    await accept(agent, offered.body.id)
      .expect(409)
      .then((r) => expect(r.body.code).toBe('self-service.decided'));
  });

  it('refuses past days, unpublished weeks, another team and a skill the colleague lacks, with names', async () => {
    const past = await offer(agent, { date: shopMonday(-1) })
      .set('Accept-Language', 'en')
      .expect(400);
    expect(past.body).toMatchObject({
      code: 'self-service.past-day',
      errors: [expect.objectContaining({ field: 'date' })],
    });
    const unpublished = await offer(agent, { date: addDays(mon, 9 * 7 + 1) })
      .set('Accept-Language', 'en')
      .expect(409);
    expect(unpublished.body.code).toBe('self-service.unpublished-week');
    const sql = t.app.get(Db).client;
    const [stranger] = await sql<
      { id: string; name: string }[]
    >`select a.id, a.name from agents a join teams t on t.id = a.team_id where t.name = '售前二组' and a.active limit 1`;
    const otherTeam = await offer(agent, { date: tue, toAgentId: stranger.id })
      .set('Accept-Language', 'zh')
      .expect(409);
    expect(otherTeam.body.code).toBe('self-service.other-team');
    expect(otherTeam.body.detail).toContain('售前一组');
    expect(otherTeam.body.detail).toContain(stranger.name);
    const newcomer = await t
      .http()
      .post('/agents')
      .set(bearer(manager))
      .send({
        employeeNo: 'SW001',
        name: '周新',
        teamId: week.teamId,
        roleGroup: 'after_sales',
        hireDate: addDays(mon, -7),
        contract: { minWeekMinutes: 0, maxWeekMinutes: 2880, maxDaysPerWeek: 5, minRestHours: 11 },
        skills: [{ skill: 'after_sales', proficiency: 3 }],
      })
      .expect(201);
    const lacking = await offer(agent, { date: tue, toAgentId: newcomer.body.id })
      .set('Accept-Language', 'zh')
      .expect(409);
    expect(lacking.body.code).toBe('self-service.skill-lacking');
    expect(lacking.body.detail).toContain('周新');
    expect(lacking.body.detail).toContain('售前咨询');
    const noShift = await offer(agent, { date: sun }).set('Accept-Language', 'en').expect(409);
    expect(noShift.body.code).toBe('self-service.no-shift');
  });

  it('lets the named colleague decline, and tells the offerer', async () => {
    const offered = await offer(agent, { date: tue, toAgentId: partTimer.id }).expect(201);
    await accept(tokens.get(mate.id)!, offered.body.id)
      .expect(409)
      .then((r) => expect(r.body.code).toBe('shift-swap.not-for-you'));
    await t
      .http()
      .post(`/shift-swaps/${offered.body.id}/decline`)
      .set(bearer(tokens.get(partTimer.id)!))
      .expect(200)
      .then((r) => expect(r.body.status).toBe('declined'));
    expect((await feed(agent)).find((n) => n.subjectId === offered.body.id)?.text).toContain('已被拒绝');
  });

  it('keeps roles and shops apart', async () => {
    await offer(await t.tokenFor('qc'), { date: tue }).expect(403);
    await t
      .http()
      .get('/shift-swaps')
      .set(bearer(await t.tokenFor('trainer')))
      .expect(403);
    const offered = await offer(agent, { date: tue }).expect(201);
    await decide(agent, offered.body.id, 'approved').expect(403);
    await decide(other.managerToken, offered.body.id, 'approved').expect(404);
    await accept(other.agentToken, offered.body.id).expect(404);
    await t.http().delete(`/shift-swaps/${offered.body.id}`).set(bearer(other.agentToken)).expect(404);
    await offer(manager, { agentId: other.agentId, date: tue }).expect(404);
    expect((await t.http().get('/shift-swaps').set(bearer(other.managerToken)).expect(200)).body.total).toBe(0);
    const seen = (
      await t
        .http()
        .get('/shift-swaps')
        .set(bearer(tokens.get(partTimer.id)!))
        .expect(200)
    ).body.items;
    expect(
      seen.every(
        (s: { offererId: string; takerId: string | null; toAgentId: string | null; status: string }) =>
          [s.offererId, s.takerId, s.toAgentId].includes(partTimer.id) || (s.status === 'open' && s.toAgentId === null),
      ),
    ).toBe(true);
  });
});
