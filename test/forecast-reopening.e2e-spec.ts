import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { demoQueueIds } from './support/demo-queues';

type Slot = { start: string; forecast: number; closed: boolean };

const ZONE = 'Asia/Shanghai';
const localDateOf = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: ZONE });

describe('forecast across a closed day planned in the calendar: the day after reopens (e2e)', () => {
  let t: TestApp;
  let sql: Db['client'];
  let manager: string;
  let presales: string;

  const requestForecast = async () => {
    const res = await t
      .http()
      .post('/forecasts')
      .set(bearer(manager))
      .send({ queueIds: [presales], from: '2026-11-30', weeks: 1, method: 'decomposition' })
      .expect(202);
    const [accepted] = res.body.forecasts as { forecastId: string; jobId: string }[];
    await t.app.get(JobQueue).settled(accepted.jobId);
    const { body } = await t.http().get(`/forecasts/${accepted.forecastId}/slots`).set(bearer(manager)).expect(200);
    return body.items as Slot[];
  };
  const dayTotal = (slots: Slot[], date: string) =>
    slots.filter((s) => localDateOf(s.start) === date).reduce((sum, s) => sum + s.forecast, 0);

  beforeAll(async () => {
    t = await startTestApp();
    sql = t.app.get(Db).client;
    manager = await t.tokenFor('manager');
    ({ presales_chat: presales } = await demoQueueIds(t, manager, ['presales_chat']));
    // Eight weeks, local Monday 2026-10-05 … Friday 2026-11-27: Monday to Friday 09:00–17:00,
    // 14 a half-hour on Mondays (the week's first day catches the weekend's demand), 10 on other days.
    await sql`
      INSERT INTO volume_slots (shop_id, queue_id, slot_start, slot_minutes, offered, handled, abandoned)
      SELECT ${t.demoShopId}, ${presales}, g, 30, v, v, 0 FROM (
        SELECT g, CASE WHEN extract(isodow FROM g AT TIME ZONE ${ZONE}) = 1 THEN 14 ELSE 10 END AS v
        FROM generate_series('2026-10-04T16:00:00Z'::timestamptz, '2026-11-27T16:00:00Z'::timestamptz - interval '30 minutes', interval '30 minutes') g
        WHERE extract(isodow FROM g AT TIME ZONE ${ZONE}) <= 5
          AND extract(hour FROM g AT TIME ZONE ${ZONE}) BETWEEN 9 AND 16
      ) s`;
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('forecasts the closed Monday at 0 and the Tuesday after it higher than without the closure', async () => {
    const usual = await requestForecast();
    await t
      .http()
      .post('/forecast-events')
      .set(bearer(manager))
      .send({ date: '2026-11-30', kind: 'closed', queueId: presales })
      .expect(201);
    const planned = await requestForecast();

    const closedMonday = planned.filter((s) => localDateOf(s.start) === '2026-11-30');
    expect(closedMonday).toHaveLength(48);
    expect(closedMonday.every((s) => s.closed && s.forecast === 0)).toBe(true);
    expect(dayTotal(usual, '2026-11-30')).toBeGreaterThan(0);

    // The Tuesday is expected to look like a Monday (224 against 160) until reopenings are seen.
    const usualTuesday = dayTotal(usual, '2026-12-01');
    expect(usualTuesday).toBeGreaterThan(150);
    expect(dayTotal(planned, '2026-12-01') / usualTuesday).toBeCloseTo(1.4, 1);
    // Only the day after the closure moves.
    expect(dayTotal(planned, '2026-12-02')).toBeCloseTo(dayTotal(usual, '2026-12-02'), 6);
  });
});
