import { JobQueue } from 'src/platform/jobs/job-queue';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { bearer, TestApp } from './support/test-app';

const WEEK = '2026-11-30';
/** Far longer than the test waits: only a stop lets the job finish in time. */
const LIMIT_SECONDS = 300;

describe('stopping a running roster solve (e2e)', () => {
  let t: TestApp;
  let other: SecondShop;
  let manager: string;

  beforeAll(async () => {
    ({ t, manager, other } = await startTestAppWithSecondShop());
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const statusOf = async (id: string) =>
    (await t.http().get(`/rosters/${id}`).set(bearer(manager)).expect(200)).body.status as string;

  it('stops on request and keeps the best roster so far; others may not stop it', async () => {
    const created = await t
      .http()
      .post('/rosters')
      .set(bearer(manager))
      .send({
        weekStart: WEEK,
        timeLimitSeconds: LIMIT_SECONDS,
        demand: 'day-cover',
        dayCover: [
          { shiftTemplate: 'E', required: 5 },
          { shiftTemplate: 'L', required: 4 },
        ],
      })
      .expect(202);
    const id = created.body.rosterId as string;
    const deadline = Date.now() + 30_000;
    while ((await statusOf(id)) !== 'running' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await statusOf(id)).toBe('running');

    await t
      .http()
      .post(`/rosters/${id}/stop`)
      .set(bearer(await t.tokenFor('supervisor')))
      .expect(403);
    await t
      .http()
      .post(`/rosters/${id}/stop`)
      .set(bearer(await t.tokenFor('hr')))
      .expect(403);
    await t
      .http()
      .post(`/rosters/${id}/stop`)
      .set(bearer(await t.tokenFor('agent')))
      .expect(403);
    await t.http().post(`/rosters/${id}/stop`).set(bearer(other.managerToken)).expect(404);
    await t.http().post(`/rosters/${id}/stop`).expect(401);
    expect(await statusOf(id)).toBe('running');

    const asked = Date.now();
    const stopped = await t.http().post(`/rosters/${id}/stop`).set(bearer(manager)).expect(202);
    expect(stopped.body).toMatchObject({ id, status: 'running' });
    expect(new Date(stopped.body.stopRequestedAt).getTime()).toBeGreaterThan(asked - 60_000);
    await t.app.get(JobQueue).settled(created.body.jobId, 30_000);

    const roster = (await t.http().get(`/rosters/${id}`).set(bearer(manager)).expect(200)).body;
    expect(roster.status).toBe('completed');
    expect(roster.solve.stoppedBy).toBe('aborted');
    expect(roster.solve.seconds).toBeLessThan(LIMIT_SECONDS);
    expect(roster.violations).toEqual([]);
    const shifts = (roster.agents as { days: { shift: unknown }[] }[])
      .flatMap((a) => a.days)
      .filter((d) => d.shift !== null);
    expect(shifts.length).toBeGreaterThan(0);

    const again = await t
      .http()
      .post(`/rosters/${id}/stop`)
      .set(bearer(manager))
      .set('Accept-Language', 'en')
      .expect(409);
    expect(again.body.detail).toBe('The roster is solved; only a running solve can be stopped');
    expect(again.body).toMatchObject({ status: 409, code: 'roster.not-running', state: 'completed' });
    await t.http().post('/rosters/00000000-0000-4000-8000-000000000000/stop').set(bearer(manager)).expect(404);
  });
});
