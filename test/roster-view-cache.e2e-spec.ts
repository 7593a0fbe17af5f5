import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { ViewCache } from 'src/platform/cache/view-cache';
import { bearer, startTestApp, TestApp } from './support/test-app';

type AgentRow = {
  agentId: string;
  name: string;
  teamId: string;
  days: { date: string; shift: { code: string } | null }[];
};

const WEEK = '2026-11-30';
const SUNDAY = '2026-12-06';

/**
 * Roster views are served from a cache of serialised answers; two replicas on one database show
 * that any change made through either one is seen by the other's next read, never a stale copy.
 */
describe('roster view cache across replicas (e2e)', () => {
  let a: TestApp;
  let b: TestApp;
  let rosterId: string;
  let managerA: string;
  let managerB: string;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({}, [], a.databaseUrl);
    managerA = await a.tokenFor('manager');
    managerB = await b.tokenFor('manager');
    const res = await a
      .http()
      .post('/rosters')
      .set(bearer(managerA))
      .send({
        weekStart: WEEK,
        timeLimitSeconds: 2,
        demand: 'day-cover',
        dayCover: [
          { shiftTemplate: 'E', required: 6 },
          { shiftTemplate: 'L', required: 5 },
        ],
      })
      .expect(202);
    await a.app.get(JobQueue).settled(res.body.jobId, 60_000);
    rosterId = res.body.rosterId;
  }, 300_000);
  afterAll(async () => {
    await b.close();
    await a.close();
  }, 300_000);

  const read = (t: TestApp, token: string, headers: Record<string, string> = {}) =>
    t.http().get(`/rosters/${rosterId}`).set(bearer(token)).set(headers);

  it('answers a repeated read from the cache, byte for byte, and 304 to a matching If-None-Match', async () => {
    const cache = a.app.get(ViewCache);
    const first = await read(a, managerA).expect(200);
    const before = cache.stats;
    const second = await read(a, managerA).expect(200);
    expect(cache.stats.hits).toBe(before.hits + 1);
    expect(cache.stats.misses).toBe(before.misses);
    expect(second.text).toBe(first.text);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(second.headers.etag).toBe(first.headers.etag);
    await read(a, managerA, { 'If-None-Match': first.headers.etag }).expect(304);
    expect(first.body.status).toBe('completed');
  });

  it('shows an edit, a publication and a renamed agent made on the other replica at once', async () => {
    const v1 = (await read(a, managerA).expect(200)).body;
    const target = (v1.agents as AgentRow[]).find((x) => x.days[6].shift?.code === 'E')!;
    const edited = (
      await b
        .http()
        .patch(`/rosters/${rosterId}`)
        .set(bearer(managerB))
        .send({
          expectedRevision: v1.revision,
          changes: [{ agentId: target.agentId, date: SUNDAY, shiftTemplate: 'L' }],
        })
        .expect(200)
    ).body;
    const afterEdit = (await read(a, managerA).expect(200)).body;
    expect(afterEdit.revision).toBe(edited.revision);
    expect((afterEdit.agents as AgentRow[]).find((x) => x.agentId === target.agentId)!.days[6].shift!.code).toBe('L');

    await b
      .http()
      .post(`/rosters/${rosterId}/publish`)
      .set(bearer(managerB))
      .send({ expectedRevision: edited.revision })
      .expect(200);
    expect((await read(a, managerA).expect(200)).body.version).toMatchObject({ version: 1, status: 'published' });

    await b.http().patch(`/agents/${target.agentId}`).set(bearer(managerB)).send({ name: '改了名字' }).expect(200);
    const renamed = (await read(a, managerA).expect(200)).body;
    expect((renamed.agents as AgentRow[]).find((x) => x.agentId === target.agentId)!.name).toBe('改了名字');
  });

  it('shows training booked into the week by another process (another module’s table)', async () => {
    const view = (await read(a, managerA).expect(200)).body;
    const onShift = (view.agents as (AgentRow & { days: { shift: { start: { utc: string } } | null }[] })[]).find(
      (x) => x.days[2].shift,
    )!;
    const startsAt = new Date(onShift.days[2].shift!.start.utc);
    const sql = b.app.get(Db).client;
    const [session] =
      await sql`INSERT INTO training_sessions (shop_id, category, title, status, starts_at, ends_at, capacity, impact, lost_contacts_within_target)
      VALUES (${a.demoShopId}, 'product', '新品培训', 'booked', ${startsAt.toISOString()}, ${new Date(startsAt.getTime() + 3600_000).toISOString()}, 5, '{}', 0) RETURNING id`;
    await sql`INSERT INTO training_attendees (shop_id, session_id, agent_id) VALUES (${a.demoShopId}, ${session.id}, ${onShift.agentId})`;
    const after = (await read(a, managerA).expect(200)).body;
    const shift = after.agents.find((x: AgentRow) => x.agentId === onShift.agentId).days[2].shift;
    expect(shift.activities).toEqual([expect.objectContaining({ kind: 'training', title: '新品培训' })]);
  });

  it('keeps each reader’s view: a supervisor never gets the whole shop’s cached answer, nor the reverse', async () => {
    const supervisor = await a.tokenFor('supervisor');
    const all = (await read(a, managerA).expect(200)).body.agents as AgentRow[];
    const mine = (await read(a, supervisor).expect(200)).body.agents as AgentRow[];
    expect(new Set(all.map((x) => x.teamId)).size).toBeGreaterThan(1);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    expect(new Set(mine.map((x) => x.teamId)).size).toBe(1);
    expect(((await read(a, managerA).expect(200)).body.agents as AgentRow[]).length).toBe(all.length);
  });
});
