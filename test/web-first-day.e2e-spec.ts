import { readFile } from 'node:fs/promises';
import { demoCalendar, demoSeededAt } from './support/demo-calendar';
import { startDemoApp } from './support/demo-database';
import { bearer, TestApp } from './support/test-app';
import { BROWSER_STEPS_MS, openScreen, screenshot, signIn, startBrowser, WebBrowser } from './support/web-browser';

/** The first day in the web page on a freshly seeded demo: HR ranks last month, the agent sees shifts and KPIs, the manager forecasts every queue. */
describe('the web page on a fresh demo: HR, agent, manager (e2e, headless Chromium)', () => {
  let t: TestApp;
  let web: WebBrowser;
  const day = demoCalendar();

  beforeAll(async () => {
    t = await startDemoApp();
    web = await startBrowser(t, demoSeededAt());
  }, 600_000);
  afterAll(async () => {
    await web?.close();
    await t?.close();
  }, 300_000);

  it(
    'HR opens the rankings on last month, computes, approves and downloads it without anyone’s help',
    async () => {
      const { context, page, pageErrors } = await signIn(web, 'hr', 'zh');
      await openScreen(page, 'rankings');
      expect(await page.inputValue('.toolbar input[type=month]')).toBe(day.lastMonth);
      await page.waitForSelector('#compute-ranking');
      await page.locator('#scorecard-pick').selectOption({ label: '售前月度考核' });
      await page.click('#compute-ranking');
      await page.waitForSelector('#ranking-table tbody tr', { timeout: 120_000 });
      expect(await page.locator('#ranking-table tbody tr').count()).toBeGreaterThan(10);
      await page.click('#approve-ranking');
      await page.waitForSelector('#approve-ranking', { state: 'detached' });
      await screenshot(page, 'first-day-hr-ranking');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.click('#download-ranking'),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      expect((await readFile((await download.path())!)).subarray(0, 2).toString()).toBe('PK');
      const [ranking] = (
        await t
          .http()
          .get(`/rankings?month=${day.lastMonth}`)
          .set(bearer(await t.tokenFor('hr')))
          .expect(200)
      ).body.items;
      expect(ranking.status).toBe('approved');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS * 2,
  );

  it(
    'the agent lands on their week with published shifts and their own KPIs',
    async () => {
      const { context, page, pageErrors } = await signIn(web, 'agent', 'zh');
      await page.waitForSelector('#my-work .shift-block');
      expect(await page.locator('#my-work .shift-block').count()).toBeGreaterThan(0);
      await page.waitForSelector('#my-kpis');
      expect((await page.textContent('#my-kpis'))!.replace(/\s+/g, '')).toMatch(/\d/);
      await screenshot(page, 'first-day-agent');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS,
  );

  it(
    'the manager forecasts every queue with one button',
    async () => {
      const { context, page, pageErrors } = await signIn(web, 'manager', 'zh');
      await openScreen(page, 'forecast');
      await page.click('#forecast-all');
      await page.waitForSelector('.notice-ok', { timeout: 120_000 });
      expect(await page.textContent('.notice-ok')).toBe('已完成 5 个队列的预测。');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS * 2,
  );
});
