import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { createSecondShop } from './support/second-shop';
import { bearer, startTestApp, TestApp } from './support/test-app';

const ZONE = 'Asia/Shanghai';
type Item = {
  start: string;
  contacts: number;
  rawAgents: number;
  positions: number;
  serviceLevel: number | null;
  occupancy: number | null;
  parallelChats: number | null;
  stable: boolean;
};

describe('staffing: requirements per slot and what-if (e2e)', () => {
  let t: TestApp;
  let manager: string;
  const queueIds: Record<string, string> = {};
  const forecastOf: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.tokenFor('manager');
    const sql = t.app.get(Db).client;
    for (const q of (await t.http().get('/queues').set(bearer(manager)).expect(200)).body as {
      id: string;
      code: string;
    }[])
      queueIds[q.code] = q.id;
    // Four weeks of a daytime pattern for a chat, a phone and a deferred queue.
    for (const [code, scale] of [
      ['presales_chat', 3],
      ['hotline', 1],
      ['reviews', 1],
    ] as const) {
      await sql`INSERT INTO volume_slots (shop_id, queue_id, slot_start, slot_minutes, offered, handled, abandoned)
        SELECT ${t.demoShopId}, ${queueIds[code]}, g, 30, v, v, 0 FROM (
          SELECT g, CASE WHEN extract(hour FROM g AT TIME ZONE ${ZONE}) < 8 THEN 0 ELSE (${scale} * (5 + 2 * extract(hour FROM g AT TIME ZONE ${ZONE})))::int END AS v
          FROM generate_series('2026-10-25T16:00:00Z'::timestamptz, '2026-11-22T15:30:00Z'::timestamptz, interval '30 minutes') g) s`;
    }
    const res = await t
      .http()
      .post('/forecasts')
      .set(bearer(manager))
      .send({
        queueIds: ['presales_chat', 'hotline', 'reviews'].map((c) => queueIds[c]),
        from: '2026-11-23',
        weeks: 1,
        method: 'weekday-mean',
      })
      .expect(202);
    await Promise.all(res.body.forecasts.map((f: { jobId: string }) => t.app.get(JobQueue).settled(f.jobId)));
    for (const f of res.body.forecasts as { forecastId: string; queueId: string }[])
      forecastOf[Object.keys(queueIds).find((c) => queueIds[c] === f.queueId)!] = f.forecastId;
    await t
      .http()
      .patch(`/shops/${t.demoShopId}`)
      .set(bearer(manager))
      .send({ settings: { shrinkage: 0.25 } })
      .expect(200);
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const requirements = async (code: string, token = manager) =>
    (
      await t
        .http()
        .get(`/staffing/requirements?forecast=${forecastOf[code]}&from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z`)
        .set(bearer(token))
        .expect(200)
    ).body;

  it('staffs a chat queue per slot: more volume, more agents; the target met; capacity agents × concurrency', async () => {
    const body = await requirements('presales_chat');
    expect(body).toMatchObject({
      kind: 'realtime',
      model: 'erlang-a',
      shrinkage: 0.25,
      target: { answerWithinSeconds: 30, serviceLevel: 0.8 },
    });
    const items = body.items as Item[];
    expect(items).toHaveLength(48);
    const busy = items.filter((i) => i.contacts > 0);
    expect(busy.length).toBeGreaterThan(20);
    for (const i of busy) {
      expect(i.serviceLevel).toBeGreaterThanOrEqual(0.8);
      expect(i.positions).toBe(Math.ceil(i.rawAgents / (1 - 0.25)));
      expect(i.parallelChats).toBe(i.rawAgents * 4);
    }
    const sorted = [...busy].sort((a, b) => a.contacts - b.contacts);
    expect(sorted[sorted.length - 1].rawAgents).toBeGreaterThan(sorted[0].rawAgents);
    for (let k = 1; k < sorted.length; k++) expect(sorted[k].rawAgents).toBeGreaterThanOrEqual(sorted[k - 1].rawAgents);
  });

  it('staffs a phone queue with Erlang A and a deferred queue by its deadline', async () => {
    const phone = await requirements('hotline');
    expect(phone.model).toBe('erlang-a');
    expect((phone.items as Item[]).every((i) => i.parallelChats === null)).toBe(true);
    const reviews = await requirements('reviews');
    expect(reviews.model).toBe('deferred');
    const agents = (reviews.items as Item[]).map((i) => i.rawAgents);
    expect(Math.max(...agents)).toBe(reviews.peakAgents);
    expect(agents.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('answers what-if questions without storing anything', async () => {
    const base = {
      contacts: [200],
      slotMinutes: 30,
      handleSeconds: 240,
      patienceSeconds: 120,
      target: { answerWithinSeconds: 20, serviceLevel: 0.8 },
    };
    const needed = await t.http().post('/staffing/what-if').set(bearer(manager)).send(base).expect(200);
    expect(needed.body).toMatchObject({ model: 'erlang-a', mode: 'required' });
    const n = needed.body.items[0].rawAgents;
    const fewer = await t
      .http()
      .post('/staffing/what-if')
      .set(bearer(manager))
      .send({ ...base, agents: n - 3 })
      .expect(200);
    expect(fewer.body.mode).toBe('projected');
    expect(fewer.body.items[0].serviceLevel).toBeLessThan(needed.body.items[0].serviceLevel);
    const chat = await t
      .http()
      .post('/staffing/what-if')
      .set(bearer(manager))
      .send({ ...base, chat: { concurrency: 3 } })
      .expect(200);
    expect(chat.body.items[0].rawAgents).toBeLessThan(n);
    const noTarget = await t
      .http()
      .post('/staffing/what-if')
      .set(bearer(manager))
      .send({ ...base, target: { answerWithinSeconds: 20 } })
      .expect(400);
    expect(noTarget.body.errors[0].field).toBe('target');
    await t
      .http()
      .post('/staffing/what-if')
      .set(bearer(manager))
      .send({ ...base, contacts: [] })
      .expect(400);
  });

  it('answers what-if questions for deferred work: agents per slot by the deadline, hours late with one fewer', async () => {
    // The staffing docs' example (hand-computed in deferred-lateness.spec.ts): peak 3; with 2,
    // 28 items late, the worst by an hour, 11 2/3 item-hours in all, the last done after 5 h.
    const body = {
      kind: 'deferred',
      contacts: [30, 10, 0, 0, 20, 0, 0, 0],
      slotMinutes: 30,
      handleSeconds: 600,
      deadlineMinutes: 120,
      shrinkage: 0.25,
    };
    const needed = await t.http().post('/staffing/what-if').set(bearer(manager)).send(body).expect(200);
    expect(needed.body).toMatchObject({
      model: 'deferred',
      mode: 'required',
      deadlineSlots: 4,
      peakAgents: 3,
      spilloverAgents: [0, 0, 0],
    });
    expect(needed.body.items.map((i: Item) => i.rawAgents)).toEqual([3, 3, 3, 3, 3, 3, 2, 0]);
    expect(needed.body.items.map((i: Item) => i.positions)).toEqual([4, 4, 4, 4, 4, 4, 3, 0]);
    expect(needed.body.oneFewer).toEqual({
      agents: 2,
      lateItems: 28,
      maxHoursLate: 1,
      lateItemHours: 11.6667,
      unfinishedItems: 0,
      finishedAfterHours: 5,
    });
    const projected = await t
      .http()
      .post('/staffing/what-if')
      .set(bearer(manager))
      .send({ ...body, agents: 3 })
      .expect(200);
    expect(projected.body).toMatchObject({
      mode: 'projected',
      projected: { agents: 3, lateItems: 0, maxHoursLate: 0 },
    });
    const none = await t
      .http()
      .post('/staffing/what-if')
      .set(bearer(manager))
      .send({ ...body, agents: 0 })
      .expect(200);
    expect(none.body.projected).toMatchObject({ agents: 0, lateItems: 60, maxHoursLate: null, unfinishedItems: 60 });
    // Fields of the other kind and a missing handle time are named.
    const mixed = await t
      .http()
      .post('/staffing/what-if')
      .set(bearer(manager))
      .send({ ...body, target: { answerWithinSeconds: 20, serviceLevel: 0.8 } })
      .expect(400);
    expect(mixed.body.errors.map((e: { field: string }) => e.field)).toEqual(['target']);
    const { handleSeconds: _h, ...noHandle } = body;
    const missing = await t.http().post('/staffing/what-if').set(bearer(manager)).send(noHandle).expect(400);
    expect(missing.body.errors[0].field).toBe('handleSeconds');
    // The stored deferred queue's requirements carry the same lateness figure.
    const reviews = await requirements('reviews');
    expect(reviews.oneFewer).toMatchObject({ agents: reviews.peakAgents - 1 });
    expect(reviews.oneFewer.lateItems).toBeGreaterThan(0);
  });

  it('prices a chat queue with its own measured slowdown table, in requirements and what-if', async () => {
    const before = await requirements('presales_chat');
    expect(before.chat).toEqual({ concurrency: 4, slowdownFactor: 1.45, source: 'shop' });
    await t
      .http()
      .patch(`/queues/${queueIds.presales_chat}`)
      .set(bearer(manager))
      .send({ chatSlowdown: [1, 1.2, 1.5, 2] })
      .expect(200);
    const after = await requirements('presales_chat');
    expect(after.chat).toEqual({ concurrency: 4, slowdownFactor: 2, source: 'queue', table: [1, 1.2, 1.5, 2] });
    const busy = (after.items as (Item & { offeredLoad: number })[]).findIndex((i) => i.contacts > 0);
    // The queue's handle time alone is 420 s; at 4 chats the table says twice that.
    expect(after.items[busy].offeredLoad).toBeCloseTo((after.items[busy].contacts * 420 * 2) / 1800, 3);
    expect(after.items[busy].rawAgents).toBeGreaterThan(before.items[busy].rawAgents);
    // What-if: the same table inline, or by naming the queue, gives the same answer.
    const base = {
      contacts: [after.items[busy].contacts],
      handleSeconds: 420,
      patienceSeconds: 180,
      target: { answerWithinSeconds: 30, serviceLevel: 0.8 },
    };
    const inline = await t
      .http()
      .post('/staffing/what-if')
      .set(bearer(manager))
      .send({ ...base, chat: { concurrency: 4, slowdownByConcurrency: [1, 1.2, 1.5, 2] } })
      .expect(200);
    const named = await t
      .http()
      .post('/staffing/what-if')
      .set(bearer(manager))
      .send({ ...base, chat: { concurrency: 4, queue: queueIds.presales_chat } })
      .expect(200);
    expect(inline.body.items[0].rawAgents).toBe(after.items[busy].rawAgents);
    expect(named.body.items[0]).toEqual(inline.body.items[0]);
    expect(named.body.chat).toMatchObject({ concurrency: 4, slowdownFactor: 2, source: 'queue' });
    expect(inline.body.chat).toMatchObject({ slowdownFactor: 2, source: 'request' });
    const lower = await t
      .http()
      .post('/staffing/what-if')
      .set(bearer(manager))
      .send({ ...base, chat: { concurrency: 2, queue: queueIds.presales_chat } })
      .expect(200);
    expect(lower.body.chat.slowdownFactor).toBe(1.2);
    // A table shorter than the concurrency asked, two slowdowns at once, a falling table: named 400s.
    const short = await t
      .http()
      .post('/staffing/what-if')
      .set(bearer(manager))
      .send({ ...base, chat: { concurrency: 5, queue: queueIds.presales_chat } })
      .expect(400);
    expect(short.body.errors[0].field).toBe('chat.concurrency');
    const both = await t
      .http()
      .post('/staffing/what-if')
      .set(bearer(manager))
      .send({ ...base, chat: { concurrency: 2, slowdownPerExtraChat: 0.1, slowdownByConcurrency: [1, 1.1] } })
      .expect(400);
    expect(both.body.errors[0].field).toBe('chat.slowdownByConcurrency');
    const falling = await t
      .http()
      .post('/staffing/what-if')
      .set(bearer(manager))
      .set('Accept-Language', 'en')
      .send({ ...base, chat: { concurrency: 3, slowdownByConcurrency: [1, 1.3, 1.2] } })
      .expect(400);
    expect(falling.body.errors).toEqual([
      expect.objectContaining({
        field: 'chat.slowdownByConcurrency.2',
        message: 'must not be below the factor at 2 chats (1.3)',
      }),
    ]);
    const other = await createSecondShop(t, 'whatif');
    await t
      .http()
      .post('/staffing/what-if')
      .set(bearer(other.managerToken))
      .send({ ...base, chat: { concurrency: 2, queue: queueIds.presales_chat } })
      .expect(404);

    // A queue file raising the concurrency past the table: requirements say so instead of guessing.
    const presales = (await t.http().get(`/queues/${queueIds.presales_chat}`).set(bearer(manager)).expect(200)).body;
    const row = {
      code: 'presales_chat',
      name: presales.name,
      channel: 'chat',
      kind: 'realtime',
      chatConcurrency: 5,
      defaultHandleSeconds: 420,
      patienceSeconds: 180,
      requiredSkill: 'pre_sales',
    };
    await t
      .http()
      .post('/imports/queues')
      .set(bearer(manager))
      .send({ rows: [row] })
      .expect(200);
    const refused = await t
      .http()
      .get(`/staffing/requirements?forecast=${forecastOf.presales_chat}`)
      .set(bearer(manager))
      .set('Accept-Language', 'en')
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'staffing.slowdown-table-short' });
    expect(refused.body.detail).toContain('up to 4 chats at once, but the queue serves 5');
    await t
      .http()
      .patch(`/queues/${queueIds.presales_chat}`)
      .set(bearer(manager))
      .send({ chatConcurrency: 4, chatSlowdown: null })
      .expect(200);
    expect((await requirements('presales_chat')).chat.source).toBe('shop');
  });

  it('keeps requirements to planning roles and to the own shop', async () => {
    for (const role of ['agent', 'hr', 'qc']) {
      await t
        .http()
        .get(`/staffing/requirements?forecast=${forecastOf.hotline}`)
        .set(bearer(await t.tokenFor(role)))
        .expect(403);
      await t
        .http()
        .post('/staffing/what-if')
        .set(bearer(await t.tokenFor(role)))
        .send({})
        .expect(403);
    }
    const other = await createSecondShop(t);
    await t
      .http()
      .get(`/staffing/requirements?forecast=${forecastOf.hotline}`)
      .set(bearer(other.managerToken))
      .expect(404);
    const wrongQueue = await t
      .http()
      .get(`/staffing/requirements?forecast=${forecastOf.hotline}&queue=${queueIds.reviews}`)
      .set(bearer(manager))
      .expect(400);
    expect(wrongQueue.body.errors[0].field).toBe('queue');
    await t.http().get('/staffing/requirements').set(bearer(manager)).expect(400);
  });
});
