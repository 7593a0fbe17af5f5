import { Db } from 'src/platform/db/db';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { bearer, TestApp } from './support/test-app';
import { seedTrainingWeek, TrainingWeek } from './support/training-week';

describe('training: access by role and tenant (e2e)', () => {
  let t: TestApp;
  let w: TrainingWeek;
  let other: SecondShop;
  let otherSupervisor: string;
  let sessionId: string;
  let taskId: string;
  const tokens: Record<string, string> = {};

  const book = (over: Record<string, unknown> = {}) => ({
    category: '平台政策',
    lengthMinutes: 60,
    capacity: 10,
    trainerUserId: w.trainerUserId,
    invitees: { agentIds: [w.a, w.b, w.c, w.d] },
    ...over,
  });

  beforeAll(async () => {
    ({ t, other } = await startTestAppWithSecondShop());
    w = await seedTrainingWeek(t);
    for (const role of ['admin', 'manager', 'supervisor', 'hr', 'trainer', 'qc', 'agent'])
      tokens[role] = await t.tokenFor(role);
    const admin = { ...bearer(tokens.admin), 'X-Shop-Id': other.shopId };
    await t
      .http()
      .post('/users')
      .set(admin)
      .send({
        username: 'other-sup',
        displayName: 'B supervisor',
        password: 'password-b3',
        role: 'supervisor',
        agentId: other.agentId,
      })
      .expect(201);
    otherSupervisor = await t.tokenFor('other-sup', 'password-b3');
    // D (off all week) signs in as an agent too.
    await t
      .http()
      .post('/users')
      .set(bearer(tokens.manager))
      .send({ username: 'agent-d', displayName: 'D', password: 'password-d1', role: 'agent', agentId: w.d })
      .expect(201);
    tokens.agentD = await t.tokenFor('agent-d', 'password-d1');
    const booked = await t
      .http()
      .post('/training/sessions')
      .set(bearer(tokens.trainer))
      .send(book({ start: w.at(0, '15:00') }))
      .expect(201);
    sessionId = booked.body.sessions[0].id;
    taskId = booked.body.makeupTasks[0].id;
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  }, 300_000);

  it('refuses roles that may not plan, book, record, read needs or effects, or close make-up tasks (403)', async () => {
    const proposal = { ...book(), from: w.weekStart, to: w.weekStart };
    const refused: [string, () => ReturnType<ReturnType<TestApp['http']>['get']>][] = [
      ['agent', () => t.http().get('/training/needs')],
      ['hr', () => t.http().get('/training/needs')],
      ['hr', () => t.http().post('/training/requests').send({ category: '流程' })],
      ['qc', () => t.http().post('/training/requests').send({ category: '流程' })],
      ['agent', () => t.http().post('/training/sessions/proposals').send(proposal)],
      ['supervisor', () => t.http().post('/training/sessions/proposals').send(proposal)],
      [
        'qc',
        () =>
          t
            .http()
            .post('/training/sessions')
            .send(book({ start: w.at(1, '15:00') })),
      ],
      [
        'supervisor',
        () =>
          t
            .http()
            .post('/training/sessions')
            .send(book({ start: w.at(1, '15:00') })),
      ],
      [
        'hr',
        () =>
          t
            .http()
            .put(`/training/sessions/${sessionId}/attendance`)
            .send({ attendees: [{ agentId: w.a, attendance: 'attended' }] }),
      ],
      [
        'agent',
        () =>
          t
            .http()
            .put(`/training/sessions/${sessionId}/attendance`)
            .send({ attendees: [{ agentId: w.a, attendance: 'attended' }] }),
      ],
      ['supervisor', () => t.http().get(`/training/sessions/${sessionId}/effect`)],
      ['agent', () => t.http().get(`/training/sessions/${sessionId}/effect`)],
      ['hr', () => t.http().get('/training/makeup-tasks')],
      ['trainer', () => t.http().post(`/training/makeup-tasks/${taskId}/close`).send({ note: '一对一讲解政策' })],
      ['manager', () => t.http().post(`/training/makeup-tasks/${taskId}/close`).send({ note: '一对一讲解政策' })],
      ['agentD', () => t.http().post(`/training/makeup-tasks/${taskId}/close`).send({ note: '一对一讲解政策' })],
    ];
    for (const [role, call] of refused) {
      const res = await call().set(bearer(tokens[role]));
      expect([role, res.status]).toEqual([role, 403]);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    await t.http().get('/training/needs').expect(401);
  });

  it('allows the roles that may, within their reach', async () => {
    await t.http().get('/training/needs').set(bearer(tokens.supervisor)).expect(200);
    await t.http().get('/training/needs').set(bearer(tokens.qc)).expect(200);
    await t.http().post('/training/requests').set(bearer(tokens.supervisor)).send({ category: '流程' }).expect(201);
    await t
      .http()
      .post('/training/sessions/proposals')
      .set(bearer(tokens.manager))
      .send({ ...book(), from: w.weekStart, to: w.weekStart })
      .expect(200);
    await t.http().get(`/training/sessions/${sessionId}/effect`).set(bearer(tokens.qc)).expect(200);
    await t.http().get(`/training/sessions/${sessionId}`).set(bearer(tokens.hr)).expect(200);
    // D was invited but is not in the session: they see their make-up task, not the session.
    await t.http().get(`/training/sessions/${sessionId}`).set(bearer(tokens.agentD)).expect(404);
    const sessions = await t
      .http()
      .get(`/training/sessions?from=${w.at(0, '00:00')}&to=${w.at(7, '00:00')}`)
      .set(bearer(tokens.agentD))
      .expect(200);
    expect(sessions.body.items).toEqual([]);
    const tasks = await t.http().get('/training/makeup-tasks').set(bearer(tokens.agentD)).expect(200);
    expect(tasks.body.items.map((x: { id: string }) => x.id)).toEqual([taskId]);
    await t.http().get(`/training/makeup-tasks?agent=${w.e}`).set(bearer(tokens.supervisor)).expect(404);
  });

  it("hides another shop's sessions, tasks, agents and trainers (404)", async () => {
    const manager = bearer(other.managerToken);
    await t.http().get(`/training/sessions/${sessionId}`).set(manager).expect(404);
    await t
      .http()
      .put(`/training/sessions/${sessionId}/attendance`)
      .set(manager)
      .send({ attendees: [{ agentId: w.a, attendance: 'attended' }] })
      .expect(404);
    await t.http().get(`/training/sessions/${sessionId}/effect`).set(manager).expect(404);
    await t
      .http()
      .get(`/training/sessions/${sessionId}`)
      .set({ ...bearer(tokens.admin), 'X-Shop-Id': other.shopId })
      .expect(404);
    await t
      .http()
      .post(`/training/makeup-tasks/${taskId}/close`)
      .set(bearer(otherSupervisor))
      .send({ note: '一对一讲解政策' })
      .expect(404);
    const [{ id: otherTrainer }] = await t.app.get(Db).client<
      { id: string }[]
    >`select id from users where username = 'other-manager'`;
    await t
      .http()
      .post('/training/sessions/proposals')
      .set(manager)
      .send({ ...book(), from: w.weekStart, to: w.weekStart })
      .expect(404);
    await t
      .http()
      .post('/training/sessions/proposals')
      .set(manager)
      .send({
        ...book({ trainerUserId: otherTrainer, invitees: { agentIds: [w.a] } }),
        from: w.weekStart,
        to: w.weekStart,
      })
      .expect(404);
    await t
      .http()
      .post('/training/sessions/proposals')
      .set(manager)
      .send({
        ...book({ trainerUserId: otherTrainer, invitees: { teamId: w.teamId } }),
        from: w.weekStart,
        to: w.weekStart,
      })
      .expect(404);
    const listed = await t
      .http()
      .get(`/training/sessions?from=${w.at(0, '00:00')}&to=${w.at(7, '00:00')}`)
      .set(manager)
      .expect(200);
    expect(listed.body.items).toEqual([]);
    const tasks = await t.http().get('/training/makeup-tasks').set(manager).expect(200);
    expect(tasks.body.total).toBe(0);
  });
});
