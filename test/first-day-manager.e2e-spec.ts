import { JobQueue } from 'src/platform/jobs/job-queue';
import { demoCalendar } from './support/demo-calendar';
import { demoAppPerFile } from './support/demo-database';
import { bearer } from './support/test-app';

type AgentRow = { agentId: string; days: { date: string; shift: { code: string } | null }[] };

/** The manager on a fresh demo, alone: next week's roster from forecast demand straight away; all queues forecast at once. */
describe('first day: manager (e2e, seeded demo)', () => {
  const demo = demoAppPerFile();
  const day = demoCalendar();

  it('generates and publishes next week’s roster from forecast demand with no forecast made by hand', async () => {
    const manager = await demo.t.tokenFor('manager');
    const created = await demo.t
      .http()
      .post('/rosters')
      .set(bearer(manager))
      .send({ weekStart: day.nextMonday, timeLimitSeconds: 3, demand: 'forecast' })
      .expect(202);
    await demo.t.app.get(JobQueue).settled(created.body.jobId, 300_000);
    const roster = (await demo.t.http().get(`/rosters/${created.body.rosterId}`).set(bearer(manager)).expect(200)).body;
    expect(roster.status).toBe('completed');
    const worked = (roster.agents as AgentRow[]).flatMap((a) => a.days.filter((d) => d.shift));
    expect(worked.length).toBeGreaterThan(100);
    await demo.t.http().post(`/rosters/${created.body.rosterId}/publish`).set(bearer(manager)).send({}).expect(200);
    // This week's roster came published with the demo.
    const thisWeek = (await demo.t.http().get(`/rosters?week=${day.thisMonday}`).set(bearer(manager)).expect(200)).body;
    expect(thisWeek.total).toBe(1);
  }, 300_000);

  it('forecasts every active queue in one request', async () => {
    const manager = await demo.t.tokenFor('manager');
    const queues = (await demo.t.http().get('/queues').set(bearer(manager)).expect(200)).body as {
      id: string;
      active: boolean;
    }[];
    const res = await demo.t.http().post('/forecasts').set(bearer(manager)).send({ weeks: 1 }).expect(202);
    expect(res.body.forecasts.map((f: { queueId: string }) => f.queueId).sort()).toEqual(
      queues
        .filter((q) => q.active)
        .map((q) => q.id)
        .sort(),
    );
    for (const f of res.body.forecasts) await demo.t.app.get(JobQueue).settled(f.jobId, 300_000);
    for (const f of res.body.forecasts)
      expect((await demo.t.http().get(`/forecasts/${f.forecastId}`).set(bearer(manager)).expect(200)).body.status).toBe(
        'completed',
      );
  }, 300_000);
});
