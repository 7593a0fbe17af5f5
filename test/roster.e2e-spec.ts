import { JobQueue } from 'src/platform/jobs/job-queue';
import { RosterReading } from 'src/modules/roster/roster-reading.service';
import { afterSolveReserveMs } from 'src/modules/roster/roster-solve-budget';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { bearer, TestApp } from './support/test-app';
import { approvedLeave } from './support/approved-leave';

type Shift = {
  code: string;
  start: { utc: string; local: string };
  end: { utc: string; local: string };
  breaks: { name: string; minutes: number }[];
} | null;
type AgentRow = {
  agentId: string;
  teamId: string;
  days: { date: string; shift: Shift; absence: 'leave' | 'day-off' | null }[];
};

const WEEK = '2026-11-30';
const LEAVE_DAY = '2026-12-02';
const SUNDAY = '2026-12-06';

describe('rosters (e2e)', () => {
  let t: TestApp;
  let other: SecondShop;
  let manager: string;
  let supervisor: string;
  let agent: string;
  let agentId: string;
  let teamId: string;
  let otherTeamId: string;

  const generate = async (token: string, body: Record<string, unknown>) => {
    const res = await t.http().post('/rosters').set(bearer(token)).send(body).expect(202);
    await t.app.get(JobQueue).settled(res.body.jobId, 60_000);
    const job = await t.http().get(`/jobs/${res.body.jobId}`).set(bearer(token)).expect(200);
    expect(job.body).toMatchObject({
      status: 'completed',
      progress: 100,
      result: { rosterId: res.body.rosterId, version: 1 },
    });
    // The limit counts from the request (a job that waited longer still searches a quarter of it);
    // the solver's deadline leaves room to store the roster within it.
    const { requestedAt, solveBy, endsAt } = job.body.result as Record<string, string>;
    const limitMs = ((body.timeLimitSeconds as number | undefined) ?? 30) * 1000;
    expect(Date.parse(endsAt) - Date.parse(requestedAt)).toBeGreaterThanOrEqual(limitMs);
    expect(Date.parse(endsAt) - Date.parse(solveBy)).toBe(
      afterSolveReserveMs((await read(res.body.rosterId, token)).agents.length * 7, limitMs),
    );
    return res.body.rosterId as string;
  };
  const read = async (id: string, token = manager, query = '') =>
    (await t.http().get(`/rosters/${id}${query}`).set(bearer(token)).expect(200)).body;
  const dayOf = (roster: { agents: AgentRow[] }, who: string, date: string) =>
    roster.agents.find((a) => a.agentId === who)!.days.find((d) => d.date === date)!.shift;

  beforeAll(async () => {
    ({ t, manager, other } = await startTestAppWithSecondShop());
    supervisor = await t.tokenFor('supervisor');
    agent = await t.tokenFor('agent');
    const me = (await t.http().get('/agents/me').set(bearer(agent)).expect(200)).body;
    agentId = me.id;
    teamId = me.teamId;
    const teams = (await t.http().get('/teams').set(bearer(manager)).expect(200)).body.items as { id: string }[];
    otherTeamId = teams.find((x) => x.id !== teamId)!.id;
    await approvedLeave(t, manager, { agentId, startDate: LEAVE_DAY, endDate: LEAVE_DAY });
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('keeps shift templates per shop, starting from the demo set', async () => {
    const list = (await t.http().get('/shift-templates').set(bearer(manager)).expect(200)).body;
    expect(list.map((x: { code: string }) => x.code).sort()).toEqual(['E', 'L', 'M', 'N']);
    expect(list.find((x: { code: string }) => x.code === 'M').startWindow).toEqual({
      earliest: '09:00',
      latest: '12:00',
    });
    const body = { code: 'X', name: '短班', start: '10:00', lengthMinutes: 300, colour: '#123456' };
    const created = await t.http().post('/shift-templates').set(bearer(manager)).send(body).expect(201);
    expect(created.body).toMatchObject({ code: 'X', start: '10:00', end: '15:00', late: false, archived: false });
    await t.http().post('/shift-templates').set(bearer(manager)).send(body).expect(409);
    const both = await t
      .http()
      .post('/shift-templates')
      .set(bearer(manager))
      .send({ ...body, code: 'Y', startWindow: { earliest: '09:00', latest: '10:00' } })
      .expect(400);
    expect(both.body.errors[0].field).toBe('start');
    const badBreak = {
      ...body,
      code: 'Z',
      breaks: [{ name: 'meal', minutes: 60, earliestStartAfterMinutes: 240, latestStartAfterMinutes: 280 }],
    };
    expect(
      (await t.http().post('/shift-templates').set(bearer(manager)).send(badBreak).expect(400)).body.errors[0].field,
    ).toBe('breaks');
    const renamed = await t
      .http()
      .patch(`/shift-templates/${created.body.id}`)
      .set(bearer(manager))
      .send({ name: '短班B', late: true })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: '短班B', late: true, start: '10:00', colour: '#123456' });
    const windowed = await t
      .http()
      .patch(`/shift-templates/${created.body.id}`)
      .set(bearer(manager))
      .send({ startWindow: { earliest: '10:00', latest: '11:00' } })
      .expect(200);
    expect(windowed.body).toMatchObject({
      start: null,
      end: null,
      startWindow: { earliest: '10:00', latest: '11:00' },
      late: true,
      colour: '#123456',
      name: '短班B',
    });
    expect(
      (await t.http().delete(`/shift-templates/${created.body.id}`).set(bearer(manager)).expect(200)).body.archived,
    ).toBe(true);
    expect(
      (await t.http().get('/shift-templates').set(bearer(manager)).expect(200)).body.map(
        (x: { code: string }) => x.code,
      ),
    ).not.toContain('X');
    expect(
      (await t.http().get('/shift-templates?archived=true').set(bearer(manager)).expect(200)).body.map(
        (x: { code: string }) => x.code,
      ),
    ).toContain('X');
    await t.http().get('/shift-templates').set(bearer(supervisor)).expect(200);
    await t
      .http()
      .post('/shift-templates')
      .set(bearer(supervisor))
      .send({ ...body, code: 'S' })
      .expect(403);
    await t.http().get('/shift-templates').set(bearer(agent)).expect(403);
    await t.http().get(`/shift-templates/${created.body.id}`).set(bearer(other.managerToken)).expect(404);
    await t
      .http()
      .patch(`/shift-templates/${created.body.id}`)
      .set(bearer(other.managerToken))
      .send({ name: 'mine' })
      .expect(404);
  });

  it('generates, refuses a rule-breaking edit, saves a valid one, versions on publish and diffs', async () => {
    const id = await generate(manager, {
      weekStart: WEEK,
      teamIds: [teamId],
      timeLimitSeconds: 3,
      demand: 'day-cover',
      dayCover: [
        { shiftTemplate: 'E', required: 4 },
        { shiftTemplate: 'L', required: 3 },
        { shiftTemplate: 'M', required: 2, weekdays: [6, 7] },
      ],
    });
    const v1 = await read(id);
    expect(v1).toMatchObject({
      status: 'completed',
      weekStart: WEEK,
      timeZone: 'Asia/Shanghai',
      version: { version: 1, status: 'draft' },
      violations: [],
    });
    expect(v1.agents).toHaveLength(15);
    expect(v1.agents.every((a: AgentRow) => a.teamId === teamId && a.days.length === 7)).toBe(true);
    expect(v1.days.map((d: { hours: number }) => d.hours)).toEqual([24, 24, 24, 24, 24, 24, 24]);
    expect(Object.keys(v1.objective.terms).sort()).toEqual([
      'lateFairness',
      'overCover',
      'requests',
      'underCover',
      'weekendFairness',
    ]);
    expect(v1.dayCoverage).toHaveLength(7 * 2 + 2);
    expect(
      v1.dayCoverage.every(
        (c: { gap: number; required: number; scheduled: number }) => c.gap === c.scheduled - c.required,
      ),
    ).toBe(true);
    expect(dayOf(v1, agentId, LEAVE_DAY)).toBeNull();
    const days = (v1.agents as AgentRow[]).find((a) => a.agentId === agentId)!.days;
    expect(days.find((d) => d.date === LEAVE_DAY)!.absence).toBe('leave');
    expect(days.every((d) => (d.shift ? d.absence === null : d.absence === 'leave' || d.absence === 'day-off'))).toBe(
      true,
    );
    const early = v1.agents
      .flatMap((a: AgentRow) => a.days.map((d) => d.shift))
      .find((s: Shift) => s?.code === 'E') as NonNullable<Shift>;
    expect(early.start.local).toMatch(/T08:00:00\+08:00$/);
    expect(new Date(early.end.utc).getTime() - new Date(early.start.utc).getTime()).toBe(540 * 60_000);
    expect(early.breaks.map((b) => b.name)).toEqual(expect.arrayContaining(['meal']));

    const refused = await t
      .http()
      .patch(`/rosters/${id}`)
      .set(bearer(manager))
      .send({ expectedRevision: v1.revision, changes: [{ agentId, date: LEAVE_DAY, shiftTemplate: 'E' }] })
      .expect(400);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    // Leave is broken for sure; the rest owed to a neighbouring day's shift may be too.
    const me = (v1.agents as (AgentRow & { name: string; employeeNo: string })[]).find((a) => a.agentId === agentId)!;
    expect(refused.body.errors).toContainEqual({
      field: 'changes.0',
      code: 'leave',
      message: `${me.name}（${me.employeeNo}），${LEAVE_DAY} 早班 08:00–17:00：当天已批准休假`,
      in: 'body',
    });
    expect(refused.body.violations).toContainEqual(
      expect.objectContaining({ rule: 'leave', agentIds: [agentId], dates: [LEAVE_DAY] }),
    );
    expect(refused.body).toMatchObject({
      code: 'roster.edit-breaks-rules',
      detail: expect.stringMatching(/^该修改违反 \d+ 条规则：.*当天已批准休假.*；未保存任何内容$/),
    });
    const unchanged = await read(id);
    expect(unchanged.revision).toBe(v1.revision);
    expect(dayOf(unchanged, agentId, LEAVE_DAY)).toBeNull();

    // Moving a Sunday shift later keeps every rule (more rest before it, none owed after the week).
    const target = v1.agents.find((a: AgentRow) => ['E', 'M'].includes(a.days[6].shift?.code ?? '')) as AgentRow;
    const was = target.days[6].shift!.code;
    const edited = (
      await t
        .http()
        .patch(`/rosters/${id}`)
        .set(bearer(manager))
        .send({
          expectedRevision: v1.revision,
          changes: [{ agentId: target.agentId, date: SUNDAY, shiftTemplate: 'L' }],
        })
        .expect(200)
    ).body;
    expect(edited.revision).toBe(v1.revision + 1);
    expect(edited.version).toMatchObject({ version: 1, status: 'draft' });
    expect(dayOf(edited, target.agentId, SUNDAY)).toMatchObject({
      code: 'L',
      start: { local: `${SUNDAY}T14:00:00+08:00` },
    });
    const stale = await t
      .http()
      .patch(`/rosters/${id}`)
      .set(bearer(manager))
      .send({ expectedRevision: v1.revision, changes: [{ agentId: target.agentId, date: SUNDAY, shiftTemplate: was }] })
      .expect(409);
    expect(stale.body.currentRevision).toBe(edited.revision);

    expect(
      (await t.http().get(`/me/shifts?from=${WEEK}&to=${SUNDAY}`).set(bearer(agent)).expect(200)).body.items,
    ).toEqual([]);
    const published = (
      await t
        .http()
        .post(`/rosters/${id}/publish`)
        .set(bearer(manager))
        .send({ expectedRevision: edited.revision })
        .expect(200)
    ).body;
    expect(published.version).toMatchObject({ version: 1, status: 'published' });
    await t.http().post(`/rosters/${id}/publish`).set(bearer(manager)).send({}).expect(409);
    const mine = (await t.http().get(`/me/shifts?from=${WEEK}&to=${SUNDAY}`).set(bearer(agent)).expect(200)).body;
    const expected = edited.agents
      .find((a: AgentRow) => a.agentId === agentId)
      .days.filter((d: { shift: Shift }) => d.shift)
      .map((d: { date: string }) => d.date);
    expect(mine.agentId).toBe(agentId);
    expect(mine.items.map((s: { date: string }) => s.date)).toEqual(expected);
    expect(mine.items.map((s: { date: string }) => s.date)).not.toContain(LEAVE_DAY);

    const v2 = (
      await t
        .http()
        .patch(`/rosters/${id}`)
        .set(bearer(manager))
        .send({
          expectedRevision: published.revision,
          changes: [{ agentId: target.agentId, date: SUNDAY, shiftTemplate: was }],
        })
        .expect(200)
    ).body;
    expect(v2.version).toMatchObject({ version: 2, status: 'draft' });
    expect(v2.versions.map((v: { status: string }) => v.status)).toEqual(['published', 'draft']);
    expect(dayOf(await read(id, manager, '?version=1'), target.agentId, SUNDAY)!.code).toBe('L');
    const diff = (await t.http().get(`/rosters/${id}/diff?from=1&to=2`).set(bearer(manager)).expect(200)).body;
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({
      agentId: target.agentId,
      date: SUNDAY,
      change: 'changed',
      from: { code: 'L' },
      to: { code: was },
    });
    await t.http().get(`/rosters/${id}/diff?from=1&to=3`).set(bearer(manager)).expect(404);
    expect(
      (await t.http().get(`/me/shifts?from=${WEEK}&to=${SUNDAY}`).set(bearer(agent)).expect(200)).body.items,
    ).toEqual(mine.items);
    // A published roster keeps the zone it was planned in: moving the shop to another zone later moves no shift.
    const zone = (await t.http().get(`/shops/${t.demoShopId}`).set(bearer(manager)).expect(200)).body.timeZone;
    await t.http().patch(`/shops/${t.demoShopId}`).set(bearer(manager)).send({ timeZone: 'Europe/Berlin' }).expect(200);
    expect(
      (await t.http().get(`/me/shifts?from=${WEEK}&to=${SUNDAY}`).set(bearer(agent)).expect(200)).body.items,
    ).toEqual(mine.items);
    await t.http().patch(`/shops/${t.demoShopId}`).set(bearer(manager)).send({ timeZone: zone }).expect(200);
    await t.http().get(`/me/shifts?from=${WEEK}&to=${SUNDAY}`).set(bearer(manager)).expect(403);
    const listed = (await t.http().get(`/rosters?week=${WEEK}`).set(bearer(manager)).expect(200)).body;
    expect(listed.items.map((r: { id: string }) => r.id)).toContain(id);
    expect(listed.items.find((r: { id: string }) => r.id === id).latestVersion).toMatchObject({
      version: 2,
      status: 'draft',
    });

    // Access: supervisors read their team's roster only; agents and other roles are refused; another shop sees nothing.
    expect(
      (await t.http().get(`/rosters?week=${WEEK}`).set(bearer(supervisor)).expect(200)).body.items.map(
        (r: { id: string }) => r.id,
      ),
    ).toEqual([id]);
    const seen = await read(id, supervisor);
    expect(seen.agents.every((a: AgentRow) => a.teamId === teamId)).toBe(true);
    await t
      .http()
      .patch(`/rosters/${id}`)
      .set(bearer(supervisor))
      .send({ expectedRevision: v2.revision, changes: [{ agentId, date: SUNDAY, shiftTemplate: null }] })
      .expect(403);
    await t.http().post(`/rosters/${id}/publish`).set(bearer(supervisor)).send({}).expect(403);
    await t.http().get(`/rosters/${id}`).set(bearer(agent)).expect(403);
    await t.http().get('/rosters').set(bearer(agent)).expect(403);
    await t
      .http()
      .post('/rosters')
      .set(bearer(await t.tokenFor('hr')))
      .send({ weekStart: WEEK, demand: 'day-cover', dayCover: [{ shiftTemplate: 'E', required: 1 }] })
      .expect(403);
    await t
      .http()
      .get(`/me/shifts?from=${WEEK}&to=${SUNDAY}`)
      .set(bearer(await t.tokenFor('hr')))
      .expect(403);
    await t.http().get(`/rosters/${id}`).set(bearer(other.managerToken)).expect(404);
    await t.http().get(`/rosters/${id}/diff?from=1&to=2`).set(bearer(other.managerToken)).expect(404);
    await t
      .http()
      .patch(`/rosters/${id}`)
      .set(bearer(other.managerToken))
      .send({ expectedRevision: v2.revision, changes: [{ agentId, date: SUNDAY, shiftTemplate: null }] })
      .expect(404);
    await t.http().post(`/rosters/${id}/publish`).set(bearer(other.managerToken)).send({}).expect(404);
    await t
      .http()
      .post('/rosters')
      .set(bearer(other.managerToken))
      .send({
        weekStart: WEEK,
        teamIds: [teamId],
        demand: 'day-cover',
        dayCover: [{ shiftTemplate: 'E', required: 1 }],
      })
      .expect(404);
    expect(
      (await t.http().get(`/me/shifts?from=${WEEK}&to=${SUNDAY}`).set(bearer(other.agentToken)).expect(200)).body.items,
    ).toEqual([]);
  });

  it("hides another team's roster from a supervisor and refuses bad requests", async () => {
    // The solver runs on its own thread: while it searches, the API still answers at once.
    const started = await t
      .http()
      .post('/rosters')
      .set(bearer(manager))
      .send({
        weekStart: '2026-12-07',
        teamIds: [otherTeamId],
        timeLimitSeconds: 3,
        demand: 'day-cover',
        dayCover: [{ shiftTemplate: 'E', required: 2 }],
      })
      .expect(202);
    const id = started.body.rosterId as string;
    let done = false;
    const settled = t.app
      .get(JobQueue)
      .settled(started.body.jobId, 60_000)
      .then(() => (done = true));
    // While the solve runs, the API answers: the roster read back as `running` (a solve holding the
    // event loop would only let the read through once it had finished). No clock is read.
    const seen = new Set<string>();
    while (!done) {
      await t.http().get('/health').expect(200);
      seen.add((await t.http().get(`/rosters/${id}`).set(bearer(manager)).expect(200)).body.status);
      await new Promise((r) => setTimeout(r, 50));
    }
    await settled;
    expect(seen).toContain('running');
    expect((await read(id)).status).toBe('completed');
    await t.http().get(`/rosters/${id}`).set(bearer(supervisor)).expect(404);
    const listed = (await t.http().get('/rosters?week=2026-12-07').set(bearer(supervisor)).expect(200)).body;
    expect(listed.items).toEqual([]);
    expect(
      (await t.http().get('/rosters?week=2026-12-07').set(bearer(manager)).expect(200)).body.items.map(
        (r: { id: string }) => r.id,
      ),
    ).toEqual([id]);
    // A roster of the whole shop: the supervisor reads it, but only the agents of the own team.
    const shopWide = await generate(manager, {
      weekStart: '2026-12-14',
      timeLimitSeconds: 1,
      demand: 'day-cover',
      dayCover: [{ shiftTemplate: 'E', required: 10 }],
    });
    expect((await read(shopWide)).agents).toHaveLength(60);
    const supervised = await read(shopWide, supervisor);
    expect(supervised.agents).toHaveLength(15);
    expect(supervised.agents.every((a: AgentRow) => a.teamId === teamId)).toBe(true);
    const tuesday = await t
      .http()
      .post('/rosters')
      .set(bearer(manager))
      .send({ weekStart: '2026-12-01', demand: 'day-cover', dayCover: [{ shiftTemplate: 'E', required: 1 }] })
      .expect(400);
    // In the shop's language (Chinese by default), naming the field.
    expect(tuesday.body.errors[0]).toMatchObject({ field: 'weekStart', message: '必须是周一（当地一周的第一天）' });
    // Not a date at all: the date's own refusal, not a 500 from the Monday check reading it as one.
    for (const weekStart of ['', 'x', '2026-12-1', '1; DROP TABLE agents', '2026-03-29T02:30:00']) {
      const notDate = await t
        .http()
        .post('/rosters')
        .set(bearer(manager))
        .set('Accept-Language', 'en')
        .send({ weekStart, demand: 'day-cover', dayCover: [{ shiftTemplate: 'E', required: 1 }] })
        .expect(400);
      expect(notDate.body.errors).toEqual([
        expect.objectContaining({ field: 'weekStart', message: 'must be a date like 2026-11-23' }),
      ]);
    }
    const noCover = await t
      .http()
      .post('/rosters')
      .set(bearer(manager))
      .set('Accept-Language', 'en')
      .send({ weekStart: WEEK, demand: 'day-cover' })
      .expect(400);
    expect(noCover.body.errors[0]).toMatchObject({
      field: 'dayCover',
      message: 'give the cover per day and shift template for demand day-cover',
    });
    const unknown = await t
      .http()
      .post('/rosters')
      .set(bearer(manager))
      .send({
        weekStart: WEEK,
        teamIds: [teamId],
        demand: 'day-cover',
        dayCover: [{ shiftTemplate: 'Q', required: 1 }],
      })
      .expect(400);
    expect(unknown.body.errors[0].field).toBe('dayCover.0.shiftTemplate');
    const edit = await t
      .http()
      .patch(`/rosters/${id}`)
      .set(bearer(manager))
      .send({ expectedRevision: 0, changes: [{ agentId, date: '2026-12-07', shiftTemplate: 'E' }] })
      .expect(409);
    expect(edit.body.currentRevision).toBeGreaterThan(0);
    const current = (await read(id)).revision;
    const outsider = await t
      .http()
      .patch(`/rosters/${id}`)
      .set(bearer(manager))
      .send({ expectedRevision: current, changes: [{ agentId, date: '2026-12-07', shiftTemplate: 'E' }] })
      .expect(400);
    expect(outsider.body.errors[0].field).toBe('changes.0.agentId');
  });

  it('computes the local week in the shop zone across a DST change, and shows agents only their published shifts', async () => {
    const [monday, sunday] = ['2026-10-19', '2026-10-25'];
    const locked = [monday, sunday].map((date) => ({ agentId: other.agentId, date, shiftTemplate: 'E' }));
    // Not available on Tuesday afternoons (every shift template overlaps) nor on 2026-10-21 at all.
    await t
      .http()
      .post('/availability')
      .set(bearer(other.managerToken))
      .send({ agentId: other.agentId, kind: 'unavailable', weekday: 2, startTime: '13:00', endTime: '24:00' })
      .expect(201);
    await t
      .http()
      .post('/availability')
      .set(bearer(other.managerToken))
      .send({ agentId: other.agentId, kind: 'unavailable', onDate: '2026-10-21', startTime: '00:00', endTime: '24:00' })
      .expect(201);
    const id = await generate(other.managerToken, {
      weekStart: monday,
      timeLimitSeconds: 1,
      demand: 'day-cover',
      dayCover: [{ shiftTemplate: 'E', required: 1 }],
      locked,
    });
    const roster = await read(id, other.managerToken);
    expect(roster.timeZone).toBe('Europe/Berlin');
    expect(roster.days.map((d: { hours: number }) => d.hours)).toEqual([24, 24, 24, 24, 24, 24, 25]);
    // 08:00 local is 06:00 UTC in summer time and 07:00 UTC once the clocks went back.
    expect(dayOf(roster, other.agentId, monday)).toMatchObject({
      code: 'E',
      start: { utc: '2026-10-19T06:00:00.000Z', local: '2026-10-19T08:00:00+02:00' },
    });
    expect(dayOf(roster, other.agentId, sunday)).toMatchObject({
      code: 'E',
      start: { utc: '2026-10-25T07:00:00.000Z', local: '2026-10-25T08:00:00+01:00' },
    });
    expect((roster.agents[0] as AgentRow).days.map((d) => d.shift?.code ?? '-').join('')).toBe('E--EEEE');

    const offDay = (roster.agents[0] as AgentRow).days.find((d) => !d.shift)!.date;
    const sixth = await t
      .http()
      .patch(`/rosters/${id}`)
      .set(bearer(other.managerToken))
      .send({
        expectedRevision: roster.revision,
        changes: [{ agentId: other.agentId, date: offDay, shiftTemplate: 'M', start: '09:30' }],
      })
      .expect(400);
    expect(sixth.body.errors.map((e: { code: string }) => e.code)).toEqual(
      expect.arrayContaining(['max-work-days', 'max-minutes']),
    );
    const outside = await t
      .http()
      .patch(`/rosters/${id}`)
      .set(bearer(other.managerToken))
      .send({
        expectedRevision: roster.revision,
        changes: [{ agentId: other.agentId, date: offDay, shiftTemplate: 'M', start: '13:00' }],
      })
      .expect(400);
    expect(outside.body).toMatchObject({
      code: 'roster.start-outside-window',
      errors: [{ field: 'changes.0.start', message: '中班的开始时间须在 09:00 至 12:00 之间' }],
    });

    const own = () => t.http().get(`/me/shifts?from=${monday}&to=${sunday}`).set(bearer(other.agentToken)).expect(200);
    expect((await own()).body.items).toEqual([]);
    const published = (
      await t.http().post(`/rosters/${id}/publish`).set(bearer(other.managerToken)).send({}).expect(200)
    ).body;
    const seen = (await own()).body.items as { date: string; code: string; start: { utc: string } }[];
    expect(seen).toHaveLength(5);
    expect(seen.find((s) => s.date === sunday)).toMatchObject({
      code: 'E',
      start: { utc: '2026-10-25T07:00:00.000Z' },
    });
    // A later draft (the lock of a day yields to a hand edit) stays invisible until it is published.
    const v2 = (
      await t
        .http()
        .patch(`/rosters/${id}`)
        .set(bearer(other.managerToken))
        .send({
          expectedRevision: published.revision,
          changes: [{ agentId: other.agentId, date: sunday, shiftTemplate: 'L' }],
        })
        .expect(200)
    ).body;
    expect(v2.version).toMatchObject({ version: 2, status: 'draft' });
    expect(dayOf(v2, other.agentId, sunday)).toMatchObject({
      code: 'L',
      start: { local: '2026-10-25T14:00:00+01:00' },
    });
    expect((await own()).body.items.find((s: { date: string }) => s.date === sunday)).toMatchObject({
      code: 'E',
      version: 1,
    });
    await t
      .http()
      .post(`/rosters/${id}/publish`)
      .set(bearer(other.managerToken))
      .send({ expectedRevision: v2.revision })
      .expect(200);
    expect((await own()).body.items.find((s: { date: string }) => s.date === sunday)).toMatchObject({
      code: 'L',
      version: 2,
    });
    // What other modules read: published shifts and breaks in UTC.
    const forModules = await t.app.get(RosterReading).publishedShifts(other.shopId, [other.agentId], monday, sunday);
    expect(forModules).toHaveLength(5);
    const lateSunday = forModules.find((s) => s.date === sunday)!;
    expect(lateSunday.startsAt.toISOString()).toBe('2026-10-25T13:00:00.000Z');
    const meal = lateSunday.breaks.find((b) => b.name === 'meal')!;
    expect(meal.endsAt.getTime() - meal.startsAt.getTime()).toBe(3_600_000);
    expect(meal.startsAt >= lateSunday.startsAt && meal.endsAt <= lateSunday.endsAt).toBe(true);
    await t
      .http()
      .get(`/me/shifts?from=${monday}&to=${sunday}`)
      .set(bearer(agent))
      .expect(200)
      .expect((res) => expect(res.body.items).toEqual([]));
    await t.http().get(`/me/shifts?from=${sunday}&to=${monday}`).set(bearer(other.agentToken)).expect(400);
  });

  it('places the breaks of a night shift across a clock change at real minutes after its start, solved and set by hand', async () => {
    type Break = { name: string; minutes: number; start: { utc: string; local: string } };
    type Night = { code: string; start: { utc: string }; breaks: Break[] };
    // Berlin: the night of Saturday 2027-03-27 loses an hour, the night of Saturday 2027-10-30 gains one.
    for (const [monday, saturday] of [
      ['2027-03-22', '2027-03-27'],
      ['2027-10-25', '2027-10-30'],
    ]) {
      const id = await generate(other.managerToken, {
        weekStart: monday,
        timeLimitSeconds: 2,
        demand: 'day-cover',
        dayCover: [{ shiftTemplate: 'N', required: 1, weekdays: [6], underWeight: 1000 }],
      });
      const realOffsets = (shift: Night) =>
        Object.fromEntries(
          shift.breaks.map((b) => [b.name, (Date.parse(b.start.utc) - Date.parse(shift.start.utc)) / 60_000]),
        );
      const inWindows = (shift: Night) => {
        const o = realOffsets(shift);
        expect(o.meal).toBeGreaterThanOrEqual(180);
        expect(o.meal).toBeLessThanOrEqual(300);
        expect(o.rest).toBeGreaterThanOrEqual(360);
        expect(o.rest).toBeLessThanOrEqual(450);
      };
      const solved = await read(id, other.managerToken);
      const night = dayOf(solved, other.agentId, saturday) as unknown as Night;
      expect(night.code).toBe('N');
      inWindows(night);
      expect(solved.violations).toEqual([]);
      // Set by hand: early shifts (not on Tuesday, when the agent is unavailable in the afternoon), Saturday
      // off, a night on Sunday; then the night moved to Saturday.
      const days = Array.from({ length: 7 }, (_, d) =>
        new Date(Date.parse(`${monday}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10),
      );
      const locked = days.map((date, d) => ({
        agentId: other.agentId,
        date,
        shiftTemplate: ['E', null, 'E', 'E', 'E', null, 'N'][d],
      }));
      const byHand = await read(
        await generate(other.managerToken, {
          weekStart: monday,
          timeLimitSeconds: 1,
          demand: 'day-cover',
          dayCover: [{ shiftTemplate: 'E', required: 1 }],
          locked,
        }),
        other.managerToken,
      );
      const again = (
        await t
          .http()
          .patch(`/rosters/${byHand.id}`)
          .set(bearer(other.managerToken))
          .send({
            expectedRevision: byHand.revision,
            changes: [
              { agentId: other.agentId, date: saturday, shiftTemplate: 'N' },
              { agentId: other.agentId, date: days[6], shiftTemplate: null },
            ],
          })
          .expect(200)
      ).body;
      inWindows(dayOf(again, other.agentId, saturday) as unknown as Night);
      expect(again.violations).toEqual([]);
      // Breaks set by hand are judged by the hours lived. Meal 04:00 and rest 05:00 look like 300 and 360
      // minutes after 23:00 on the clock (both in their windows); lived, the spring rest is at 300 (before
      // 360) and the autumn meal at 360 (after 300): refused both nights, nothing stored.
      const spring = monday.startsWith('2027-03');
      const setBreaks = (breaks: string[], revision: number) =>
        t
          .http()
          .patch(`/rosters/${byHand.id}`)
          .set(bearer(other.managerToken))
          .set('Accept-Language', 'en')
          .send({
            expectedRevision: revision,
            changes: [
              {
                agentId: other.agentId,
                date: saturday,
                shiftTemplate: 'N',
                breaks: breaks.map((start) => ({ start })),
              },
            ],
          });
      const refused = await setBreaks(['04:00', '05:00'], again.revision).expect(400);
      expect(refused.body.code).toBe('roster.edit-breaks-rules');
      expect(refused.body.violations).toEqual([
        expect.objectContaining({ rule: 'shift-template', agentIds: [other.agentId], dates: [saturday] }),
      ]);
      // The refusal names the break, its clock time and the minutes lived since the start.
      const [reason] = refused.body.errors as { field: string; code: string; message: string }[];
      expect(reason).toMatchObject({ field: 'changes.0', code: 'shift-template' });
      expect(reason.message).toContain(
        spring
          ? 'the rest break at 05:00 starts 300 min after the start of'
          : 'the meal break at 04:00 starts 360 min after the start of',
      );
      expect(reason.message).toContain(spring ? 'it must start 360–450 min after' : 'it must start 180–300 min after');
      expect((await read(byHand.id, other.managerToken)).revision).toBe(again.revision);
      // The same windows by the hours lived: spring meal 04:00 (240) and rest 06:00 (360); autumn 03:00 (300) and 05:00 (420).
      const kept = (await setBreaks(spring ? ['04:00', '06:00'] : ['03:00', '05:00'], again.revision).expect(200)).body;
      const handSet = dayOf(kept, other.agentId, saturday) as unknown as Night;
      expect(realOffsets(handSet)).toEqual(spring ? { meal: 240, rest: 360 } : { meal: 300, rest: 420 });
      expect(handSet.breaks.map((b) => b.start.local.slice(11, 16))).toEqual(
        spring ? ['04:00', '06:00'] : ['03:00', '05:00'],
      );
      expect(kept.violations).toEqual([]);
      if (!spring) {
        // 02:30 happens twice that night: a meal set there is the pass inside its window, the first (210 min).
        const repeated = (await setBreaks(['02:30', '05:00'], kept.revision).expect(200)).body;
        expect(realOffsets(dayOf(repeated, other.agentId, saturday) as unknown as Night)).toEqual({
          meal: 210,
          rest: 420,
        });
      }
    }
  });
});
