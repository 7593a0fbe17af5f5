import { DateTime } from 'luxon';
import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { bearer, TestApp } from './support/test-app';
import { demoQueueIds } from './support/demo-queues';

type Item = {
  start: string;
  slotMinutes: number;
  forecast: number;
  adjusted: number;
  updated: number | null;
  actual: number | null;
};
type Update = {
  asOf: string;
  updates: number;
  observed: number;
  expected: number;
  weight: number;
  level: number;
  recent: number;
  baseForecastId: string;
};

const ZONE = 'Asia/Shanghai';
/** The queue's usual day: nothing before 08:00, more in later hours and later weekdays. */
const usual = (hour: number, weekday: number) => (hour < 8 ? 0 : 10 + 2 * hour + 3 * weekday);

/**
 * Within-day updating end to end: pushes and imports of today's volume queue the re-forecast of
 * the rest of the day, which reads as an intraday version beside the day-ahead one. The day is
 * yesterday in the shop's zone, so every slot of it is over whenever the test runs.
 */
describe('intraday forecast: pushes and imports re-forecast the rest of the day (e2e)', () => {
  let t: TestApp;
  let sql: Db['client'];
  let manager: string;
  let presales: string;
  let other: SecondShop;
  const day = DateTime.now().setZone(ZONE).minus({ days: 1 }).startOf('day');
  const date = day.toISODate()!;
  const slotAt = (hour: number, minute = 0) => day.set({ hour, minute });
  const row = (at: DateTime, factor: number) => {
    const offered = Math.round(usual(at.hour, at.weekday) * factor);
    return {
      queue: 'presales_chat',
      slotStart: at.toFormat('yyyy-MM-dd HH:mm'),
      slotMinutes: 30,
      offered,
      handled: offered,
      abandoned: 0,
    };
  };
  const halfHours = (fromHour: number, toHour: number) =>
    Array.from({ length: (toHour - fromHour) * 2 }, (_, i) => slotAt(fromHour + Math.floor(i / 2), (i % 2) * 30));

  /** Every intraday run queued so far has finished. */
  const settleIntraday = async () => {
    const runs = await sql<{ id: string }[]>`SELECT id FROM job_runs WHERE name = 'forecast.intraday'`;
    await Promise.all(runs.map((r) => t.app.get(JobQueue).settled(r.id)));
    return runs.length;
  };
  const view = async (token = manager, query = `?date=${date}`) =>
    (await t.http().get(`/queues/${presales}/intraday-forecast${query}`).set(bearer(token)).expect(200)).body as {
      forecastId: string;
      update: Update | null;
      items: Item[];
    };

  beforeAll(async () => {
    ({ t, manager, other } = await startTestAppWithSecondShop({ secondShop: 'intraday-other' }));
    sql = t.app.get(Db).client;
    ({ presales_chat: presales } = await demoQueueIds(t, manager, ['presales_chat']));
    // Eight weeks of the usual pattern before the day, then a day-ahead forecast of it.
    await sql`
      INSERT INTO volume_slots (shop_id, queue_id, slot_start, slot_minutes, offered, handled, abandoned)
      SELECT ${t.demoShopId}, ${presales}, g, 30, v, v, 0 FROM (
        SELECT g, CASE WHEN extract(hour FROM g AT TIME ZONE ${ZONE}) < 8 THEN 0
                       ELSE (10 + 2 * extract(hour FROM g AT TIME ZONE ${ZONE}) + 3 * extract(isodow FROM g AT TIME ZONE ${ZONE}))::int END AS v
        FROM generate_series(${day.minus({ weeks: 8 }).toUTC().toISO()}::timestamptz, ${day.toUTC().toISO()}::timestamptz - interval '30 minutes', interval '30 minutes') g
      ) s`;
    const created = await t
      .http()
      .post('/forecasts')
      .set(bearer(manager))
      .send({ queueIds: [presales], from: date, weeks: 1 })
      .expect(202);
    await t.app.get(JobQueue).settled(created.body.forecasts[0].jobId);
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('shows the day-ahead forecast alone until arrivals come in', async () => {
    const before = await view();
    expect(before.update).toBeNull();
    expect(before.items).toHaveLength(48);
    expect(before.items.every((i) => i.updated === null && i.actual === null)).toBe(true);
  });

  it('re-forecasts the rest of the day from a push: today runs 50 % busy, so does the afternoon', async () => {
    const push = await t
      .http()
      .post('/volume')
      .set(bearer(manager))
      .send({ rows: halfHours(8, 12).map((at) => row(at, 1.5)) })
      .expect(200);
    expect(push.body).toMatchObject({ kind: 'volume', status: 'completed', inserted: 8, rejected: 0 });
    expect(await settleIntraday()).toBe(1);
    const { update, items, forecastId } = await view();
    expect(update).not.toBeNull();
    expect(update!.baseForecastId).toBe(forecastId);
    expect(update!.asOf).toBe(slotAt(12).toUTC().toISO({ suppressMilliseconds: false }));
    const morning = items.filter((i) => i.start < update!.asOf);
    const rest = items.filter((i) => i.start >= update!.asOf);
    expect(update!.observed).toBe(morning.reduce((n, i) => n + (i.actual ?? 0), 0));
    expect(update!.expected).toBeCloseTo(
      morning.filter((i) => i.actual !== null).reduce((n, i) => n + i.adjusted, 0),
      6,
    );
    // The credibility update as stated: level = 1 + weight × (observed / expected − 1).
    expect(update!.level).toBeCloseTo(1 + update!.weight * (update!.observed / update!.expected - 1), 9);
    expect(update!.weight).toBeGreaterThan(0);
    expect(update!.level).toBeGreaterThan(1);
    expect(update!.level).toBeLessThanOrEqual(1.5);
    expect(morning.every((i) => i.updated === null)).toBe(true);
    const open = rest.filter((i) => i.adjusted > 0);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((i) => i.updated! > i.adjusted && i.updated! <= 1.5 * i.adjusted + 1e-9)).toBe(true);
  });

  it('updates again when an import adds the next slot, and keeps one intraday version per day', async () => {
    const first = (await view()).update!;
    const imported = await t
      .http()
      .post('/imports/volume')
      .set(bearer(await t.tokenFor('supervisor')))
      .send({ rows: [row(slotAt(12), 1.5)] })
      .expect(200);
    expect(imported.body).toMatchObject({ status: 'completed', inserted: 1 });
    await settleIntraday();
    const second = (await view()).update!;
    expect(second.asOf).toBe(slotAt(12, 30).toUTC().toISO({ suppressMilliseconds: false }));
    expect(second.updates).toBe(first.updates + 1);
    expect(second.observed).toBeGreaterThan(first.observed);
    const [{ n }] =
      await sql`SELECT count(*)::int AS n FROM intraday_forecasts WHERE queue_id = ${presales} AND local_date = ${date}`;
    expect(n).toBe(1);
  });

  it('leaves days older than a week alone, and a push that changes nothing queues nothing', async () => {
    const runs = await settleIntraday();
    const old = slotAt(10).minus({ days: 10 });
    await t
      .http()
      .post('/volume')
      .set(bearer(manager))
      .send({ rows: [row(old, 2)] })
      .expect(200);
    await t
      .http()
      .post('/volume')
      .set(bearer(manager))
      .send({ rows: [row(slotAt(12), 1.5)] })
      .expect(200);
    expect(await settleIntraday()).toBe(runs);
  });

  it('refuses bad pushes by row and field, storing nothing', async () => {
    const bad = await t
      .http()
      .post('/volume')
      .set(bearer(manager))
      .send({
        rows: [
          row(slotAt(13), 1),
          { ...row(slotAt(13, 30), 1), offered: -1 },
          { ...row(slotAt(14), 1), queue: 'nope' },
        ],
      })
      .expect(422);
    const named = bad.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`);
    expect(named).toEqual(expect.arrayContaining(['2:offered', '3:queue']));
    expect(named.some((n: string) => n.startsWith('1:'))).toBe(false);
    const stored =
      await sql`SELECT 1 FROM volume_slots WHERE queue_id = ${presales} AND slot_start = ${slotAt(13).toUTC().toISO()}`;
    expect(stored).toHaveLength(0);
    const empty = await t.http().post('/volume').set(bearer(manager)).send({ rows: [] }).expect(400);
    expect(empty.body.errors[0].field).toBe('rows');
  });

  it('keeps pushes and the intraday view to the right roles and shop', async () => {
    for (const role of ['agent', 'qc', 'hr', 'trainer'])
      await t
        .http()
        .post('/volume')
        .set(bearer(await t.tokenFor(role)))
        .send({ rows: [row(slotAt(15), 1)] })
        .expect(403);
    for (const role of ['supervisor', 'trainer']) await view(await t.tokenFor(role));
    for (const role of ['agent', 'qc', 'hr'])
      await t
        .http()
        .get(`/queues/${presales}/intraday-forecast?date=${date}`)
        .set(bearer(await t.tokenFor(role)))
        .expect(403);
    await t
      .http()
      .get(`/queues/${presales}/intraday-forecast?date=${date}`)
      .set(bearer(other.managerToken))
      .expect(404);
    // Another shop cannot push into this shop's queue: the code is not theirs.
    const theirs = await t
      .http()
      .post('/volume')
      .set(bearer(other.managerToken))
      .send({ rows: [row(slotAt(15), 1)] })
      .expect(422);
    expect(theirs.body.errors[0]).toMatchObject({ row: 1, field: 'queue' });
  });

  it('answers 409 with a code for a day no forecast covers, and 400 naming a bad date', async () => {
    const none = await t
      .http()
      .get(`/queues/${presales}/intraday-forecast?date=${day.plus({ weeks: 3 }).toISODate()}`)
      .set(bearer(manager))
      .set('Accept-Language', 'en')
      .expect(409);
    expect(none.body).toMatchObject({ code: 'forecast.no-day-ahead-forecast' });
    expect(none.body.detail).toContain('No completed forecast');
    const zh = await t
      .http()
      .get(`/queues/${presales}/intraday-forecast?date=${day.plus({ weeks: 3 }).toISODate()}`)
      .set(bearer(manager))
      .expect(409);
    expect(zh.body.detail).toContain('预测');
    const bad = await t
      .http()
      .get(`/queues/${presales}/intraday-forecast?date=2026-02-30`)
      .set(bearer(manager))
      .expect(400);
    expect(bad.body.errors[0].field).toBe('date');
  });
});
