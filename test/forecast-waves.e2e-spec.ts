import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { createSecondShop } from './support/second-shop';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { demoQueueIds } from './support/demo-queues';

const ZONE = 'Asia/Shanghai';
/** After-sales on the days after a brand day (×2 on the day): returns and reviews, a wave of three days. */
const WAVE = [1.6, 2.6, 1.45];

/**
 * The after-effect wave of an event, learnt per kind and label and per queue through the API: eight
 * weeks of a weekly pattern, one past brand day for the whole shop that after-sales feels for three
 * days and pre-sales not at all, then a planned brand day.
 */
describe('forecast events: the after-sales wave as long as the data says (e2e)', () => {
  let t: TestApp;
  let sql: Db['client'];
  let manager: string;
  const queueIds: Record<string, string> = {};
  const forecasts: Record<string, string> = {};

  /** Volume per 30-minute slot: closed-looking nights, more in later hours and later weekdays; × factor on given local days. */
  const insertVolume = (queueId: string, factors: Record<string, number>) => sql`
    INSERT INTO volume_slots (shop_id, queue_id, slot_start, slot_minutes, offered, handled, abandoned)
    SELECT ${t.demoShopId}, ${queueId}, g, 30, v, v, 0 FROM (
      SELECT g, round(CASE WHEN extract(hour FROM g AT TIME ZONE ${ZONE}) < 8 THEN 0
                     ELSE (10 + 2 * extract(hour FROM g AT TIME ZONE ${ZONE}) + 3 * extract(isodow FROM g AT TIME ZONE ${ZONE})) END
        * coalesce((${JSON.stringify(factors)}::jsonb ->> (g AT TIME ZONE ${ZONE})::date::text)::numeric, 1))::int AS v
      FROM generate_series('2026-10-04T16:00:00Z'::timestamptz, '2026-11-29T15:30:00Z'::timestamptz, interval '30 minutes') g
    ) s`;
  /** The forecast's total of a local day over the pattern's total of that weekday. */
  const dayRatio = async (forecastId: string, date: string, isoWeekday: number) => {
    const from = new Date(`${date}T00:00:00+08:00`).toISOString();
    const to = new Date(Date.parse(from) + 86_400_000).toISOString();
    const { body } = await t
      .http()
      .get(`/forecasts/${forecastId}/slots?from=${from}&to=${to}`)
      .set(bearer(manager))
      .expect(200);
    const total = (body.items as { forecast: number }[]).reduce((sum, s) => sum + s.forecast, 0);
    let usual = 0;
    for (let h = 8; h < 24; h++) usual += 2 * (10 + 2 * h + 3 * isoWeekday);
    return total / usual;
  };

  beforeAll(async () => {
    t = await startTestApp();
    sql = t.app.get(Db).client;
    manager = await t.tokenFor('manager');
    Object.assign(queueIds, await demoQueueIds(t, manager, ['presales_chat', 'aftersales_chat']));
    // Wednesday 2026-11-04 was a brand day for the whole shop.
    await insertVolume(queueIds.presales_chat, { '2026-11-04': 2 });
    await insertVolume(queueIds.aftersales_chat, {
      '2026-11-04': 2,
      '2026-11-05': WAVE[0],
      '2026-11-06': WAVE[1],
      '2026-11-07': WAVE[2],
    });
    for (const date of ['2026-11-04', '2026-12-02'])
      await t
        .http()
        .post('/forecast-events')
        .set(bearer(manager))
        .send({ date, kind: 'promotion', label: 'brand-day' })
        .expect(201);
    const res = await t
      .http()
      .post('/forecasts')
      .set(bearer(manager))
      .send({ queueIds: Object.values(queueIds), from: '2026-11-30', weeks: 1, method: 'weekday-mean' })
      .expect(202);
    for (const f of res.body.forecasts as { forecastId: string; queueId: string; jobId: string }[]) {
      await t.app.get(JobQueue).settled(f.jobId);
      forecasts[Object.keys(queueIds).find((code) => queueIds[code] === f.queueId)!] = f.forecastId;
    }
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('learns three days of wave for after-sales and none for pre-sales, shown with the accuracy', async () => {
    const accuracy = async (code: string) =>
      (await t.http().get(`/forecasts/${forecasts[code]}/accuracy`).set(bearer(manager)).expect(200)).body;
    const after = await accuracy('aftersales_chat');
    expect(after.eventWaves).toEqual({ 'promotion:brand-day': 3 });
    expect((await accuracy('presales_chat')).eventWaves).toEqual({ 'promotion:brand-day': 0 });
    // The backtest's four weeks hold the brand day and its wave (4–7 November); left out, the weekly
    // pattern is forecast exactly on every other day, Wednesday to Saturday included.
    expect(after.overall).toMatchObject({ mae: 0, bias: 0 });
    for (const weekday of [3, 4, 5, 6]) expect(after.byWeekday[weekday]).toMatchObject({ mae: 0 });
    expect(after.byWeekday[4].count).toBeLessThan(after.byWeekday[1].count);
  });

  it('carries the wave into the days after the planned brand day, to its third day and no further', async () => {
    // Wednesday 2026-12-02 ×2, then Thursday to Saturday the wave, Sunday as usual.
    const after = forecasts.aftersales_chat;
    expect(await dayRatio(after, '2026-12-01', 2)).toBeCloseTo(1, 2);
    expect(await dayRatio(after, '2026-12-02', 3)).toBeCloseTo(2, 2);
    for (const [k, factor] of WAVE.entries())
      expect(await dayRatio(after, `2026-12-0${3 + k}`, 4 + k)).toBeCloseTo(factor, 2);
    expect(await dayRatio(after, '2026-12-06', 7)).toBeCloseTo(1, 2);
    // Pre-sales: the day only.
    expect(await dayRatio(forecasts.presales_chat, '2026-12-02', 3)).toBeCloseTo(2, 2);
    expect(await dayRatio(forecasts.presales_chat, '2026-12-03', 4)).toBeCloseTo(1, 2);
  });

  it('shows the learnt waves only to forecast readers of the shop', async () => {
    await t
      .http()
      .get(`/forecasts/${forecasts.aftersales_chat}/accuracy`)
      .set(bearer(await t.tokenFor('agent')))
      .expect(403);
    const other = await createSecondShop(t);
    await t.http().get(`/forecasts/${forecasts.aftersales_chat}/accuracy`).set(bearer(other.managerToken)).expect(404);
  });
});
