import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { QC_SAMPLE_DATE, QC_SESSION_DATE, QcFixture, seedQcDay, transcriptOf } from './support/qc-sessions';
import { bearer, startTestApp, TestApp } from './support/test-app';

type Sample = {
  sessionId: string;
  agentId: string;
  inclusionProbability: number;
  weight: number;
  reason: string;
  outcomes: string[];
  reviewed: boolean;
};
type RubricItem = { id: string; code: string; kind: string; maxPoints: number; critical: boolean };

/** The whole QC loop: nightly sample → review → calibration → summary → coaching task → closed with a note → overdue flag. */
describe('quality check loop (e2e)', () => {
  let t: TestApp;
  let f: QcFixture;
  let qc: string;
  let qc2: string;
  let manager: string;
  let supervisor: string;
  let items: Map<string, RubricItem>;
  let rubricV1: string;

  const drawSample = async (sessionDate = QC_SESSION_DATE) => {
    const res = await t.http().post('/qc/samples/run').set(bearer(qc)).send({ sessionDate }).expect(202);
    await t.app.get(JobQueue).settled(res.body.jobId);
    const job = await t.http().get(res.body.statusUrl).set(bearer(qc)).expect(200);
    expect(job.body.status).toBe('completed');
    return (await t.http().get(`/qc/samples?date=${QC_SAMPLE_DATE}`).set(bearer(qc)).expect(200)).body as {
      sessionDate: string;
      seed: string;
      mix: {
        agentId: string;
        candidates: number;
        picked: number;
        byOutcome: Record<string, { population: number; picked: number; expected: number }>;
      }[];
      items: Sample[];
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await seedQcDay(t);
    qc = await t.tokenFor('qc');
    manager = await t.tokenFor('manager');
    supervisor = await t.tokenFor('supervisor');
    await t
      .http()
      .post('/users')
      .set(bearer(manager))
      .send({ username: 'qc2', displayName: '质检二', password: 'password-qc2', role: 'qc' })
      .expect(201);
    qc2 = await t.tokenFor('qc2', 'password-qc2');
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  let sample: Awaited<ReturnType<typeof drawSample>>;

  it('draws N sessions per agent weighted to bad outcomes, all of them for agents with few, reproducibly', async () => {
    sample = await drawSample();
    expect(sample.sessionDate).toBe(QC_SESSION_DATE);
    const own = sample.items.filter((s) => s.agentId === f.agentId);
    expect(own).toHaveLength(15);
    expect(new Set(sample.items.map((s) => s.sessionId)).size).toBe(sample.items.length);
    expect(sample.items.filter((s) => s.agentId === f.teammateId).map((s) => s.reason)).toEqual(Array(5).fill('all'));
    expect(sample.items.filter((s) => s.agentId === f.otherTeamAgentId)).toHaveLength(3);
    // The complained-about and refunded sessions are recognised and weigh more than plain ones.
    const byId = new Map(own.map((s) => [s.sessionId, s]));
    const mix = sample.mix.find((m) => m.agentId === f.agentId)!;
    expect(mix).toMatchObject({ candidates: 30, picked: 15 });
    expect(mix.byOutcome.complaint.population).toBe(1);
    expect(mix.byOutcome.refund.population).toBe(1);
    expect(mix.byOutcome.lowRating.population).toBe(5);
    expect(mix.byOutcome.slowResponse.population).toBe(6);
    const plain = own.filter((s) => !s.outcomes.length);
    const low = own.filter((s) => s.outcomes.includes('lowRating'));
    expect(plain.length).toBeGreaterThan(0);
    expect(low.length).toBeGreaterThan(0);
    expect(Math.min(...low.map((s) => s.inclusionProbability))).toBeGreaterThan(
      Math.max(...plain.map((s) => s.inclusionProbability)),
    );
    expect([...byId.values()].every((s) => s.inclusionProbability > 0 && s.inclusionProbability <= 1)).toBe(true);
    // The night re-run gives the same draw.
    const again = await drawSample();
    expect(again.items.map((s) => s.sessionId)).toEqual(sample.items.map((s) => s.sessionId));
    expect(again.seed).toBe(sample.seed);
  });

  it('keeps the rubric version per review, scores, fails on critical items and raises coaching', async () => {
    const rubrics = (await t.http().get('/qc/rubrics').set(bearer(qc)).expect(200)).body as {
      id: string;
      version: number;
      items: RubricItem[];
    }[];
    expect(rubrics).toHaveLength(1);
    items = new Map(rubrics[0].items.map((i) => [i.code, i]));
    rubricV1 = rubrics[0].id;
    expect(new Set(rubrics[0].items.map((i) => (i as unknown as { category: string }).category))).toEqual(
      new Set(['话术', '平台政策', '工具使用', '流程', '沟通技巧', '销售技能', '服务态度']),
    );
    const target = sample.items.find((s) => s.agentId === f.agentId)!;
    const index = f.agentSessions.indexOf(target.sessionId);
    // A quote that is not in the transcript is refused, naming the field.
    const bad = await t
      .http()
      .post('/qc/reviews')
      .set(bearer(qc))
      .send({
        sessionId: target.sessionId,
        findings: [{ category: '服务态度', severity: 'high', quote: '不存在的话' }],
      })
      .expect(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'findings.0.quote' });
    const outOfRange = await t
      .http()
      .post('/qc/reviews')
      .set(bearer(qc))
      .send({ sessionId: target.sessionId, scores: [{ itemId: items.get('greeting')!.id, points: 11 }] })
      .expect(422);
    expect(outOfRange.body.errors[0]).toMatchObject({ field: 'scores.0.points' });

    const failed = await t
      .http()
      .post('/qc/reviews')
      .set(bearer(qc))
      .send({
        sessionId: target.sessionId,
        scores: [
          { itemId: items.get('rude')!.id, points: 20 },
          { itemId: items.get('policy')!.id, points: 5, comment: '政策解释错误' },
        ],
        comment: '态度生硬',
        findings: [
          { category: '服务态度', severity: 'critical', quote: '七天无理由不包括这个' },
          { category: '平台政策', severity: 'medium', quote: `订单${index}` },
        ],
      })
      .expect(201);
    expect(failed.body).toMatchObject({
      agentId: f.agentId,
      totalScore: 70,
      failed: true,
      status: 'submitted',
      rubricVersionId: rubrics[0].id,
    });
    expect(failed.body.samplingWeight).toBeCloseTo(1 / target.inclusionProbability, 6);
    expect(failed.body.coachingTaskId).toEqual(expect.any(String));
    expect(failed.body.findings).toHaveLength(2);
    // A second reviewer on the same session: calibration shows the per-item spread; no second task.
    const second = await t
      .http()
      .post('/qc/reviews')
      .set(bearer(qc2))
      .send({ sessionId: target.sessionId, scores: [{ itemId: items.get('policy')!.id, points: 12 }] })
      .expect(201);
    expect(second.body).toMatchObject({ totalScore: 97, failed: false, coachingTaskId: null });
    // The same reviewer again: refused in words, in the reader's language (not by the index's name).
    for (const [lang, words] of [
      ['en', 'You have already reviewed this session'],
      ['zh', '你已评审过该会话'],
    ]) {
      const again = await t
        .http()
        .post('/qc/reviews')
        .set(bearer(qc2))
        .set('Accept-Language', lang)
        .send({ sessionId: target.sessionId })
        .expect(409);
      expect(again.body.code).toBe('qc.already-reviewed');
      expect(JSON.stringify(again.body)).toContain(words);
      expect(JSON.stringify(again.body)).not.toContain('qc_reviews');
    }
    const calibration = await t.http().get(`/qc/sessions/${target.sessionId}/calibration`).set(bearer(qc)).expect(200);
    expect(calibration.body.reviews).toHaveLength(2);
    expect(calibration.body.totalSpread).toBe(27);
    expect(calibration.body.items.find((i: { code: string }) => i.code === 'policy')).toMatchObject({
      min: 5,
      max: 12,
      spread: 7,
    });
    expect(calibration.body.items.find((i: { code: string }) => i.code === 'rude')).toMatchObject({ spread: 20 });

    // A new rubric version does not change reviews already made.
    const v2 = await t
      .http()
      .post('/qc/rubrics')
      .set(bearer(qc))
      .send({
        name: 'v2',
        items: [{ code: 'all_ok', category: '流程', title: '流程规范', kind: 'points', maxPoints: 100 }],
      })
      .expect(201);
    expect(v2.body.version).toBe(2);
    const kept = await t.http().get(`/qc/reviews/${failed.body.id}`).set(bearer(qc)).expect(200);
    expect(kept.body.rubricVersionId).toBe(rubrics[0].id);
    // Reviews of the teammate on v2: one fine, one below the threshold (coaching, not a fail).
    const [fine, weak] = f.teammateSessions;
    const ok = await t.http().post('/qc/reviews').set(bearer(qc)).send({ sessionId: fine }).expect(201);
    expect(ok.body).toMatchObject({
      totalScore: 100,
      failed: false,
      coachingTaskId: null,
      rubricVersionId: v2.body.id,
    });
    const low = await t
      .http()
      .post('/qc/reviews')
      .set(bearer(qc))
      .send({
        sessionId: weak,
        scores: [{ itemId: v2.body.items[0].id, points: 60 }],
        findings: [{ category: '流程', severity: 'low', quote: transcriptOf(1).split('\n')[1] }],
      })
      .expect(201);
    expect(low.body).toMatchObject({ totalScore: 60, failed: false, coachingTaskId: expect.any(String) });
  });

  it('summarises the day per team for the supervisor, raw and sampling-weighted', async () => {
    // Two more of the agent's sampled sessions: a plain one (drawn with a low probability) at 100
    // and a low-rated one (drawn with a high probability) at 90; neither raises coaching.
    const target = sample.items.find((s) => s.agentId === f.agentId)!;
    const plain = sample.items.find((s) => s.agentId === f.agentId && s !== target && !s.outcomes.length)!;
    const low = sample.items.find((s) => s.agentId === f.agentId && s !== target && s.outcomes.includes('lowRating'))!;
    await t
      .http()
      .post('/qc/reviews')
      .set(bearer(qc))
      .send({ sessionId: plain.sessionId, rubricVersionId: rubricV1 })
      .expect(201);
    await t
      .http()
      .post('/qc/reviews')
      .set(bearer(qc))
      .send({
        sessionId: low.sessionId,
        rubricVersionId: rubricV1,
        scores: [{ itemId: items.get('slow_reply')!.id, points: 10 }],
      })
      .expect(201);
    const scored = [
      { score: 83.5, pi: target.inclusionProbability },
      { score: 100, pi: plain.inclusionProbability },
      { score: 90, pi: low.inclusionProbability },
    ];
    const weighted = scored.reduce((s, x) => s + x.score / x.pi, 0) / scored.reduce((s, x) => s + 1 / x.pi, 0);

    const res = await t
      .http()
      .get(`/qc/summary?date=${QC_SESSION_DATE}&team=${f.teamId}`)
      .set(bearer(supervisor))
      .expect(200);
    expect(res.body.teams).toHaveLength(1);
    const team = res.body.teams[0];
    expect(team).toMatchObject({ teamId: f.teamId, sessionsReviewed: 5, fails: 1 });
    const agent = team.agents.find((a: { agentId: string }) => a.agentId === f.agentId);
    // Two reviews of one session are averaged first: (70 + 97) / 2 = 83.5.
    expect(agent).toMatchObject({ sessionsReviewed: 3, reviews: 4, fails: 1 });
    expect(agent.meanScore).toBeCloseTo((83.5 + 100 + 90) / 3, 2);
    expect(agent.weightedMeanScore).toBeCloseTo(weighted, 2);
    expect(agent.weightedMeanScore).toBeGreaterThan(agent.meanScore);
    const mate = team.agents.find((a: { agentId: string }) => a.agentId === f.teammateId);
    expect(mate).toMatchObject({ sessionsReviewed: 2, meanScore: 80, weightedMeanScore: 80, fails: 0 });
    expect(team.meanScore).toBeCloseTo((83.5 + 100 + 90 + 100 + 60) / 5, 2);
    expect(team.topFindings[0]).toMatchObject({ count: 1 });
    expect(team.topFindings.map((x: { category: string }) => x.category).sort()).toEqual(
      ['平台政策', '服务态度', '流程'].sort(),
    );
    // The same day without a team filter, for QC: the other team has no reviews, so only this team.
    const all = await t.http().get(`/qc/summary?date=${QC_SESSION_DATE}`).set(bearer(qc)).expect(200);
    expect(all.body.teams.map((x: { teamId: string }) => x.teamId)).toEqual([f.teamId]);
    // Another day has nothing.
    expect(
      (await t.http().get(`/qc/summary?date=2026-11-24&team=${f.teamId}`).set(bearer(supervisor)).expect(200)).body
        .teams,
    ).toEqual([]);
  });

  it('assigns coaching to the supervisor, who closes it only with a note; overdue tasks are flagged', async () => {
    const list = await t.http().get('/qc/coaching-tasks?status=open').set(bearer(supervisor)).expect(200);
    expect(list.body.total).toBe(2);
    const task = list.body.items.find((x: { agentId: string }) => x.agentId === f.agentId);
    expect(task).toMatchObject({ reason: 'failed', status: 'open', teamId: f.teamId, overdue: false });
    expect(task.supervisorAgentId).toEqual(expect.any(String));
    expect(task.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The agent sees their own task only.
    const mine = await t
      .http()
      .get('/qc/coaching-tasks')
      .set(bearer(await t.tokenFor('agent')))
      .expect(200);
    expect(mine.body.items.map((x: { agentId: string }) => x.agentId)).toEqual([f.agentId]);

    // Nightly overdue flag: a night after the due date flags both; re-running changes nothing.
    const night = async (date: string) => {
      const run = await t.http().post('/jobs/qc.coaching-overdue/run').set(bearer(manager)).send({ date }).expect(202);
      await t.app.get(JobQueue).settled(run.body.jobId);
      return (await t.http().get(run.body.statusUrl).set(bearer(manager)).expect(200)).body;
    };
    expect((await night('2099-01-01')).result).toMatchObject({ flagged: 2, overdue: 2 });
    expect((await night('2099-01-01')).result).toMatchObject({ flagged: 0, overdue: 2 });
    expect((await t.http().get('/qc/coaching-tasks?overdue=true').set(bearer(manager)).expect(200)).body.total).toBe(2);

    await t.http().post(`/qc/coaching-tasks/${task.id}/close`).set(bearer(supervisor)).send({}).expect(400);
    const blank = await t
      .http()
      .post(`/qc/coaching-tasks/${task.id}/close`)
      .set(bearer(supervisor))
      .send({ note: '   ' })
      .expect(400);
    expect(blank.body.errors[0].field).toBe('note');
    await t
      .http()
      .post(`/qc/coaching-tasks/${task.id}/close`)
      .set(bearer(manager))
      .send({ note: '经理代为关闭' })
      .expect(403);
    const closed = await t
      .http()
      .post(`/qc/coaching-tasks/${task.id}/close`)
      .set(bearer(supervisor))
      .send({ note: '已复盘话术与退款政策' })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'done', note: '已复盘话术与退款政策', overdue: false });
    expect(closed.body.closedAt).toEqual(expect.any(String));
    await t
      .http()
      .post(`/qc/coaching-tasks/${task.id}/close`)
      .set(bearer(supervisor))
      .send({ note: '再次关闭这个任务' })
      .expect(409);
    expect((await night('2099-01-01')).result).toMatchObject({ overdue: 1 });
  });

  it('re-drawing the day keeps reviewed samples and never re-samples a session', async () => {
    await t.http().put('/qc/settings').set(bearer(manager)).send({ samplesPerAgent: 12 }).expect(200);
    const redrawn = await drawSample();
    const own = redrawn.items.filter((s) => s.agentId === f.agentId);
    expect(own).toHaveLength(12);
    const reviewed = sample.items.find((s) => s.agentId === f.agentId)!;
    expect(own.find((s) => s.sessionId === reviewed.sessionId)).toMatchObject({ reviewed: true });
    const sql = t.app.get(Db).client;
    const [{ n, distinct }] = await sql<
      { n: number; distinct: number }[]
    >`select count(*)::int as n, count(distinct session_id)::int as distinct from qc_samples where shop_id = ${t.demoShopId}`;
    expect(n).toBe(distinct);
    // A later day has no sessions of its own; nothing of 2026-11-25 is drawn again.
    const next = await t.http().post('/qc/samples/run').set(bearer(qc)).send({ sessionDate: '2026-11-26' }).expect(202);
    await t.app.get(JobQueue).settled(next.body.jobId);
    expect((await t.http().get('/qc/samples?date=2026-11-27').set(bearer(qc)).expect(200)).body.items).toEqual([]);
    // A day whose edges leave the calendar is refused at once, never accepted as a job that can only fail.
    for (const sessionDate of ['9999-12-31', '0001-01-01']) {
      const far = await t
        .http()
        .post('/qc/samples/run')
        .set({ ...bearer(qc), 'Accept-Language': 'en' })
        .send({ sessionDate })
        .expect(400);
      expect(far.body.errors).toEqual([
        expect.objectContaining({ field: 'sessionDate', message: 'must be between 1900-01-01 and 2199-12-31' }),
      ]);
    }
  });
});
