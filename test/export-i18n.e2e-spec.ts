import type ExcelJS from 'exceljs';
import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { exportWorkbook } from './support/export-file';
import { QC_SESSION_DATE, seedQcDay } from './support/qc-sessions';
import { bearer, TestApp } from './support/test-app';
import { DEMO_SETUP_MS, startDemoApp } from './support/demo-database';
import { seedTrainingWeek, TrainingWeek } from './support/training-week';
import { chineseIn, untranslatedWords } from './support/untranslated';
import { lookFlaws } from './support/workbook-look';

const MONTH = '2026-10';

/** Every string a reader sees in a workbook: titles, headers and cells of every sheet. */
function texts(book: ExcelJS.Workbook): string[] {
  const found: string[] = [];
  book.eachSheet((sheet) => {
    found.push(sheet.name);
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as unknown;
        if (typeof v === 'string') found.push(v);
        else if (v && typeof v === 'object' && 'richText' in v)
          found.push((v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join(''));
      }),
    );
  });
  return found;
}

/**
 * Every export kind built in Chinese and in English: a Chinese workbook has no English word (ledger
 * kinds and states, skill codes, QC categories), an English one no Chinese, names and what people
 * typed (titles, reasons, notes) aside.
 */
describe('exports in Chinese and English (e2e)', () => {
  let t: TestApp;
  let w: TrainingWeek;
  let rankingId: string;
  const names = new Set<string>();
  const requests: Record<string, { role: string; params: Record<string, unknown> }> = {};

  beforeAll(async () => {
    t = await startDemoApp();
    const sql = t.app.get(Db).client;
    const [manager, hr, qc, trainer] = await Promise.all(['manager', 'hr', 'qc', 'trainer'].map((r) => t.tokenFor(r)));

    // QC: a reviewed day with a finding, so the summary lists a category and a severity.
    const day = await seedQcDay(t);
    await t
      .http()
      .post('/qc/reviews')
      .set(bearer(qc))
      .send({
        sessionId: day.agentSessions[0],
        findings: [{ category: '服务态度', severity: 'high', quote: '七天无理由不包括这个' }],
      })
      .expect(201);
    requests['qc-summary'] = { role: 'manager', params: { date: QC_SESSION_DATE } };
    requests['daily-report'] = { role: 'manager', params: { date: QC_SESSION_DATE } };

    // Ranking: six agents' month, ranked and approved (rule entries), and a manual entry.
    const agents = await sql<
      { id: string }[]
    >`SELECT id FROM agents WHERE shop_id = ${t.demoShopId} AND role_group = 'pre_sales' AND NOT is_supervisor ORDER BY employee_no LIMIT 6`;
    // The demo's own history may already hold these days: the month is replaced by known figures.
    await sql`DELETE FROM kpi_agent_days WHERE shop_id = ${t.demoShopId} AND day >= '2026-10-01' AND day < '2026-11-01'`;
    for (const [i, { id }] of agents.entries()) {
      await sql`
        INSERT INTO kpi_agent_days (shop_id, agent_id, day, team_id, role_group, sessions, inquiries, pre_sale_inquiries, ordered_customers, paying_customers, paid_cents, first_response_sum, first_response_count)
        SELECT a.shop_id, a.id, d::date, a.team_id, a.role_group, 20, 20, 20, ${10 - i}, ${10 - i}, ${(10 - i) * 12_345}, ${(10 + i) * 20}, 20
        FROM agents a, generate_series('2026-10-01'::date, '2026-10-01'::date + ${i === 5 ? 9 : 19}::int, interval '1 day') d WHERE a.id = ${id}`;
    }
    const card = await t
      .http()
      .post('/scorecards')
      .set(bearer(manager))
      .send({
        name: '售前月度考核（导出）',
        roleGroup: 'pre_sales',
        topN: 1,
        bottomPercent: 20,
        minDaysWorked: 15,
        minInquiries: 300,
        metrics: [
          { metric: 'orderConversion', weight: 3 },
          { metric: 'serviceSales', weight: 2 },
        ],
        rewardRules: [
          { flag: 'top', kind: 'bonus', amountCents: 50_000, note: '月度第一奖励' },
          { flag: 'bottom', kind: 'penalty', amountCents: 1_000, note: '末位扣款' },
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
    await t
      .http()
      .post('/ledger')
      .set(bearer(manager))
      .send({ agentId: agents[1].id, month: MONTH, kind: 'improvement_plan', reason: '迟到三次' })
      .expect(201);
    requests.ranking = { role: 'hr', params: { rankingId } };

    // Training: a booked session of the coming week.
    w = await seedTrainingWeek(t);
    await t
      .http()
      .post('/training/sessions')
      .set(bearer(trainer))
      .send({
        category: '平台政策',
        title: '七天无理由退货政策',
        lengthMinutes: 60,
        capacity: 10,
        trainerUserId: w.trainerUserId,
        invitees: { agentIds: [w.a, w.b, w.c, w.d] },
        start: w.at(0, '15:00'),
      })
      .expect(201);
    requests['training-plan'] = {
      role: 'trainer',
      params: { from: w.weekStart, to: new Date(Date.parse(w.weekStart) + 6 * 86_400_000).toISOString().slice(0, 10) },
    };

    // Roster: the training week solved from the demo's forecasts (per-slot coverage of skills, breaks, training, warnings).
    const roster = await t
      .http()
      .post('/rosters')
      .set(bearer(manager))
      .send({ weekStart: w.weekStart, timeLimitSeconds: 2, demand: 'forecast', seed: 1 })
      .expect(202);
    await t.app.get(JobQueue).settled(roster.body.jobId, 60_000);
    requests.roster = { role: 'manager', params: { rosterId: roster.body.rosterId } };

    // Names and what people typed may be in either language.
    const rows = await sql<{ name: string }[]>`
      SELECT name FROM agents UNION SELECT name FROM teams UNION SELECT name FROM skills UNION SELECT name FROM queues UNION SELECT name FROM shops
      UNION SELECT name FROM scorecards UNION SELECT reason FROM ledger_entries UNION SELECT title FROM training_sessions UNION SELECT name FROM shift_templates`;
    for (const r of rows) names.add(r.name);
  }, DEMO_SETUP_MS);
  afterAll(() => t.close(), 300_000);

  it('covers every export kind', async () => {
    const kinds = (
      await t
        .http()
        .get('/exports/kinds')
        .set(bearer(await t.tokenFor('admin')))
        .set('X-Shop-Id', t.demoShopId)
        .expect(200)
    ).body.map((k: { kind: string }) => k.kind);
    expect(Object.keys(requests).sort()).toEqual([...kinds].sort());
  });

  it.each(['qc-summary', 'daily-report', 'ranking', 'training-plan', 'roster'])(
    '%s: no English word in Chinese, no Chinese in English',
    async (kind) => {
      const { role, params } = requests[kind];
      const token = await t.tokenFor(role);
      const zh = texts((await exportWorkbook(t, token, { kind, lang: 'zh', params })).book);
      expect(zh.filter((s) => /[\u3400-\u9fff]/.test(s)).length).toBeGreaterThan(3);
      expect(zh.flatMap((s) => untranslatedWords(s, names).map((word) => `${word} in "${s}"`))).toEqual([]);
      const en = texts((await exportWorkbook(t, token, { kind, lang: 'en', params })).book);
      expect(en.flatMap((s) => (chineseIn(s, names).length ? [s] : []))).toEqual([]);
    },
  );

  it.each(['qc-summary', 'daily-report', 'ranking', 'training-plan', 'roster'].flatMap((k) => [`${k} zh`, `${k} en`]))(
    '%s: looks hand-made and stays computable (title merged, print setup, date cells, widths)',
    async (kindLang) => {
      const [kind, lang] = kindLang.split(' ');
      const { role, params } = requests[kind];
      const { book } = await exportWorkbook(t, await t.tokenFor(role), { kind, lang, params });
      expect(book.worksheets.length).toBeGreaterThan(0);
      expect(lookFlaws(book)).toEqual([]);
      // The sheets that carry days or times hold them as date cells a pivot table can group.
      const dated = book.worksheets.flatMap((ws) =>
        [...Array(Math.max(0, ws.rowCount - 3)).keys()].flatMap((i) =>
          (ws.getRow(i + 4).values as unknown[]).filter((v) => v instanceof Date),
        ),
      );
      if (kind === 'roster' || kind === 'training-plan') expect(dated.length).toBeGreaterThan(0);
    },
  );
});
