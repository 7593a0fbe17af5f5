import { bearer, TestApp } from './support/test-app';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';

describe('leave and availability (e2e)', () => {
  let t: TestApp;
  let other: SecondShop;
  let manager: string;
  let supervisor: string;
  let agent: string;
  let agentId: string;
  let outsiderId: string;
  beforeAll(async () => {
    ({ t, manager, other } = await startTestAppWithSecondShop());
    supervisor = await t.tokenFor('supervisor');
    agent = await t.tokenFor('agent');
    agentId = (await t.http().get('/agents/me').set(bearer(agent)).expect(200)).body.id;
    const all = (await t.http().get('/agents?limit=100').set(bearer(manager)).expect(200)).body.items;
    const mine = all.find((a: { id: string }) => a.id === agentId);
    outsiderId = all.find((a: { teamId: string }) => a.teamId !== mine.teamId).id;
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('runs a leave request from the agent to the supervisor’s decision', async () => {
    const asked = await t
      .http()
      .post('/leave')
      .set(bearer(agent))
      .send({ kind: 'annual', startDate: '2026-12-01', endDate: '2026-12-03', reason: '回家' })
      .expect(201);
    expect(asked.body).toMatchObject({ agentId, status: 'requested' });
    await t
      .http()
      .post('/leave')
      .set(bearer(agent))
      .send({ kind: 'sick', startDate: '2026-12-03', endDate: '2026-12-04' })
      .expect(409);
    await t
      .http()
      .post(`/leave/${asked.body.id}/decision`)
      .set(bearer(agent))
      .send({ decision: 'approved' })
      .expect(403);
    const decided = await t
      .http()
      .post(`/leave/${asked.body.id}/decision`)
      .set(bearer(supervisor))
      .send({ decision: 'approved' })
      .expect(200);
    expect(decided.body.status).toBe('approved');
    const again = await t
      .http()
      .post(`/leave/${asked.body.id}/decision`)
      .set(bearer(manager))
      .send({ decision: 'rejected' })
      .expect(409);
    expect(again.body.allowedFrom).toEqual(['requested']);
    const cancelled = await t.http().delete(`/leave/${asked.body.id}`).set(bearer(agent)).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
  });

  it('keeps supervisors to their own team and agents to themselves', async () => {
    const outsider = await t
      .http()
      .post('/leave')
      .set(bearer(manager))
      .send({ agentId: outsiderId, kind: 'personal', startDate: '2026-12-10', endDate: '2026-12-10' })
      .expect(201);
    await t
      .http()
      .post(`/leave/${outsider.body.id}/decision`)
      .set(bearer(supervisor))
      .send({ decision: 'approved' })
      .expect(404);
    await t
      .http()
      .post('/leave')
      .set(bearer(supervisor))
      .send({ agentId: outsiderId, kind: 'personal', startDate: '2026-12-20', endDate: '2026-12-20' })
      .expect(404);
    await t
      .http()
      .post('/leave')
      .set(bearer(agent))
      .send({ agentId: outsiderId, kind: 'personal', startDate: '2026-12-20', endDate: '2026-12-20' })
      .expect(404);
    await t.http().delete(`/leave/${outsider.body.id}`).set(bearer(agent)).expect(404);
    const seenByAgent = await t.http().get('/leave').set(bearer(agent)).expect(200);
    expect(seenByAgent.body.items.every((l: { agentId: string }) => l.agentId === agentId)).toBe(true);
    const seenByManager = await t
      .http()
      .get(`/leave?agentId=${outsiderId}&status=requested&from=2026-12-01&to=2026-12-31`)
      .set(bearer(manager))
      .expect(200);
    expect(seenByManager.body.items.map((l: { id: string }) => l.id)).toEqual([outsider.body.id]);
    await t
      .http()
      .get('/leave')
      .set(bearer(await t.tokenFor('qc')))
      .expect(403);
  });

  it("hides another shop's leave and refuses bad dates", async () => {
    const theirs = await t
      .http()
      .post('/leave')
      .set(bearer(other.agentToken))
      .send({ kind: 'annual', startDate: '2026-12-01', endDate: '2026-12-02' })
      .expect(201);
    await t
      .http()
      .post(`/leave/${theirs.body.id}/decision`)
      .set(bearer(manager))
      .send({ decision: 'approved' })
      .expect(404);
    await t
      .http()
      .post('/leave')
      .set(bearer(manager))
      .send({ agentId: other.agentId, kind: 'annual', startDate: '2026-12-01', endDate: '2026-12-02' })
      .expect(404);
    const bad = await t
      .http()
      .post('/leave')
      .set(bearer(agent))
      .send({ kind: 'annual', startDate: '2026-12-05', endDate: '2026-12-01' })
      .expect(400);
    expect(bad.body.errors[0].field).toBe('endDate');
    await t
      .http()
      .post('/leave')
      .set(bearer(agent))
      .send({ kind: 'holiday', startDate: '2026-13-01', endDate: '2026-12-01' })
      .expect(400);
  });

  it('records availability and preferences with exactly one of weekday or date', async () => {
    const entry = await t
      .http()
      .post('/availability')
      .set(bearer(agent))
      .send({ kind: 'unavailable', weekday: 3, startTime: '18:00', endTime: '24:00', note: '夜校' })
      .expect(201);
    await t
      .http()
      .post('/availability')
      .set(bearer(agent))
      .send({ kind: 'prefers_off', weekday: 3, onDate: '2026-12-01', startTime: '09:00', endTime: '12:00' })
      .expect(400);
    const backwards = await t
      .http()
      .post('/availability')
      .set(bearer(agent))
      .send({ kind: 'prefers_on', onDate: '2026-12-01', startTime: '12:00', endTime: '09:00' })
      .expect(400);
    expect(backwards.body.errors[0].field).toBe('endTime');
    await t
      .http()
      .post('/availability')
      .set(bearer(agent))
      .send({ agentId: outsiderId, kind: 'unavailable', weekday: 1, startTime: '09:00', endTime: '10:00' })
      .expect(404);
    const listed = await t.http().get('/availability').set(bearer(manager)).expect(200);
    expect(listed.body.map((a: { id: string }) => a.id)).toContain(entry.body.id);
    await t.http().delete(`/availability/${entry.body.id}`).set(bearer(other.managerToken)).expect(404);
    await t.http().delete(`/availability/${entry.body.id}`).set(bearer(agent)).expect(204);
    expect((await t.http().get('/availability').set(bearer(agent)).expect(200)).body).toEqual([]);
  });
});
