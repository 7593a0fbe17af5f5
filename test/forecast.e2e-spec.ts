import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { METHOD_NAMES } from 'src/modules/forecast/engine/forecast-types';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { demoQueueIds } from './support/demo-queues';

type Slot = {
  start: string;
  forecast: number;
  adjusted: number;
  lower: number;
  upper: number;
  closed: boolean;
  adjustments: { id: string }[];
};
type Compared = {
  start: string;
  forecastId: string | null;
  forecast: number | null;
  adjusted: number | null;
  actual: number | null;
};

const ZONE = 'Asia/Shanghai';
/** The queue's weekly pattern: closed-looking nights (zero), more in later hours and later weekdays. */
const pattern = (localHour: number, isoWeekday: number) => (localHour < 8 ? 0 : 10 + 2 * localHour + 3 * isoWeekday);
const localHourOf = (iso: string) =>
  Number(new Date(iso).toLocaleString('en-GB', { timeZone: ZONE, hour: '2-digit', hourCycle: 'h23' }));

describe('forecasts: request, job, slots, accuracy, adjustments, forecast vs actual, nightly refresh (e2e)', () => {
  let t: TestApp;
  let sql: Db['client'];
  let manager: string;
  let presales: string;
  let hotline: string;

  /** Volume per 30-minute slot from the pattern, for local days [fromUtc, toUtc). */
  const insertVolume = (queueId: string, fromUtc: string, toUtc: string) => sql`
    INSERT INTO volume_slots (shop_id, queue_id, slot_start, slot_minutes, offered, handled, abandoned)
    SELECT ${t.demoShopId}, ${queueId}, g, 30, v, v, 0 FROM (
      SELECT g, CASE WHEN extract(hour FROM g AT TIME ZONE ${ZONE}) < 8 THEN 0
                     ELSE (10 + 2 * extract(hour FROM g AT TIME ZONE ${ZONE}) + 3 * extract(isodow FROM g AT TIME ZONE ${ZONE}))::int END AS v
      FROM generate_series(${fromUtc}::timestamptz, ${toUtc}::timestamptz - interval '30 minutes', interval '30 minutes') g
    ) s`;

  const requestForecast = async (body: Record<string, unknown>) => {
    const res = await t.http().post('/forecasts').set(bearer(manager)).send(body).expect(202);
    await Promise.all(res.body.forecasts.map((f: { jobId: string }) => t.app.get(JobQueue).settled(f.jobId)));
    return res.body.forecasts as { forecastId: string; queueId: string; jobId: string; statusUrl: string }[];
  };

  beforeAll(async () => {
    t = await startTestApp();
    sql = t.app.get(Db).client;
    manager = await t.tokenFor('manager');
    ({ presales_chat: presales, hotline } = await demoQueueIds(t, manager, ['presales_chat', 'hotline']));
    // Eight weeks, local Monday 2026-10-05 up to Sunday 2026-11-29.
    await insertVolume(presales, '2026-10-04T16:00:00Z', '2026-11-29T16:00:00Z');
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  let forecastId: string;

  it('answers 202 with a job per queue, and the job stores a completed version', async () => {
    await t
      .http()
      .post('/forecast-events')
      .set(bearer(manager))
      .send({ date: '2026-12-12', kind: 'promotion', label: 'double12', multiplier: 3 })
      .expect(201);
    await t
      .http()
      .post('/forecast-events')
      .set(bearer(manager))
      .send({ date: '2026-12-13', kind: 'closed', queueId: presales })
      .expect(201);
    const [accepted] = await requestForecast({ queueIds: [presales], from: '2026-11-30', weeks: 2 });
    expect(accepted).toMatchObject({ queueId: presales, statusUrl: `/jobs/${accepted.jobId}` });
    forecastId = accepted.forecastId;
    const job = await t.http().get(accepted.statusUrl).set(bearer(manager)).expect(200);
    expect(job.body).toMatchObject({
      name: 'forecast.generate',
      status: 'completed',
      progress: 100,
      params: { shopId: t.demoShopId, versionId: forecastId },
      // The note users read on the run, in both languages.
      progressNote: expect.stringMatching(/^\d+ slots stored \/ 已保存 \d+ 个时段$/),
    });
    const version = await t
      .http()
      .get(`/forecasts/${forecastId}`)
      .set(bearer(await t.tokenFor('trainer')))
      .expect(200);
    expect(version.body).toMatchObject({
      id: forecastId,
      queueId: presales,
      status: 'completed',
      methodRequested: 'auto',
      fromDate: '2026-11-30',
      toDate: '2026-12-13',
      horizonDays: 14,
      jobRunId: accepted.jobId,
    });
    expect(METHOD_NAMES).toContain(version.body.methodChosen);
    const list = await t
      .http()
      .get(`/forecasts?queueId=${presales}`)
      .set(bearer(await t.tokenFor('supervisor')))
      .expect(200);
    expect(list.body.items.map((v: { id: string }) => v.id)).toContain(forecastId);
  });

  it('reads slots near the weekly pattern, with the promotion multiplier and the closed day applied', async () => {
    const { body } = await t.http().get(`/forecasts/${forecastId}/slots`).set(bearer(manager)).expect(200);
    const items = body.items as Slot[];
    expect(items).toHaveLength(14 * 48);
    const at = (iso: string) => items.find((s) => s.start === iso)!;
    const mondayTen = at('2026-11-30T02:00:00.000Z');
    expect(Math.abs(mondayTen.forecast - pattern(10, 1))).toBeLessThan(0.15 * pattern(10, 1));
    expect(mondayTen.lower).toBeLessThanOrEqual(mondayTen.forecast);
    expect(mondayTen.upper).toBeGreaterThanOrEqual(mondayTen.forecast);
    expect(mondayTen).toMatchObject({ adjusted: mondayTen.forecast, adjustments: [], closed: false });
    // Saturday 12-12 (promotion ×3) against Saturday 12-05 at the same local time.
    expect(at('2026-12-12T06:00:00.000Z').forecast / at('2026-12-05T06:00:00.000Z').forecast).toBeCloseTo(3, 1);
    const closedDay = items.filter((s) => s.start >= '2026-12-12T16:00:00.000Z');
    expect(closedDay).toHaveLength(48);
    expect(closedDay.every((s) => s.closed && s.forecast === 0)).toBe(true);
  });

  it('reports the backtest by weekday and by hour', async () => {
    const { body } = await t.http().get(`/forecasts/${forecastId}/accuracy`).set(bearer(manager)).expect(200);
    expect(body).toMatchObject({ forecastId, queueId: presales, method: expect.any(String) });
    expect(body.candidates).toHaveLength(METHOD_NAMES.length);
    expect(body.overall).toEqual({
      count: expect.any(Number),
      mae: expect.any(Number),
      rmse: expect.any(Number),
      wape: expect.any(Number),
      bias: expect.any(Number),
    });
    expect(body.overall.count).toBeGreaterThan(0);
    expect(Object.keys(body.byWeekday).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(Object.keys(body.byHour).map(Number)).toEqual(Array.from({ length: 24 }, (_, h) => h));
    expect(body.byHour['10'].mae).toBeGreaterThanOrEqual(0);
    // The within-day updating's constants, learnt on the same days; no past event, so no wave learnt.
    expect(body.intraday).toEqual({
      credibility: expect.any(Number),
      recentCredibility: expect.any(Number),
      recentHalfLifeMinutes: expect.any(Number),
      persistenceHalfLifeMinutes: expect.any(Number),
    });
    expect(body.eventWaves).toEqual({});
  });

  let adjustmentId: string;

  it('shows a planner adjustment beside the model value, with who and why', async () => {
    const created = await t
      .http()
      .post('/forecast-adjustments')
      .set(bearer(manager))
      .send({
        queueId: presales,
        from: '2026-11-30T04:00:00Z',
        to: '2026-11-30T06:00:00Z',
        kind: 'percent',
        value: 20,
        reason: '店铺直播',
      })
      .expect(201);
    adjustmentId = created.body.id;
    expect(created.body).toMatchObject({
      kind: 'percent',
      value: 20,
      reason: '店铺直播',
      from: '2026-11-30T04:00:00.000Z',
      to: '2026-11-30T06:00:00.000Z',
      createdBy: expect.any(String),
      deletedAt: null,
    });
    await t
      .http()
      .post('/forecast-adjustments')
      .set(bearer(manager))
      .send({
        queueId: presales,
        from: '2026-11-30T05:00:00Z',
        to: '2026-11-30T05:30:00Z',
        kind: 'absolute',
        value: 4,
        reason: '补发短信',
      })
      .expect(201);
    const { body } = await t
      .http()
      .get(`/forecasts/${forecastId}/slots?from=2026-11-30T03:00:00Z&to=2026-11-30T07:00:00Z`)
      .set(bearer(manager))
      .expect(200);
    const items = body.items as Slot[];
    expect(items.map((s) => s.start.slice(11, 16))).toEqual([
      '03:00',
      '03:30',
      '04:00',
      '04:30',
      '05:00',
      '05:30',
      '06:00',
      '06:30',
    ]);
    for (const s of items) {
      const inPercent = s.start >= '2026-11-30T04:00' && s.start < '2026-11-30T06:00';
      const inAbsolute = s.start.startsWith('2026-11-30T05:00');
      expect(s.adjusted).toBeCloseTo(s.forecast * (inPercent ? 1.2 : 1) + (inAbsolute ? 4 : 0), 9);
      expect(s.adjustments.map((a) => a.id)).toEqual(
        inPercent ? (inAbsolute ? [adjustmentId, expect.any(String)] : [adjustmentId]) : [],
      );
    }
    const listed = await t
      .http()
      .get(`/forecast-adjustments?queueId=${presales}`)
      .set(bearer(await t.tokenFor('trainer')))
      .expect(200);
    expect(listed.body.total).toBe(2);
  });

  it('compares the latest covering version with the actuals once they arrive', async () => {
    await insertVolume(presales, '2026-11-29T16:00:00Z', '2026-11-30T16:00:00Z');
    const range = 'from=2026-11-29T16:00:00Z&to=2026-11-30T16:00:00Z';
    const first = await t
      .http()
      .get(`/queues/${presales}/forecast-vs-actual?${range}`)
      .set(bearer(manager))
      .expect(200);
    const items = first.body.items as Compared[];
    expect(items).toHaveLength(48);
    expect(items.every((i) => i.forecastId === forecastId && i.actual === pattern(localHourOf(i.start), 1))).toBe(true);
    const wape = (key: 'forecast' | 'adjusted') =>
      items.reduce((n, i) => n + Math.abs(i[key]! - i.actual!), 0) / items.reduce((n, i) => n + i.actual!, 0);
    expect(first.body.wape).toBeCloseTo(wape('forecast'), 9);
    expect(first.body.adjustedWape).toBeCloseTo(wape('adjusted'), 9);
    expect(first.body.accuracy.model).toMatchObject({ count: 48, wape: first.body.wape });

    const [newer] = await requestForecast({
      queueIds: [presales],
      from: '2026-11-30',
      weeks: 1,
      method: 'seasonal-naive',
    });
    const second = await t
      .http()
      .get(`/queues/${presales}/forecast-vs-actual?${range}`)
      .set(bearer(await t.tokenFor('supervisor')))
      .expect(200);
    expect(second.body.items.every((i: Compared) => i.forecastId === newer.forecastId)).toBe(true);
    // An exactly repeating week: last week's value is this week's actual.
    expect(second.body.wape).toBe(0);
    expect(second.body.adjustedWape).toBeGreaterThan(0);

    const removed = await t.http().delete(`/forecast-adjustments/${adjustmentId}`).set(bearer(manager)).expect(200);
    expect(removed.body).toMatchObject({
      id: adjustmentId,
      deletedBy: expect.any(String),
      deletedAt: expect.any(String),
    });
    await t.http().delete(`/forecast-adjustments/${adjustmentId}`).set(bearer(manager)).expect(409);
    const audit = await t
      .http()
      .get(`/forecast-adjustments?queueId=${presales}&includeDeleted=true`)
      .set(bearer(manager))
      .expect(200);
    expect(audit.body.total).toBe(2);
  });

  it('marks the version failed when the queue has no history', async () => {
    const [failed] = await requestForecast({ queueIds: [hotline], from: '2026-11-30', weeks: 1 });
    const version = await t.http().get(`/forecasts/${failed.forecastId}`).set(bearer(manager)).expect(200);
    // In both languages, naming the queue by its name (the run's error and the forecast's are the same text).
    const reason = version.body.error as string;
    expect(reason).toMatch(
      /^The queue .+ has no volume in the 371 days before 2026-11-30: import its history first \/ /,
    );
    expect(reason).toContain('在 2026-11-30 之前的 371 天内没有咨询量：请先导入其历史数据');
    const queueName = (await t.http().get(`/queues/${hotline}`).set(bearer(manager)).expect(200)).body.name as string;
    expect(reason.split(queueName)).toHaveLength(3);
    expect(reason).not.toContain(hotline);
    await t.http().get(`/forecasts/${failed.forecastId}/slots`).set(bearer(manager)).expect(409);
    const job = await t.http().get(failed.statusUrl).set(bearer(manager)).expect(200);
    expect(job.body).toMatchObject({ status: 'failed', attempts: 1, error: reason });
  });

  it('refreshes each real-time queue nightly, and a re-run of the night replaces its versions', async () => {
    const night = async () => {
      const accepted = await t
        .http()
        .post('/jobs/nightly.run/run')
        .set(bearer(manager))
        .send({ date: '2026-11-30' })
        .expect(202);
      await t.app.get(JobQueue).settled(accepted.body.jobId);
      const steps = await t
        .http()
        .get(`/jobs?parentRunId=${accepted.body.jobId}&name=forecast.refresh`)
        .set(bearer(manager))
        .expect(200);
      expect(steps.body.items).toHaveLength(1);
      expect(steps.body.items[0]).toMatchObject({
        status: 'completed',
        result: { fromDate: '2026-12-01', horizonDays: 28 },
      });
      return steps.body.items[0];
    };
    const versionsOfNight = () => sql`
      SELECT v.id, v.queue_id, v.status, v.from_date::text, v.horizon_days, v.job_run_id, (SELECT count(*)::int FROM forecast_slots s WHERE s.version_id = v.id) AS slots
      FROM forecast_versions v WHERE v.shop_id = ${t.demoShopId} AND v.nightly_date = '2026-11-30'`;
    const firstStep = await night();
    // Only the queue with history is forecast; the other real-time queues are reported, not stored.
    expect(firstStep.result.refreshed).toHaveLength(1);
    expect(firstStep.result.withoutHistory).toHaveLength(3);
    const first = await versionsOfNight();
    expect(first).toEqual([
      {
        id: expect.any(String),
        queue_id: presales,
        status: 'completed',
        from_date: '2026-12-01',
        horizon_days: 28,
        job_run_id: firstStep.id,
        slots: 28 * 48,
      },
    ]);
    const secondStep = await night();
    const second = await versionsOfNight();
    expect(second).toEqual([{ ...first[0], job_run_id: secondStep.id }]);
    const latest = await t.http().get(`/forecasts?queueId=${presales}&limit=1`).set(bearer(manager)).expect(200);
    expect(latest.body.items[0]).toMatchObject({
      id: first[0].id,
      nightlyDate: '2026-11-30',
      fromDate: '2026-12-01',
      createdBy: null,
    });
  });
});
