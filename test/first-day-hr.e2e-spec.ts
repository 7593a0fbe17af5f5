import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { demoCalendar } from './support/demo-calendar';
import { demoAppPerFile } from './support/demo-database';
import { exportWorkbook } from './support/export-file';
import { bearer } from './support/test-app';

/** HR on a fresh demo, alone: last month's ranking computed, approved and exported. */
describe('first day: HR (e2e, seeded demo)', () => {
  const demo = demoAppPerFile();
  const day = demoCalendar();

  it('finds the history aggregated: the daily report has team rows and last month has agent KPIs', async () => {
    const hr = await demo.t.tokenFor('hr');
    const report = (await demo.t.http().get(`/reports/daily?date=${day.yesterday}`).set(bearer(hr)).expect(200)).body;
    expect(report.teams.length).toBe(4);
    expect(report.shop.figures.inquiries.value).toBeGreaterThan(100);
    for (const team of report.teams) expect(team.figures.inquiries.value).toBeGreaterThan(0);
    const kpis = (
      await demo.t
        .http()
        .get(`/kpis?level=agent&from=${day.lastMonthFrom}&to=${day.lastMonthTo}&metrics=sessions,orderConversion`)
        .set(bearer(hr))
        .expect(200)
    ).body;
    expect(kpis.items.length).toBeGreaterThan(50);
  });

  it('computes last month’s ranking (aggregating missing days first), approves it and exports it', async () => {
    const hr = await demo.t.tokenFor('hr');
    const cards = (await demo.t.http().get('/scorecards').set(bearer(hr)).expect(200)).body as {
      id: string;
      roleGroup: string;
    }[];
    const card = cards.find((c) => c.roleGroup === 'pre_sales')!;
    expect(card).toBeDefined();
    // Some of the month was never aggregated (as after an outage): the ranking job aggregates it first.
    const sql = demo.t.app.get(Db).client;
    await sql`DELETE FROM kpi_agent_days WHERE shop_id = ${demo.t.demoShopId} AND day BETWEEN ${day.lastMonthFrom}::date AND (${day.lastMonthFrom}::date + 9)`;
    const created = await demo.t
      .http()
      .post('/rankings')
      .set(bearer(hr))
      .send({ month: day.lastMonth, scorecardId: card.id })
      .expect(202);
    await demo.t.app.get(JobQueue).settled(created.body.jobId, 300_000);
    const ranking = (await demo.t.http().get(`/rankings/${created.body.rankingId}`).set(bearer(hr)).expect(200)).body;
    expect(ranking.status).toBe('completed');
    expect(ranking.ranked.length).toBeGreaterThan(10);
    const [{ days }] = await sql<{ days: number }[]>`
      SELECT count(DISTINCT day)::int AS days FROM kpi_agent_days WHERE shop_id = ${demo.t.demoShopId} AND day BETWEEN ${day.lastMonthFrom}::date AND ${day.lastMonthTo}::date`;
    expect(days).toBe(Number(day.lastMonthTo.slice(8)));
    await demo.t.http().post(`/rankings/${created.body.rankingId}/approve`).set(bearer(hr)).expect(200);
    const { book } = await exportWorkbook(demo.t, hr, {
      kind: 'ranking',
      lang: 'zh',
      params: { rankingId: created.body.rankingId },
    });
    expect(book.worksheets[0].rowCount).toBe(3 + ranking.ranked.length);
  }, 300_000);
});
