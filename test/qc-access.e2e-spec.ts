import { JobQueue } from 'src/platform/jobs/job-queue';
import { NightlyPipeline } from 'src/platform/jobs/nightly/nightly-pipeline';
import { QC_SAMPLE_DATE, QC_SESSION_DATE, QcFixture, seedQcDay } from './support/qc-sessions';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { bearer, TestApp } from './support/test-app';

type Call = { method: 'get' | 'post' | 'put'; path: string; body?: Record<string, unknown> };

/** Who may do what in QC: roles (403), scope within the shop (own / team / shop), other shops (404), input (400). */
describe('quality check access (e2e)', () => {
  let t: TestApp;
  let f: QcFixture;
  let other: SecondShop;
  const token: Record<string, string> = {};
  let agentReview: string;
  let otherTeamReview: string;
  let taskId: string;
  let rubricId: string;

  const call = (c: Call, auth?: string) => {
    const req = t.http()[c.method](c.path);
    if (auth) req.set(bearer(auth));
    return c.body ? req.send(c.body) : req;
  };

  beforeAll(async () => {
    ({ t, other } = await startTestAppWithSecondShop());
    f = await seedQcDay(t);
    for (const role of ['manager', 'supervisor', 'hr', 'trainer', 'qc', 'agent']) token[role] = await t.tokenFor(role);
    const run = await t
      .http()
      .post('/qc/samples/run')
      .set(bearer(token.qc))
      .send({ sessionDate: QC_SESSION_DATE })
      .expect(202);
    await t.app.get(JobQueue).settled(run.body.jobId);
    const rubric = await t.http().get('/qc/rubrics').set(bearer(token.qc)).expect(200);
    rubricId = rubric.body[0].id;
    const rude = rubric.body[0].items.find((i: { code: string }) => i.code === 'rude').id;
    const failed = await t
      .http()
      .post('/qc/reviews')
      .set(bearer(token.qc))
      .send({ sessionId: f.agentSessions[0], scores: [{ itemId: rude, points: 100 }] })
      .expect(201);
    agentReview = failed.body.id;
    taskId = failed.body.coachingTaskId;
    otherTeamReview = (
      await t.http().post('/qc/reviews').set(bearer(token.qc)).send({ sessionId: f.otherTeamSessions[0] }).expect(201)
    ).body.id;
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const routes = (): Call[] => [
    { method: 'get', path: '/qc/settings' },
    { method: 'put', path: '/qc/settings', body: { samplesPerAgent: 12 } },
    { method: 'get', path: '/qc/rubrics' },
    { method: 'get', path: `/qc/rubrics/${rubricId}` },
    {
      method: 'post',
      path: '/qc/rubrics',
      body: { name: 'x', items: [{ code: 'a', category: '流程', title: 'a', kind: 'points', maxPoints: 10 }] },
    },
    { method: 'get', path: `/qc/samples?date=${QC_SAMPLE_DATE}` },
    { method: 'post', path: '/qc/samples/run', body: { sessionDate: QC_SESSION_DATE } },
    { method: 'post', path: '/qc/reviews', body: { sessionId: f.teammateSessions[0] } },
    { method: 'get', path: '/qc/reviews' },
    { method: 'get', path: `/qc/reviews/${agentReview}` },
    { method: 'get', path: `/qc/sessions/${f.agentSessions[0]}/transcript` },
    { method: 'get', path: `/qc/sessions/${f.agentSessions[0]}/calibration` },
    { method: 'get', path: `/qc/summary?date=${QC_SESSION_DATE}` },
    { method: 'get', path: '/qc/coaching-tasks' },
    { method: 'get', path: `/qc/coaching-tasks/${taskId}` },
    { method: 'post', path: `/qc/coaching-tasks/${taskId}/close`, body: { note: 'coached on wording' } },
  ];

  /** Which roles each route refuses with 403 (the rest are allowed in). */
  const refused: Record<string, string[]> = {
    'get /qc/settings': ['supervisor', 'hr', 'trainer', 'agent'],
    'put /qc/settings': ['supervisor', 'hr', 'trainer', 'qc', 'agent'],
    'get /qc/rubrics': ['hr', 'trainer', 'agent'],
    'post /qc/rubrics': ['supervisor', 'hr', 'trainer', 'agent'],
    'get /qc/samples': ['hr', 'trainer', 'agent'],
    'post /qc/samples/run': ['supervisor', 'hr', 'trainer', 'agent'],
    'post /qc/reviews': ['manager', 'supervisor', 'hr', 'trainer', 'agent'],
    'get /qc/reviews': ['hr', 'trainer'],
    'get /qc/sessions/transcript': ['hr', 'trainer', 'agent'],
    'get /qc/sessions/calibration': ['supervisor', 'hr', 'trainer', 'agent'],
    'get /qc/summary': ['hr', 'trainer', 'agent'],
    'get /qc/coaching-tasks': ['hr', 'trainer'],
    'post /qc/coaching-tasks/close': ['manager', 'hr', 'trainer', 'qc', 'agent'],
  };
  const keyOf = (c: Call) => `${c.method} ${c.path.split('?')[0].replace(/\/[0-9a-f-]{36}/g, '')}`;

  it('refuses every route without a token (401)', async () => {
    for (const c of routes()) await call(c).expect(401);
  });

  it('refuses the wrong roles with 403 before looking at anything', async () => {
    let checked = 0;
    for (const c of routes()) {
      for (const role of refused[keyOf(c)] ?? []) {
        const res = await call(c, token[role]);
        expect([c.path, role, res.status]).toEqual([c.path, role, 403]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('lets agents see only their own reviews and tasks, and no transcripts', async () => {
    const own = await t.http().get('/qc/reviews').set(bearer(token.agent)).expect(200);
    expect(own.body.items.map((r: { agentId: string }) => r.agentId)).toEqual([f.agentId]);
    await t.http().get(`/qc/reviews/${agentReview}`).set(bearer(token.agent)).expect(200);
    await t.http().get(`/qc/reviews/${otherTeamReview}`).set(bearer(token.agent)).expect(404);
    await t.http().get(`/qc/reviews?agent=${f.teammateId}`).set(bearer(token.agent)).expect(404);
    await t.http().get(`/qc/coaching-tasks/${taskId}`).set(bearer(token.agent)).expect(200);
  });

  it('keeps supervisors to their team: reviews, transcripts, samples and summary', async () => {
    const theirs = await t.http().get('/qc/reviews').set(bearer(token.supervisor)).expect(200);
    expect(theirs.body.items.map((r: { id: string }) => r.id)).toEqual([agentReview]);
    await t.http().get(`/qc/reviews/${otherTeamReview}`).set(bearer(token.supervisor)).expect(404);
    const transcript = await t
      .http()
      .get(`/qc/sessions/${f.agentSessions[0]}/transcript`)
      .set(bearer(token.supervisor))
      .expect(200);
    expect(transcript.body.transcript).toContain('七天无理由');
    await t.http().get(`/qc/sessions/${f.otherTeamSessions[0]}/transcript`).set(bearer(token.supervisor)).expect(404);
    const samples = await t.http().get(`/qc/samples?date=${QC_SAMPLE_DATE}`).set(bearer(token.supervisor)).expect(200);
    expect(samples.body.items.length).toBeGreaterThan(0);
    expect(samples.body.items.every((s: { agentId: string }) => s.agentId !== f.otherTeamAgentId)).toBe(true);
    await t
      .http()
      .get(`/qc/summary?date=${QC_SESSION_DATE}&team=${f.otherTeamId}`)
      .set(bearer(token.supervisor))
      .expect(404);
    const summary = await t.http().get(`/qc/summary?date=${QC_SESSION_DATE}`).set(bearer(token.supervisor)).expect(200);
    expect(summary.body.teams.map((x: { teamId: string }) => x.teamId)).toEqual([f.teamId]);
    // QC and managers see the shop.
    const shop = await t.http().get(`/qc/summary?date=${QC_SESSION_DATE}`).set(bearer(token.manager)).expect(200);
    expect(shop.body.teams.map((x: { teamId: string }) => x.teamId).sort()).toEqual([f.teamId, f.otherTeamId].sort());
    expect((await t.http().get('/qc/reviews').set(bearer(token.qc)).expect(200)).body.total).toBe(2);
  });

  it("answers 404 for another shop's records and ids", async () => {
    const theirs = [
      `/qc/reviews/${agentReview}`,
      `/qc/rubrics/${rubricId}`,
      `/qc/coaching-tasks/${taskId}`,
      `/qc/sessions/${f.agentSessions[0]}/transcript`,
      `/qc/sessions/${f.agentSessions[0]}/calibration`,
      `/qc/summary?date=${QC_SESSION_DATE}&team=${f.teamId}`,
      `/qc/reviews?agent=${f.agentId}`,
    ];
    for (const path of theirs) await t.http().get(path).set(bearer(other.managerToken)).expect(404);
    await t.http().get(`/qc/reviews/${agentReview}`).set(bearer(other.agentToken)).expect(404);
    await t
      .http()
      .get(`/qc/samples?date=${QC_SAMPLE_DATE}&agent=${f.agentId}`)
      .set(bearer(other.managerToken))
      .expect(404);
    const admin = { ...bearer(await t.tokenFor('admin')), 'X-Shop-Id': other.shopId };
    await t.http().post('/qc/reviews').set(admin).send({ sessionId: f.agentSessions[1] }).expect(404);
    expect((await t.http().get('/qc/reviews').set(bearer(other.managerToken)).expect(200)).body.total).toBe(0);
  });

  it('names the field of bad input (400)', async () => {
    const noDate = await t.http().get('/qc/samples').set(bearer(token.qc)).expect(400);
    expect(noDate.body.errors[0].field).toBe('date');
    const tooMany = await t
      .http()
      .put('/qc/settings')
      .set(bearer(token.manager))
      .send({ samplesPerAgent: 25 })
      .expect(400);
    expect(tooMany.body.errors[0].field).toBe('samplesPerAgent');
    const badCategory = await t
      .http()
      .post('/qc/rubrics')
      .set(bearer(token.qc))
      .send({ name: 'x', items: [{ code: 'a', category: '其他', title: 'a', kind: 'points', maxPoints: 10 }] })
      .expect(400);
    expect(badCategory.body.errors[0].field).toBe('items.0.category');
    const critical = await t
      .http()
      .post('/qc/rubrics')
      .set(bearer(token.qc))
      .send({
        name: 'x',
        items: [{ code: 'a', category: '流程', title: 'a', kind: 'points', maxPoints: 10, critical: true }],
      })
      .expect(400);
    expect(critical.body.errors[0].field).toBe('items');
    const review = await t.http().post('/qc/reviews').set(bearer(token.qc)).send({ sessionId: 'nope' }).expect(400);
    expect(review.body.errors[0].field).toBe('sessionId');
    await t
      .http()
      .post('/qc/reviews')
      .set(bearer(token.qc))
      .send({ sessionId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
  });

  it('registers its nightly steps', () => {
    expect(t.app.get(NightlyPipeline).registered()).toEqual(
      expect.arrayContaining(['qc.sample', 'qc.coaching-overdue']),
    );
  });
});
