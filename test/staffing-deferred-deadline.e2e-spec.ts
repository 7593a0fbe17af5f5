import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { bearer, startTestApp, TestApp } from './support/test-app';

const ZONE = 'Asia/Shanghai';
type Item = { rawAgents: number; positions: number };

/**
 * A deferred deadline counts exactly in minutes: the items of a slot count as arriving at its
 * start and are due that long after it, also when that is not a whole number of slots.
 */
describe('staffing: deferred deadlines that are not whole slots (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let reviewsQueue: string;
  let reviewsForecast: string;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.tokenFor('manager');
    const queues = (await t.http().get('/queues').set(bearer(manager)).expect(200)).body as {
      id: string;
      code: string;
    }[];
    reviewsQueue = queues.find((q) => q.code === 'reviews')!.id;
    // Four weeks of a daytime pattern for the review replies (a deferred queue, deadline 24 h).
    await t.app.get(Db)
      .client`INSERT INTO volume_slots (shop_id, queue_id, slot_start, slot_minutes, offered, handled, abandoned)
      SELECT ${t.demoShopId}, ${reviewsQueue}, g, 30, v, v, 0 FROM (
        SELECT g, CASE WHEN extract(hour FROM g AT TIME ZONE ${ZONE}) < 8 THEN 0 ELSE (5 + 2 * extract(hour FROM g AT TIME ZONE ${ZONE}))::int END AS v
        FROM generate_series('2026-10-25T16:00:00Z'::timestamptz, '2026-11-22T15:30:00Z'::timestamptz, interval '30 minutes') g) s`;
    const res = await t
      .http()
      .post('/forecasts')
      .set(bearer(manager))
      .send({ queueIds: [reviewsQueue], from: '2026-11-23', weeks: 1, method: 'weekday-mean' })
      .expect(202);
    await t.app.get(JobQueue).settled(res.body.forecasts[0].jobId);
    reviewsForecast = res.body.forecasts[0].forecastId;
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const requirements = async () =>
    (
      await t
        .http()
        .get(`/staffing/requirements?forecast=${reviewsForecast}&from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z`)
        .set(bearer(manager))
        .expect(200)
    ).body;

  it('counts a what-if deadline exactly in minutes, not in whole slots', async () => {
    const whatIf = async (body: object) =>
      (await t.http().post('/staffing/what-if').set(bearer(manager)).send(body).expect(200)).body;
    // The docs' example with 45 minutes (hand-computed in deferred-deadline.spec.ts): items of a
    // slot count from its start, so the burst of 30 × 600 s is due 2,700 s later: 6⅔ → 7 agents
    // (rounded down to one slot it was 10); with 6, 3 items late, the last by 300 s.
    const example = await whatIf({
      kind: 'deferred',
      contacts: [30, 10, 0, 0, 20, 0, 0, 0],
      slotMinutes: 30,
      handleSeconds: 600,
      deadlineMinutes: 45,
      shrinkage: 0.25,
    });
    expect(example).toMatchObject({ deadlineMinutes: 45, deadlineSlots: 1.5, peakAgents: 7, fluidPeak: 6.6667 });
    expect(example.items.map((i: Item) => i.rawAgents)).toEqual([7, 7, 0, 0, 7, 0, 0, 0]);
    expect(example.items.map((i: Item) => i.positions)).toEqual([10, 10, 0, 0, 10, 0, 0, 0]);
    expect(example.spilloverAgents).toEqual([0]);
    expect(example.oneFewer).toEqual({
      agents: 6,
      lateItems: 3,
      maxHoursLate: 0.0833,
      lateItemHours: 0.125,
      unfinishedItems: 0,
      finishedAfterHours: 2.5556,
    });
    // 9 items of 600 s due at 09:45 for 09:00: both agents are needed in the second slot too.
    const nine = await whatIf({
      kind: 'deferred',
      contacts: [9, 0],
      slotMinutes: 30,
      handleSeconds: 600,
      deadlineMinutes: 45,
    });
    expect(nine.items.map((i: Item) => i.rawAgents)).toEqual([2, 2]);
    expect(nine.oneFewer).toEqual({
      agents: 1,
      lateItems: 4.5,
      maxHoursLate: 0.75,
      lateItemHours: 1.6875,
      unfinishedItems: 0,
      finishedAfterHours: 1.5,
    });
    // Shorter than a slot: 10 minutes on 15-minute slots, 3 items of 300 s due 600 s after the slot starts.
    const short = await whatIf({
      kind: 'deferred',
      contacts: [3, 0, 2],
      slotMinutes: 15,
      handleSeconds: 300,
      deadlineMinutes: 10,
    });
    expect(short).toMatchObject({ deadlineMinutes: 10, deadlineSlots: 0.6667, peakAgents: 2, spilloverAgents: [] });
    expect(short.items.map((i: Item) => i.rawAgents)).toEqual([2, 0, 1]);
    expect(short.oneFewer).toEqual({
      agents: 1,
      lateItems: 1,
      maxHoursLate: 0.0833,
      lateItemHours: 0.0417,
      unfinishedItems: 0,
      finishedAfterHours: 0.6667,
    });
  });

  it("counts a stored queue's deadline the same way in its requirements", async () => {
    const day = await requirements();
    expect(day).toMatchObject({ deadlineMinutes: 24 * 60, deadlineSlots: 48 });
    await t.http().patch(`/queues/${reviewsQueue}`).set(bearer(manager)).send({ deadlineMinutes: 45 }).expect(200);
    const tight = await requirements();
    expect(tight).toMatchObject({ deadlineMinutes: 45, deadlineSlots: 1.5, spilloverAgents: [0] });
    // The same volume in what-if gives the same figures, between those of 30 and 60 minutes.
    const queue = (await t.http().get(`/queues/${reviewsQueue}`).set(bearer(manager)).expect(200)).body;
    const whatIf = async (deadlineMinutes: number) =>
      (
        await t
          .http()
          .post('/staffing/what-if')
          .set(bearer(manager))
          .send({
            kind: 'deferred',
            contacts: tight.items.map((i: { contacts: number }) => i.contacts),
            slotMinutes: 30,
            handleSeconds: queue.defaultHandleSeconds,
            deadlineMinutes,
            shrinkage: tight.shrinkage,
          })
          .expect(200)
      ).body;
    const same = await whatIf(45);
    expect(same.items.map((i: Item) => i.rawAgents)).toEqual(tight.items.map((i: Item) => i.rawAgents));
    expect(same.items.map((i: Item) => i.positions)).toEqual(tight.items.map((i: Item) => i.positions));
    expect(same.oneFewer).toEqual(tight.oneFewer);
    expect(tight.peakAgents).toBeGreaterThan(0);
    expect((await whatIf(30)).peakAgents).toBeGreaterThanOrEqual(tight.peakAgents);
    expect((await whatIf(60)).peakAgents).toBeLessThanOrEqual(tight.peakAgents);
  });
});
