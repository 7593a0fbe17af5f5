import { bearer, TestApp } from './support/test-app';
import { draftShiftReplacedByLeave, publishTeamWeek, PublishedTeamWeek } from './support/self-service-week';
import { BROWSER_STEPS_MS, signIn, startWebSuite, WebBrowser } from './support/web-browser';
import { NEXT_WEEK } from './support/web-fixtures';

/** The roster screen's draft warnings: a manager dismisses one with its button and it is gone. */
describe('web draft warnings (e2e, Chromium)', () => {
  let t: TestApp;
  let web: WebBrowser;
  let manager: string;
  let week: PublishedTeamWeek;
  const warnings = async () =>
    (await t.http().get(`/rosters/${week.rosterId}`).set(bearer(manager)).expect(200)).body.version.warnings as {
      agentId: string;
    }[];

  beforeAll(async () => {
    let agentId: string;
    ({ t, web, manager, agentId } = await startWebSuite());
    week = await publishTeamWeek(t, NEXT_WEEK);
    const partTimer = week.mates.find((m) => m.shifts === 3 && m.id !== agentId && !m.isSupervisor)!;
    // A draft moves the part-timer's Monday; leave approved over that Monday then replaces it: one warning.
    await draftShiftReplacedByLeave(t, week, partTimer.id, NEXT_WEEK);
  }, 180_000);
  afterAll(async () => {
    await web?.close();
    await t?.close();
  }, 300_000);

  it(
    'lets the manager dismiss a draft warning from the roster screen',
    async () => {
      expect(await warnings()).toHaveLength(1);
      const { context, page, pageErrors } = await signIn(web, 'manager', 'zh');
      const item = page.locator('#draft-warnings li');
      await item.waitFor();
      expect(await item.textContent()).toContain('替换了本草稿中的');
      await item.locator('button.dismiss-warning', { hasText: '忽略' }).click();
      await page.waitForSelector('#roster-status .notice-ok');
      expect(await page.textContent('#roster-status')).toContain('已忽略该提醒');
      expect(await page.locator('#draft-warnings').count()).toBe(0);
      expect(await warnings()).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS,
  );
});
