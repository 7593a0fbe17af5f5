import { readFile } from 'node:fs/promises';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { QC_SAMPLE_DATE, QC_SESSION_DATE, seedQcDay } from './support/qc-sessions';
import { bearer, TestApp } from './support/test-app';
import { publishNextWeek, seedVolume, TODAY } from './support/web-fixtures';
import {
  BROWSER_STEPS_MS,
  DESKTOP,
  openScreen,
  PHONE,
  screenshot,
  setDate,
  signIn,
  startWebSuite,
  WebBrowser,
} from './support/web-browser';

describe('the web page in headless Chromium: QC, forecast, training, rankings (e2e)', () => {
  let t: TestApp;
  let web: WebBrowser;
  let manager: string;
  let agentId: string;
  let teamId: string;
  let presalesQueue: string;

  beforeAll(async () => {
    ({ t, web, manager, agentId, teamId } = await startWebSuite());
    await seedQcDay(t);
    presalesQueue = (
      (await t.http().get('/queues').set(bearer(manager)).expect(200)).body as { id: string; code: string }[]
    ).find((q) => q.code === 'presales_chat')!.id;
    await seedVolume(t, presalesQueue);
    // Training is placed into the published shifts of next week.
    await publishNextWeek(t, manager, teamId);
  }, 300_000);
  afterAll(async () => {
    await web?.close();
    await t?.close();
  }, 300_000);

  it(
    'lets QC review a sampled session and the supervisor confirm the coaching with a note',
    async () => {
      const qc = await signIn(web, 'qc');
      await openScreen(qc.page, 'qc');
      await setDate(qc.page, '.toolbar input[type=date]', QC_SAMPLE_DATE);
      await qc.page.click('#draw-sample');
      // A session of the demo agent, whose supervisor confirms the coaching below.
      await qc.page.waitForSelector(`#samples tr[data-agent="${agentId}"] button[data-session]`, { timeout: 30_000 });
      await qc.page.locator(`#samples tr[data-agent="${agentId}"] button[data-session]`).first().click();
      await qc.page.waitForSelector('#review-form');
      for (const input of await qc.page.locator('#review-form .rubric-item input').all())
        if ((await input.getAttribute('value')) !== '0') await input.fill('0');
      await qc.page.fill('#review-form textarea[name=comment]', '退款政策解释不清');
      await qc.page.locator('#review-form select[name=findingCategory]').selectOption('平台政策');
      await qc.page.locator('#review-form select[name=findingSeverity]').selectOption('high');
      await screenshot(qc.page, 'qc-review-form');
      await qc.page.click('#submit-review');
      await qc.page.waitForSelector('#review-form', { state: 'detached' });
      await qc.page.waitForSelector('#coaching tr');
      await screenshot(qc.page, 'qc-after-review');
      // The day's QC summary as an Excel file, built by an export job and saved by the browser.
      const [download] = await Promise.all([
        qc.page.waitForEvent('download', { timeout: 30_000 }),
        qc.page.click('#download-qc-summary'),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = await readFile((await download.path())!);
      expect(file.subarray(0, 2).toString()).toBe('PK');
      expect(file.length).toBeGreaterThan(1000);
      await qc.context.close();

      // The agent reviewed sees that review and the coaching it raised, and nobody else's.
      const agent = await signIn(web, 'agent');
      await agent.page.waitForSelector('#my-reviews tbody tr');
      expect(await agent.page.locator('#my-reviews tbody tr').count()).toBe(1);
      expect(await agent.page.locator('#my-work #coaching tbody tr').count()).toBe(1);
      expect(await agent.page.textContent('#my-reviews')).toContain('退款政策解释不清');
      await screenshot(agent.page, 'agent-review-and-coaching');
      await agent.context.close();

      const supervisor = await signIn(web, 'supervisor');
      await openScreen(supervisor.page, 'qc');
      await supervisor.page.locator('#coaching button[data-task]').first().click();
      await supervisor.page.fill('#confirm-form textarea[name=note]', '已与客服复盘话术，明确退款政策');
      await supervisor.page.click('#confirm-form button[type=submit]');
      await supervisor.page.waitForSelector('#confirm-form', { state: 'detached' });
      const done = (
        await t
          .http()
          .get('/qc/coaching-tasks?status=done')
          .set(bearer(await t.tokenFor('supervisor')))
          .expect(200)
      ).body.items;
      expect(done).toHaveLength(1);
      expect(done[0].note).toBe('已与客服复盘话术，明确退款政策');
      await screenshot(supervisor.page, 'supervisor-qc-confirmed');
      await supervisor.context.close();
    },
    BROWSER_STEPS_MS,
  );

  it(
    'forecasts a queue with live progress, shows it against the actual with the band, and takes an adjustment',
    async () => {
      const { context, page, pageErrors } = await signIn(web, 'manager');
      await openScreen(page, 'forecast');
      await page.locator('#queue-pick').selectOption(presalesQueue);
      await page.waitForSelector('#view .card');
      await page.click('#new-forecast');
      await page.waitForSelector('#job-progress');
      await page.waitForSelector('svg.forecast-chart path.band', { timeout: 60_000 });
      expect(await page.locator('svg.forecast-chart path.line-actual').getAttribute('d')).toMatch(/^M/);
      expect(await page.textContent('#wape')).toMatch(/\d+(\.\d)?%/);
      const form = page.locator('#adjustment-form');
      await form.locator('input[name=reason]').fill('店铺直播');
      await form.locator('button[type=submit]').click();
      await page.waitForSelector('#adjustments td:has-text("店铺直播")');
      await page.waitForSelector('svg.forecast-chart path.line-adjusted[d^="M"]');
      await screenshot(page, 'manager-forecast-data');
      const adjustments = (
        await t.http().get(`/forecast-adjustments?queueId=${presalesQueue}`).set(bearer(manager)).expect(200)
      ).body.items;
      expect(adjustments).toHaveLength(1);
      expect(adjustments[0]).toMatchObject({ kind: 'percent', value: 20, reason: '店铺直播' });
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS,
  );

  it(
    'proposes training times with their service-level impact, books one, records attendance and shows the effect',
    async () => {
      const trainer = await t.tokenFor('trainer');
      const { context, page, pageErrors } = await signIn(web, 'trainer', 'zh');
      await openScreen(page, 'training');
      // The QC finding recorded above is this fortnight's training need, taught from the review's comment.
      const need = page.locator('#needs tbody tr').first();
      expect(await need.textContent()).toContain('平台政策');
      expect(await need.locator('td.quotes').textContent()).toContain('退款政策解释不清');
      // Figures and their headers line up (both right-aligned).
      const aligned = await page.evaluate(
        `[...document.querySelectorAll('#needs thead th')].map((th, i) => [getComputedStyle(th).textAlign, getComputedStyle(document.querySelector('#needs tbody tr').children[i]).textAlign])`,
      );
      expect((aligned as [string, string][]).filter(([th, td]) => th !== td)).toEqual([]);
      expect((aligned as [string, string][]).filter(([th]) => th === 'right').length).toBe(3);
      await screenshot(page, 'trainer-needs');
      await page.locator('#plan-form select[name=teamId]').selectOption(teamId);
      await page.click('#propose');
      await page.waitForSelector('#proposals button[data-option]', { timeout: 30_000 });
      expect(await page.locator('#proposals tbody tr').first().textContent()).toMatch(/%/);
      await screenshot(page, 'trainer-proposals');
      await page.locator('#proposals button[data-option]').first().click();
      await page.waitForSelector('#sessions tr[data-session]');
      // Booked for next week: not yet held, never "0 of n attended".
      const booked = page.locator('#sessions tr[data-session] .attendance-cell').first();
      expect(await booked.textContent()).toMatch(/^尚未开始 · 已邀请 \d+ 人$/);
      await screenshot(page, 'trainer-session-booked');
      await page.setViewportSize(PHONE);
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      await screenshot(page, 'phone-trainer-training');
      await page.setViewportSize(DESKTOP);
      const from = TODAY.minus({ days: 1 }).toUTC().toISO();
      const to = TODAY.plus({ weeks: 3 }).toUTC().toISO();
      const [session] = (
        await t.http().get(`/training/sessions?from=${from}&to=${to}`).set(bearer(trainer)).expect(200)
      ).body.items;
      expect(session.attendees.length).toBeGreaterThan(0);
      await page.click(`#sessions tr[data-session="${session.id}"] button >> nth=0`);
      await page.click('#attendance-form button[type=submit]');
      await page.waitForSelector('#attendance-form', { state: 'detached' });
      const marked = (await t.http().get(`/training/sessions/${session.id}`).set(bearer(trainer)).expect(200)).body;
      expect(marked.attendees.every((a: { attendance: string }) => a.attendance === 'attended')).toBe(true);
      await page.click(`#sessions tr[data-session="${session.id}"] button >> nth=1`);
      await page.waitForSelector('#effect');
      await screenshot(page, 'trainer-effect');
      await page.click('.dialog button.primary');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.click('#download-training-plan'),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      expect((await readFile((await download.path())!)).subarray(0, 2).toString()).toBe('PK');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS,
  );

  it(
    'lets HR compute the month’s ranking, approve it, decide the proposed ledger entries and download it',
    async () => {
      const hr = await t.tokenFor('hr');
      const run = await t
        .http()
        .post('/jobs/kpi.aggregate/run')
        .set(bearer(manager))
        .send({ date: QC_SESSION_DATE })
        .expect(202);
      await t.app.get(JobQueue).settled(run.body.jobId, 30_000);
      await t
        .http()
        .post('/scorecards')
        .set(bearer(hr))
        .send({
          name: '售前月度考核',
          roleGroup: 'pre_sales',
          metrics: [
            { metric: 'satisfaction', weight: 60 },
            { metric: 'firstResponseSeconds', weight: 40 },
          ],
          minDaysWorked: 0,
          minInquiries: 0,
          topN: 1,
          bottomPercent: 10,
          rewardRules: [{ flag: 'top', kind: 'bonus', amountCents: 50_000, note: '月度第一奖励' }],
        })
        .expect(201);
      const { context, page, pageErrors } = await signIn(web, 'hr');
      await openScreen(page, 'rankings');
      await setDate(page, '.toolbar input[type=month]', QC_SESSION_DATE.slice(0, 7));
      await page.waitForSelector('#compute-ranking');
      await page.click('#compute-ranking');
      await page.waitForSelector('#ranking-table tbody tr', { timeout: 30_000 });
      expect(await page.locator('#ranking-table .badge-good').count()).toBeGreaterThan(0);
      await page.click('#approve-ranking');
      await page.waitForSelector('#approve-ranking', { state: 'detached' });
      await page.waitForSelector('#ledger tbody tr button');
      await page.locator('#ledger tbody tr button').first().click();
      await page.waitForSelector('#ledger .badge-good');
      await screenshot(page, 'hr-rankings-approved');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.click('#download-ranking'),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      expect((await readFile((await download.path())!)).subarray(0, 2).toString()).toBe('PK');
      const ledger = (
        await t
          .http()
          .get(`/ledger?month=${QC_SESSION_DATE.slice(0, 7)}`)
          .set(bearer(hr))
          .expect(200)
      ).body.items;
      expect(ledger.map((e: { status: string }) => e.status)).toContain('approved');
      const [ranking] = (
        await t
          .http()
          .get(`/rankings?month=${QC_SESSION_DATE.slice(0, 7)}`)
          .set(bearer(hr))
          .expect(200)
      ).body.items;
      expect(ranking.status).toBe('approved');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS,
  );
});
