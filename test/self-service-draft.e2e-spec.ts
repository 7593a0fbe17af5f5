import { bearer, startTestApp, TestApp } from './support/test-app';
import { shopMonday } from './support/coming-weeks';
import {
  PublishedTeamWeek,
  publishTeamWeek,
  readRoster,
  shiftOn,
  TeamMate,
  weekDates,
} from './support/self-service-week';

type Warning = { kind: string; agentId: string; date: string; message: string };
type Read = Awaited<ReturnType<typeof readRoster>> & { version: { warnings: Warning[] } };

/**
 * Self-service while the manager edits a draft of the same week: the approval publishes at once
 * (a new published version under the draft), the draft gets the same change, and the manager's
 * later publication keeps it; a change the draft cannot take is published and named on the draft.
 */
describe('self-service beside a pending draft (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let supervisor: string;
  let agent: string;
  let me: string;
  let week: PublishedTeamWeek;
  let partTimer: TeamMate;
  let mateA: TeamMate;
  let mateB: TeamMate;
  const [mon, , wed, thu, fri, sat] = weekDates(shopMonday(3));

  const read = async (version?: number, lang = 'en'): Promise<Read> =>
    (
      await t
        .http()
        .get(`/rosters/${week.rosterId}${version ? `?version=${version}` : ''}`)
        .set(bearer(manager))
        .set('Accept-Language', lang)
        .expect(200)
    ).body;
  const draft = async (changes: Record<string, unknown>[]) => {
    const { revision } = await read();
    await t
      .http()
      .patch(`/rosters/${week.rosterId}`)
      .set(bearer(manager))
      .send({ expectedRevision: revision, changes })
      .expect(200);
  };
  const publish = () => t.http().post(`/rosters/${week.rosterId}/publish`).set(bearer(manager)).send({}).expect(200);
  const settings = (s: Record<string, unknown>) =>
    t.http().patch(`/shops/${t.demoShopId}`).set(bearer(manager)).send({ settings: s }).expect(200);
  const askOff = (body: Record<string, unknown>) =>
    t
      .http()
      .post('/time-off-requests')
      .set(bearer(manager))
      .send({ kind: 'comp', ...body });

  beforeAll(async () => {
    t = await startTestApp();
    [manager, supervisor, agent] = await Promise.all([
      t.tokenFor('manager'),
      t.tokenFor('supervisor'),
      t.tokenFor('agent'),
    ]);
    me = (await t.http().get('/agents/me').set(bearer(agent)).expect(200)).body.id;
    week = await publishTeamWeek(t, mon);
    partTimer = week.mates.find((m) => m.shifts === 3 && m.id !== me)!;
    [mateA, mateB] = week.mates.filter((m) => !m.isSupervisor && m.id !== me && m.shifts === 5);
    // v2: the demo agent and the part-timer keep Wednesday free (room for one more shift each).
    await draft([
      { agentId: me, date: wed, shiftTemplate: null },
      { agentId: partTimer.id, date: wed, shiftTemplate: null },
    ]);
    await publish();
    await settings({ timeOffAllowances: [{ teamId: week.teamId, perDay: 1, maxPerDay: 3 }] });
  }, 180_000);
  afterAll(() => t.close(), 300_000);

  it('approves time off beside a draft: published at once, carried into the draft (warning where it replaced the draft’s shift), kept when the draft is published', async () => {
    // v3 draft: the part-timer's Monday moved to the middle shift, mate A's Friday too.
    await draft([
      { agentId: partTimer.id, date: mon, shiftTemplate: 'M', start: '09:00' },
      { agentId: mateA.id, date: fri, shiftTemplate: 'M', start: '10:00' },
    ]);
    expect((await read()).version).toMatchObject({ version: 3, status: 'draft' });
    const asked = await askOff({ agentId: partTimer.id, startDate: mon, endDate: mon }).expect(201);
    expect(asked.body).toMatchObject({ status: 'approved', published: [{ rosterId: week.rosterId, from: 2, to: 3 }] });
    const published = await read(3);
    expect(published.version).toMatchObject({ version: 3, status: 'published' });
    expect(shiftOn(published, partTimer.id, mon)).toBeNull();
    expect(shiftOn(published, mateA.id, fri)).toBe('E');
    const pending = await read();
    expect(pending.version).toMatchObject({ version: 4, status: 'draft' });
    expect(shiftOn(pending, partTimer.id, mon)).toBeNull();
    expect(shiftOn(pending, mateA.id, fri)).toBe('M');
    expect(pending.version.warnings).toEqual([
      expect.objectContaining({ kind: 'replaced', agentId: partTimer.id, date: mon }),
    ]);
    expect(pending.version.warnings[0].message).toContain(partTimer.name);
    expect(pending.version.warnings[0].message).toContain('replaced this draft’s shift');
    const zh = await read(undefined, 'zh');
    expect(zh.version.warnings[0].message).toContain('替换了本草稿中的');
    // The week's one truth is the new published version meanwhile.
    const mine = await t.http().get(`/me/shifts?from=${mon}&to=${fri}`).set(bearer(agent)).expect(200);
    expect(mine.body.items.map((s: { version: number }) => s.version)).toEqual([3, 3]);
    await publish();
    const kept = await read();
    expect(kept.version).toMatchObject({ version: 4, status: 'published' });
    expect(shiftOn(kept, partTimer.id, mon)).toBeNull();
    expect(shiftOn(kept, mateA.id, fri)).toBe('M');
  });

  it('approves a shift swap beside a draft: in the published version and in the draft, kept when the draft is published', async () => {
    // Published first: mate B works Saturday instead of Thursday, so A's Thursday and B's Saturday can trade.
    await draft([
      { agentId: mateB.id, date: thu, shiftTemplate: null },
      { agentId: mateB.id, date: sat, shiftTemplate: 'E' },
    ]);
    await publish();
    // v6 draft: the demo agent's Monday moved to the middle shift.
    await draft([{ agentId: me, date: mon, shiftTemplate: 'M', start: '09:00' }]);
    const offered = await t
      .http()
      .post('/shift-swaps')
      .set(bearer(manager))
      .send({ agentId: mateA.id, date: thu })
      .expect(201);
    const taken = await t
      .http()
      .post(`/shift-swaps/${offered.body.id}/accept`)
      .set(bearer(manager))
      .send({ agentId: mateB.id, returnDate: sat })
      .expect(200);
    expect(taken.body.status).toBe('pending');
    const decided = await t
      .http()
      .post(`/shift-swaps/${offered.body.id}/decision`)
      .set(bearer(supervisor))
      .send({ decision: 'approved' })
      .expect(200);
    expect(decided.body.published).toEqual([{ rosterId: week.rosterId, from: 5, to: 6 }]);
    const days = (r: Read) => [
      shiftOn(r, mateA.id, thu),
      shiftOn(r, mateA.id, sat),
      shiftOn(r, mateB.id, thu),
      shiftOn(r, mateB.id, sat),
      shiftOn(r, me, mon),
    ];
    const published = await read(6);
    expect(published.version.status).toBe('published');
    expect(days(published)).toEqual([null, 'E', 'E', null, 'E']);
    const pending = await read();
    expect(pending.version).toMatchObject({ version: 7, status: 'draft', warnings: [] });
    expect(days(pending)).toEqual([null, 'E', 'E', null, 'M']);
    const diff = (await t.http().get(`/rosters/${week.rosterId}/diff?from=5&to=6`).set(bearer(manager)).expect(200))
      .body.changes;
    expect(diff).toHaveLength(4);
    await publish();
    const kept = await read();
    expect(kept.version).toMatchObject({ version: 7, status: 'published' });
    expect(days(kept)).toEqual([null, 'E', 'E', null, 'M']);
  });

  it('gives an open shift beside a draft that cannot take it: published, left out of the draft with a warning naming agent, day and rule', async () => {
    // The draft puts the part-timer on Wednesday's late shift (to 23:00): Thursday's early would leave 9 h of rest.
    await draft([{ agentId: partTimer.id, date: wed, shiftTemplate: 'L' }]);
    const [open] = (
      await t
        .http()
        .post('/open-shifts')
        .set(bearer(manager))
        .send({ rosterId: week.rosterId, shiftTemplate: 'E', date: thu, policy: 'first' })
        .expect(201)
    ).body.items;
    const taken = await t
      .http()
      .post(`/open-shifts/${open.id}/volunteer`)
      .set(bearer(manager))
      .send({ agentId: partTimer.id })
      .expect(200);
    expect(taken.body).toMatchObject({ status: 'filled', assignedAgentId: partTimer.id });
    const published = await read(8);
    expect(published.version.status).toBe('published');
    expect(shiftOn(published, partTimer.id, thu)).toBe('E');
    expect(shiftOn(published, partTimer.id, wed)).toBeNull();
    const pending = await read();
    expect(pending.version).toMatchObject({ version: 9, status: 'draft' });
    expect(shiftOn(pending, partTimer.id, thu)).toBeNull();
    expect(shiftOn(pending, partTimer.id, wed)).toBe('L');
    const [warning] = pending.version.warnings;
    expect(warning).toMatchObject({ kind: 'not-carried', agentId: partTimer.id, date: thu });
    expect(warning.message).toContain(partTimer.name);
    expect(warning.message).toContain(thu);
    expect(warning.message).toContain('not carried into this draft');
    expect((await read(undefined, 'zh')).version.warnings[0].message).toContain('未并入本草稿');
    // The manager who made the draft is told in the feed.
    const feed = (await t.http().get('/me/notifications').set(bearer(manager)).set('Accept-Language', 'en').expect(200))
      .body.items as { subjectId: string; text: string }[];
    expect(
      feed.find((n) => n.subjectId === week.rosterId && n.text.includes('not carried into this draft'))?.text,
    ).toContain(`Your draft of the week of ${mon} (now version 9) has 1 warning(s)`);
  });

  it('gives one winner of two supervisors approving at once beside a draft, and the draft the change', async () => {
    await settings({ timeOffAllowances: [{ teamId: week.teamId, perDay: 0 }] });
    const asked = await askOff({ agentId: mateB.id, startDate: fri, endDate: fri }).expect(201);
    expect(asked.body.status).toBe('pending');
    const decide = (token: string) =>
      t.http().post(`/time-off-requests/${asked.body.id}/decision`).set(bearer(token)).send({ decision: 'approved' });
    const answers = await Promise.all([decide(supervisor), decide(manager)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.code).toBe('self-service.decided');
    const pending = await read();
    expect(pending.version).toMatchObject({ version: 10, status: 'draft' });
    expect(shiftOn(pending, mateB.id, fri)).toBeNull();
    expect(shiftOn(await read(9), mateB.id, fri)).toBeNull();
  });

  it('gives an open shift beside a draft that can take it: published, in the draft, kept when the draft is published', async () => {
    const [open] = (
      await t
        .http()
        .post('/open-shifts')
        .set(bearer(manager))
        .send({ rosterId: week.rosterId, shiftTemplate: 'E', date: wed, policy: 'first' })
        .expect(201)
    ).body.items;
    const taken = await t.http().post(`/open-shifts/${open.id}/volunteer`).set(bearer(agent)).send({}).expect(200);
    expect(taken.body).toMatchObject({
      status: 'filled',
      assignedAgentId: me,
      published: [{ rosterId: week.rosterId, from: 9, to: 10 }],
    });
    expect(shiftOn(await read(10), me, wed)).toBe('E');
    const pending = await read();
    expect(pending.version).toMatchObject({ version: 11, status: 'draft' });
    expect(shiftOn(pending, me, wed)).toBe('E');
    expect(pending.version.warnings.filter((w) => w.agentId === me)).toEqual([]);
    await publish();
    const kept = await read();
    expect(kept.version).toMatchObject({ version: 11, status: 'published' });
    expect(shiftOn(kept, me, wed)).toBe('E');
  });
});
