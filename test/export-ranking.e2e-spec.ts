import type { Sql } from 'postgres';
import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { KpiAggregation } from 'src/modules/kpi/kpi-aggregation.service';
import { exportWorkbook } from './support/export-file';
import { insertSession } from './support/kpi-facts';
import { createSecondShop } from './support/second-shop';
import { bearer, startTestApp, TestApp } from './support/test-app';

const MONTH = '2026-10';

/** The HR ranking and the daily report as workbooks, checked cell by cell against the API's JSON. */
describe('ranking and daily report exports (e2e)', () => {
  let t: TestApp;
  let sql: Sql;
  let hr: string;
  let rankingId: string;

  beforeAll(async () => {
    t = await startTestApp();
    sql = t.app.get(Db).client;
    hr = await t.tokenFor('hr');
    const agents = await sql<
      { id: string }[]
    >`SELECT id FROM agents WHERE shop_id = ${t.demoShopId} AND role_group = 'pre_sales' AND NOT is_supervisor ORDER BY employee_no LIMIT 6`;
    // Six agents' October: 20 pre-sale inquiries a day; conversion and sales differ; the sixth worked 10 days only.
    for (const [i, { id }] of agents.entries()) {
      await sql`
        INSERT INTO kpi_agent_days (shop_id, agent_id, day, team_id, role_group, sessions, inquiries, pre_sale_inquiries, ordered_customers, paying_customers, paid_cents, first_response_sum, first_response_count)
        SELECT a.shop_id, a.id, d::date, a.team_id, a.role_group, 20, 20, 20, ${10 - i}, ${10 - i}, ${(10 - i) * 12_345}, ${(10 + i) * 20}, 20
        FROM agents a, generate_series('2026-10-01'::date, '2026-10-01'::date + ${i === 5 ? 9 : 19}::int, interval '1 day') d WHERE a.id = ${id}`;
    }
    const manager = await t.tokenFor('manager');
    const card = await t
      .http()
      .post('/scorecards')
      .set(bearer(manager))
      .send({
        name: '售前月度考核',
        roleGroup: 'pre_sales',
        topN: 1,
        bottomPercent: 20,
        minDaysWorked: 15,
        minInquiries: 300,
        metrics: [
          { metric: 'orderConversion', weight: 3 },
          { metric: 'serviceSales', weight: 2 },
          { metric: 'firstResponseSeconds', weight: 1 },
        ],
        rewardRules: [
          { flag: 'top', kind: 'bonus', amountCents: 50_000, note: '月度第一奖励' },
          { flag: 'bottom', kind: 'improvement_plan', note: '末位改进计划' },
        ],
      })
      .expect(201);
    const run = await t
      .http()
      .post('/rankings')
      .set(bearer(hr))
      .send({ month: MONTH, scorecardId: card.body.id })
      .expect(202);
    await t.app.get(JobQueue).settled(run.body.jobId);
    rankingId = run.body.rankingId;
    await t.http().post(`/rankings/${rankingId}/approve`).set(bearer(hr)).expect(200);
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('writes rank, agent, each metric with its points, total, flags and ledger; the ineligible apart', async () => {
    const ranking = (await t.http().get(`/rankings/${rankingId}`).set(bearer(hr)).expect(200)).body;
    const ledger = (await t.http().get(`/ledger?month=${MONTH}`).set(bearer(hr)).expect(200)).body.items;
    const { book, headers } = await exportWorkbook(t, hr, { kind: 'ranking', lang: 'en', params: { rankingId } });
    expect(headers['content-disposition']).toContain(`demo_ranking_${MONTH}_v1.xlsx`);
    const sheet = book.getWorksheet('Monthly ranking')!;
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(0, 10)).toEqual([
      'Rank',
      'Employee no.',
      'Agent',
      'Team',
      'Order conversion',
      'Order conversion points',
      'Service sales',
      'Service sales points',
      'First response time',
      'First response time points',
    ]);
    expect(sheet.rowCount).toBe(3 + ranking.ranked.length);
    for (const [i, r] of ranking.ranked.entries()) {
      const row = sheet.getRow(4 + i);
      expect(row.getCell(1).value).toBe(r.rank);
      expect(row.getCell(3).value).toBe(r.agentName);
      expect(row.getCell(5).value).toBe(r.metrics.orderConversion.value);
      expect(row.getCell(5).numFmt).toBe('0.0%');
      expect(row.getCell(6).value).toBe(r.metrics.orderConversion.points);
      expect(row.getCell(7).value).toBe(r.metrics.serviceSales.value / 100);
      expect(row.getCell(7).numFmt).toContain('¥');
      expect(row.getCell(11).value).toBe(r.total);
      expect(row.getCell(13).value ?? '').toBe(
        [r.top ? 'top' : null, r.bottom ? 'bottom' : null].filter(Boolean).join(' '),
      );
    }
    expect(String(sheet.getRow(4).getCell(16).value)).toContain('bonus 500.00');
    const ineligible = book.getWorksheet('Not ranked')!;
    expect(ineligible.rowCount).toBe(3 + ranking.ineligible.length);
    expect(ineligible.getRow(4).getCell(4).value).toBe(ranking.ineligible[0].daysWorked);
    expect(String(ineligible.getRow(4).getCell(6).value)).toMatch(/fewer than 15/);
    const entries = book.getWorksheet('Ledger')!;
    expect(entries.rowCount).toBe(3 + ledger.length);
    const bonus = ledger.find((e: { kind: string }) => e.kind === 'bonus');
    const row = [...Array(ledger.length).keys()]
      .map((k) => entries.getRow(4 + k))
      .find((r) => r.getCell(4).value === 'bonus')!;
    expect(row.getCell(5).value).toBe(bonus.amountCents / 100);
  });

  it('writes the daily report with each figure in its own unit beside last week', async () => {
    const day = '2026-11-20';
    const [{ id: agent }] = await sql<{ id: string }[]>`SELECT agent_id AS id FROM users WHERE username = 'agent'`;
    await insertSession(sql, t.demoShopId, {
      agentId: agent,
      customer: 'r1',
      startedAt: '2026-11-20T02:00:00Z',
      firstResponse: 12,
      meanResponse: 20,
      customerMessages: 3,
      agentMessages: 3,
      rating: 5,
    });
    await t.app.get(KpiAggregation).aggregateDay(t.demoShopId, day);
    const manager = await t.tokenFor('manager');
    const report = (await t.http().get(`/reports/daily?date=${day}`).set(bearer(manager)).expect(200)).body;
    const { book } = await exportWorkbook(t, manager, { kind: 'daily-report', lang: 'zh', params: { date: day } });
    const sheet = book.getWorksheet('客服日报')!;
    const rows = [...Array(sheet.rowCount - 3).keys()].map((k) => sheet.getRow(4 + k));
    const shopRow = (metric: string) =>
      rows.find((r) => r.getCell(1).value === '全店' && r.getCell(2).value === metric)!;
    expect(shopRow('咨询量').getCell(3).value).toBe(report.shop.figures.inquiries.value);
    expect(shopRow('咨询量').getCell(3).numFmt).toBe('#,##0');
    expect(shopRow('满意度').getCell(3).value).toBe(report.shop.figures.satisfaction.value);
    expect(shopRow('满意度').getCell(3).numFmt).toBe('0.0%');
    expect(shopRow('满意度').getCell(4).value).toBeNull();
    expect(shopRow('首次响应时间').getCell(3).value).toBe(report.shop.figures.firstResponseSeconds.value);
    expect(rows.length).toBe(report.metrics.length * (1 + report.teams.length));
  });

  it('keeps the ranking to HR, managers and supervisors of this shop', async () => {
    await t
      .http()
      .post('/exports')
      .set(bearer(await t.tokenFor('trainer')))
      .send({ kind: 'ranking', params: { rankingId } })
      .expect(403);
    const other = await createSecondShop(t);
    await t
      .http()
      .post('/exports')
      .set(bearer(other.managerToken))
      .send({ kind: 'ranking', params: { rankingId } })
      .expect(404);
  });
});
