import { JobQueue } from 'src/platform/jobs/job-queue';
import { demoCalendar } from './support/demo-calendar';
import { demoAppPerFile } from './support/demo-database';
import { bearer } from './support/test-app';

/** The QC inspector on a fresh demo, alone: the default rubric, past reviews, and a day's sample reviewed. */
describe('first day: QC inspector (e2e, seeded demo)', () => {
  const demo = demoAppPerFile();
  const day = demoCalendar();

  it('finds the default rubric and last week’s reviews with their summary', async () => {
    const qc = await demo.t.tokenFor('qc');
    const rubrics = (await demo.t.http().get('/qc/rubrics').set(bearer(qc)).expect(200)).body as {
      active: boolean;
      items: unknown[];
    }[];
    expect(rubrics.filter((r) => r.active)).toHaveLength(1);
    expect(rubrics[0].items.length).toBeGreaterThan(5);
    const reviews = (await demo.t.http().get('/qc/reviews?limit=500').set(bearer(qc)).expect(200)).body;
    expect(reviews.total).toBeGreaterThanOrEqual(50);
    expect(reviews.items.some((r: { coachingTaskId: string | null }) => r.coachingTaskId)).toBe(true);
  });

  it('draws yesterday’s sample and reviews a sampled session', async () => {
    const qc = await demo.t.tokenFor('qc');
    const run = await demo.t
      .http()
      .post('/qc/samples/run')
      .set(bearer(qc))
      .send({ sessionDate: day.yesterday })
      .expect(202);
    await demo.t.app.get(JobQueue).settled(run.body.jobId, 120_000);
    const samples = (await demo.t.http().get(`/qc/samples?date=${day.today}`).set(bearer(qc)).expect(200)).body as {
      items: { sessionId: string; reviewed: boolean }[];
    };
    expect(samples.items.length).toBeGreaterThan(10);
    // The demo reviewed each agent's latest session before today: drawn again, it shows as reviewed.
    const demoReviewed = new Set(
      (
        (await demo.t.http().get('/qc/reviews?limit=500').set(bearer(qc)).expect(200)).body.items as {
          sessionId: string;
        }[]
      ).map((r) => r.sessionId),
    );
    for (const s of samples.items) expect(s.reviewed).toBe(demoReviewed.has(s.sessionId));
    const target = samples.items.find((s) => !s.reviewed)!;
    const review = await demo.t
      .http()
      .post('/qc/reviews')
      .set(bearer(qc))
      .send({ sessionId: target.sessionId })
      .expect(201);
    expect(review.body.totalScore).toBe(100);
    const summary = (await demo.t.http().get(`/qc/summary?date=${day.yesterday}`).set(bearer(qc)).expect(200)).body;
    expect(summary.teams.length).toBeGreaterThan(0);
  }, 180_000);
});
