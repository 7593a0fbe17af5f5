import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { bearer, TestApp } from './support/test-app';

type Call = { method: 'get' | 'post' | 'patch' | 'delete'; path: string; body?: Record<string, unknown> };

/** Who may call the forecast routes, shop isolation, and input checks that name the field. */
describe('forecast routes: roles, shops and input (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let other: SecondShop;
  let presales: string;
  let theirQueue: string;
  let forecastId: string;
  let adjustmentId: string;
  let eventId: string;

  const call = (c: Call, token?: string) => {
    const req = t.http()[c.method](c.path);
    if (token) req.set(bearer(token));
    return c.body ? req.send(c.body) : req;
  };

  beforeAll(async () => {
    ({ t, manager, other } = await startTestAppWithSecondShop());
    const queues = (await t.http().get('/queues').set(bearer(manager)).expect(200)).body as {
      id: string;
      code: string;
    }[];
    presales = queues.find((q) => q.code === 'presales_chat')!.id;
    const theirs = await t
      .http()
      .post('/queues')
      .set(bearer(other.managerToken))
      .send({
        code: 'chat',
        name: 'Chat',
        channel: 'chat',
        kind: 'realtime',
        defaultHandleSeconds: 300,
        chatConcurrency: 3,
        requiredSkill: 'pre_sales',
      })
      .expect(201);
    theirQueue = theirs.body.id;
    // Two weeks of flat volume: enough history for a completed forecast to read.
    await t.app.get(Db).client`
      INSERT INTO volume_slots (shop_id, queue_id, slot_start, slot_minutes, offered, handled, abandoned)
      SELECT ${t.demoShopId}, ${presales}, g, 30, 12, 12, 0 FROM generate_series('2026-11-15T16:00:00Z'::timestamptz, '2026-11-29T15:30:00Z'::timestamptz, interval '30 minutes') g`;
    const created = await t
      .http()
      .post('/forecasts')
      .set(bearer(manager))
      .send({ queueIds: [presales], from: '2026-11-30', weeks: 1 })
      .expect(202);
    forecastId = created.body.forecasts[0].forecastId;
    await t.app.get(JobQueue).settled(created.body.forecasts[0].jobId);
    const adjustment = await t
      .http()
      .post('/forecast-adjustments')
      .set(bearer(manager))
      .send({
        queueId: presales,
        from: '2026-11-30T04:00:00Z',
        to: '2026-11-30T06:00:00Z',
        kind: 'absolute',
        value: 5,
        reason: '活动',
      })
      .expect(201);
    adjustmentId = adjustment.body.id;
    const event = await t
      .http()
      .post('/forecast-events')
      .set(bearer(manager))
      .send({ date: '2026-12-12', kind: 'promotion', label: 'double12', multiplier: 3 })
      .expect(201);
    eventId = event.body.id;
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const reads = (): Call[] => [
    { method: 'get', path: '/forecasts' },
    { method: 'get', path: `/forecasts/${forecastId}` },
    { method: 'get', path: `/forecasts/${forecastId}/slots` },
    { method: 'get', path: `/forecasts/${forecastId}/accuracy` },
    { method: 'get', path: `/queues/${presales}/forecast-vs-actual?from=2026-11-30T00:00:00Z&to=2026-12-01T00:00:00Z` },
    { method: 'get', path: `/queues/${presales}/intraday-forecast?date=2026-11-30` },
    { method: 'get', path: '/forecast-adjustments' },
    { method: 'get', path: `/forecast-adjustments/${adjustmentId}` },
    { method: 'get', path: '/forecast-events' },
    { method: 'get', path: `/forecast-events/${eventId}` },
  ];
  const writes = (): Call[] => [
    { method: 'post', path: '/forecasts', body: { queueIds: [presales], weeks: 1 } },
    {
      method: 'post',
      path: '/forecast-adjustments',
      body: {
        queueId: presales,
        from: '2026-11-30T04:00:00Z',
        to: '2026-11-30T05:00:00Z',
        kind: 'percent',
        value: 10,
        reason: 'x',
      },
    },
    { method: 'delete', path: `/forecast-adjustments/${adjustmentId}` },
    { method: 'post', path: '/forecast-events', body: { date: '2026-10-01', kind: 'holiday' } },
    { method: 'patch', path: `/forecast-events/${eventId}`, body: { multiplier: 4 } },
    { method: 'delete', path: `/forecast-events/${eventId}` },
  ];

  it('refuses every route without a token (401)', async () => {
    for (const c of [...reads(), ...writes()]) await call(c).expect(401);
  });

  it('lets managers, supervisors, admins and trainers read; agents, QC and HR get 403', async () => {
    const admin = { ...bearer(await t.tokenFor('admin')), 'X-Shop-Id': t.demoShopId };
    for (const c of reads()) {
      for (const role of ['manager', 'supervisor', 'trainer']) await call(c, await t.tokenFor(role)).expect(200);
      await call(c).set(admin).expect(200);
      for (const role of ['agent', 'qc', 'hr']) await call(c, await t.tokenFor(role)).expect(403);
    }
  });

  it('keeps writing to managers and admins (403 for the rest)', async () => {
    for (const c of writes()) {
      for (const role of ['supervisor', 'trainer', 'agent', 'qc', 'hr'])
        await call(c, await t.tokenFor(role)).expect(403);
    }
    const admin = { ...bearer(await t.tokenFor('admin')), 'X-Shop-Id': t.demoShopId };
    await t.http().patch(`/forecast-events/${eventId}`).set(admin).send({ multiplier: 4 }).expect(200);
  });

  it('answers 404 for another shop’s forecasts, queues, adjustments and events', async () => {
    for (const c of reads().filter((r) => /[0-9a-f]{8}-/.test(r.path))) await call(c, other.managerToken).expect(404);
    await call(writes()[2], other.managerToken).expect(404);
    await call(writes()[4], other.managerToken).expect(404);
    await call(writes()[5], other.managerToken).expect(404);
    await t
      .http()
      .post('/forecasts')
      .set(bearer(manager))
      .send({ queueIds: [presales, theirQueue], weeks: 1 })
      .expect(404);
    await t
      .http()
      .post('/forecast-adjustments')
      .set(bearer(manager))
      .send({
        queueId: theirQueue,
        from: '2026-11-30T04:00:00Z',
        to: '2026-11-30T05:00:00Z',
        kind: 'percent',
        value: 10,
        reason: 'x',
      })
      .expect(404);
    await t
      .http()
      .post('/forecast-events')
      .set(bearer(manager))
      .send({ date: '2026-10-01', kind: 'closed', queueId: theirQueue })
      .expect(404);
    await t
      .http()
      .get(`/queues/${theirQueue}/forecast-vs-actual?from=2026-11-30T00:00:00Z&to=2026-12-01T00:00:00Z`)
      .set(bearer(manager))
      .expect(404);
    const mine = await t.http().get('/forecasts').set(bearer(other.managerToken)).expect(200);
    expect(mine.body.total).toBe(0);
    const theirEvents = await t.http().get('/forecast-events').set(bearer(other.managerToken)).expect(200);
    expect(theirEvents.body.total).toBe(0);
  });

  it('names the field of bad input (400)', async () => {
    const bad: [Call, string][] = [
      [{ method: 'post', path: '/forecasts', body: { queueIds: [presales], weeks: 9 } }, 'weeks'],
      [{ method: 'post', path: '/forecasts', body: { queueIds: [], weeks: 1 } }, 'queueIds'],
      [{ method: 'post', path: '/forecasts', body: { queueIds: [presales, presales] } }, 'queueIds'],
      [{ method: 'post', path: '/forecasts', body: { queueIds: ['nope'] } }, 'queueIds.0'],
      [{ method: 'post', path: '/forecasts', body: { queueIds: [presales], method: 'crystal-ball' } }, 'method'],
      [{ method: 'post', path: '/forecasts', body: { queueIds: [presales], from: '2026-02-30' } }, 'from'],
      [{ method: 'get', path: '/forecasts/not-a-uuid' }, 'id'],
      [
        { method: 'get', path: `/forecasts/${forecastId}/slots?from=2026-12-01T00:00:00Z&to=2026-11-30T00:00:00Z` },
        'to',
      ],
      [{ method: 'get', path: `/queues/${presales}/forecast-vs-actual?from=2026-11-30T00:00:00Z` }, 'to'],
      [
        {
          method: 'get',
          path: `/queues/${presales}/forecast-vs-actual?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z`,
        },
        'to',
      ],
      [
        {
          method: 'post',
          path: '/forecast-adjustments',
          body: {
            queueId: presales,
            from: '2026-11-30T06:00:00Z',
            to: '2026-11-30T05:00:00Z',
            kind: 'percent',
            value: 10,
            reason: 'x',
          },
        },
        'to',
      ],
      [
        {
          method: 'post',
          path: '/forecast-adjustments',
          body: {
            queueId: presales,
            from: '2026-11-30T04:00:00Z',
            to: '2026-11-30T05:00:00Z',
            kind: 'percent',
            value: -150,
            reason: 'x',
          },
        },
        'value',
      ],
      [
        {
          method: 'post',
          path: '/forecast-adjustments',
          body: {
            queueId: presales,
            from: '2026-11-30T04:00:00Z',
            to: '2026-11-30T05:00:00Z',
            kind: 'factor',
            value: 2,
            reason: 'x',
          },
        },
        'kind',
      ],
      [
        {
          method: 'post',
          path: '/forecast-adjustments',
          body: {
            queueId: presales,
            from: '2026-11-30T04:00:00Z',
            to: '2026-11-30T05:00:00Z',
            kind: 'absolute',
            value: 2,
            reason: ' ',
          },
        },
        'reason',
      ],
      [
        { method: 'post', path: '/forecast-events', body: { date: '2026-10-01', kind: 'closed', multiplier: 2 } },
        'multiplier',
      ],
      [{ method: 'post', path: '/forecast-events', body: { date: '2026-10-01', kind: 'sale' } }, 'kind'],
      [{ method: 'patch', path: `/forecast-events/${eventId}`, body: { kind: 'closed' } }, 'multiplier'],
      [{ method: 'patch', path: `/forecast-events/${eventId}`, body: {} }, '(body)'],
      [{ method: 'get', path: '/forecast-events?from=2026-12-02&to=2026-12-01' }, 'to'],
      [{ method: 'get', path: `/queues/${presales}/intraday-forecast?date=2026-13-01` }, 'date'],
      [{ method: 'get', path: `/queues/${presales}/intraday-forecast?day=2026-11-30` }, 'day'],
    ];
    for (const [c, field] of bad) {
      const res = await call(c, manager);
      expect({ path: c.path, status: res.status }).toEqual({ path: c.path, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('keeps a calendar of events per shop (create, filter, change, remove)', async () => {
    const closed = await t
      .http()
      .post('/forecast-events')
      .set(bearer(manager))
      .send({ date: '2026-10-01', kind: 'closed', queueId: presales })
      .expect(201);
    expect(closed.body).toMatchObject({
      date: '2026-10-01',
      kind: 'closed',
      queueId: presales,
      multiplier: null,
      label: null,
    });
    const december = await t
      .http()
      .get('/forecast-events?from=2026-12-01&to=2026-12-31&kind=promotion')
      .set(bearer(await t.tokenFor('trainer')))
      .expect(200);
    expect(december.body.items.map((e: { id: string }) => e.id)).toEqual([eventId]);
    const changed = await t
      .http()
      .patch(`/forecast-events/${eventId}`)
      .set(bearer(manager))
      .send({ multiplier: 5, label: 'twelve-twelve' })
      .expect(200);
    expect(changed.body).toMatchObject({ id: eventId, multiplier: 5, label: 'twelve-twelve', kind: 'promotion' });
    await t.http().delete(`/forecast-events/${closed.body.id}`).set(bearer(manager)).expect(200);
    await t.http().get(`/forecast-events/${closed.body.id}`).set(bearer(manager)).expect(404);
  });
});
