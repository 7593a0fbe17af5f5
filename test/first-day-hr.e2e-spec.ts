import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { demoCalendar } from './support/demo-calendar';
import { startDemoApp } from './support/demo-database';
import { exportWorkbook } from './support/export-file';
import { bearer, TestApp } from './support/test-app';

/** HR on a fresh demo, alone: last month's ranking computed, approved and exported. */
describe('first day: HR (e2e, seeded demo)', () => {
  let t: TestApp;
  const day = demoCalendar();
  beforeAll(async () => {
    t = await startDemoApp();
  }, 600_000);
  afterAll(() => t.close());

  it('finds the history aggregated: the daily report has team rows and last month has agent KPIs', async () => {
    const hr = await t.tokenFor('hr');
    const report = (await t.http().get(`/reports/daily?date=${day.yesterday}`).set(bearer(hr)).expect(200)).body;
    expect(report.teams.length).toBe(4);
    expect(report.shop.figures.inquiries.value).toBeGreaterThan(100);
    for (const team of report.teams) expect(team.figures.inquiries.value).toBeGreaterThan(0);
    const kpis = (await t.http().get(`/kpis?level=agent&from=${day.lastMonthFrom}&to=${day.lastMonthTo}&metrics=sessions,orderConversion`).set(bearer(hr)).expect(200)).body;
    expect(kpis.items.length).toBeGreaterThan(50);
  });

  it('computes last month’s ranking (aggregating missing days first), approves it and exports it', async () => {
    const hr = await t.tokenFor('hr');
    const cards = (await t.http().get('/scorecards').set(bearer(hr)).expect(200)).body as { id: string; roleGroup: string }[];
    const card = cards.find((c) => c.roleGroup === 'pre_sales')!;
    expect(card).toBeDefined();
    // Some of the month was never aggregated (as after an outage): the ranking job aggregates it first.
    const sql = t.app.get(Db).client;
    await sql`DELETE FROM kpi_agent_days WHERE shop_id = ${t.demoShopId} AND day BETWEEN ${day.lastMonthFrom}::date AND (${day.lastMonthFrom}::date + 9)`;
    const created = await t.http().post('/rankings').set(bearer(hr)).send({ month: day.lastMonth, scorecardId: card.id }).expect(202);
    await t.app.get(JobQueue).settled(created.body.jobId, 300_000);
    const ranking = (await t.http().get(`/rankings/${created.body.rankingId}`).set(bearer(hr)).expect(200)).body;
    expect(ranking.status).toBe('completed');
    expect(ranking.ranked.length).toBeGreaterThan(10);
    const [{ days }] = await sql<{ days: number }[]>`
      SELECT count(DISTINCT day)::int AS days FROM kpi_agent_days WHERE shop_id = ${t.demoShopId} AND day BETWEEN ${day.lastMonthFrom}::date AND ${day.lastMonthTo}::date`;
    expect(days).toBe(Number(day.lastMonthTo.slice(8)));
    await t.http().post(`/rankings/${created.body.rankingId}/approve`).set(bearer(hr)).expect(200);
    const { book } = await exportWorkbook(t, hr, { kind: 'ranking', lang: 'zh', params: { rankingId: created.body.rankingId } });
    expect(book.worksheets[0].rowCount).toBe(2 + ranking.ranked.length);
  }, 300_000);
});
