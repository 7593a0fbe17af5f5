import type { Page } from 'playwright-core';
import { Db } from 'src/platform/db/db';
import { bearer, TestApp } from './support/test-app';
import { untranslatedWords } from './support/untranslated';
import { BROWSER_STEPS_MS, openScreen, screenshot, signIn, startWebSuite, WebBrowser } from './support/web-browser';
import { TODAY } from './support/web-fixtures';

async function shoot(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-1440`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('the web page in headless Chromium: shift templates, queues, promotions and users (e2e)', () => {
  let t: TestApp;
  let web: WebBrowser;
  let manager: string;
  let agentId: string;
  let names: string[];
  const untranslated = async (page: Page, ...more: string[]) =>
    untranslatedWords(await page.innerText('#view'), [...names, ...more]);
  /** A row once the screen has reloaded it with the saved values. */
  const shows = (page: Page, selector: string, text: RegExp | string) =>
    page.locator(selector, { hasText: text }).waitFor();

  beforeAll(async () => {
    ({ t, web, manager, agentId } = await startWebSuite());
    const rows = await t.app.get(Db).client`
      SELECT name FROM agents UNION SELECT display_name FROM users UNION SELECT name FROM queues
      UNION SELECT name FROM skills UNION SELECT name FROM shift_templates UNION SELECT username FROM users`;
    names = rows.map((r) => r.name as string);
  }, 300_000);
  afterAll(async () => {
    await web?.close();
    await t?.close();
  }, 300_000);

  it(
    'lets a manager create a shift template with a break, move its start, and archive it; supervisors only read',
    async () => {
      const { context, page, pageErrors } = await signIn(web, 'manager', 'zh');
      await openScreen(page, 'templates');
      await page.click('#new-template');
      const form = page.locator('#template-form');
      await form.locator('input[name=code]').fill('S');
      await form.locator('input[name=name]').fill('午间班');
      await form.locator('input[name=start]').fill('12:00');
      await form.locator('input[name=lengthMinutes]').fill('30');
      await form.locator('#add-break').click();
      await form.locator('input[name=breakName]').fill('午餐');
      await form.locator('input[name=breakMinutes]').fill('30');
      await form.locator('button[type=submit]').click();
      // Too short a shift: refused, the length named by its label.
      expect(await form.locator('.notice-error').textContent()).toContain('时长');
      await form.locator('input[name=lengthMinutes]').fill('480');
      // A break that would end after the shift: refused in Chinese, by the label of the breaks.
      await form.locator('input[name=breakLatest]').fill('470');
      await form.locator('button[type=submit]').click();
      await form.locator('.notice-error', { hasText: '休息：休息须在班次结束前结束' }).waitFor();
      await form.locator('input[name=breakLatest]').fill('240');
      await form.locator('button[type=submit]').click();
      await page.waitForSelector('#template-form', { state: 'detached' });
      const row = page.locator('#templates tbody tr', { hasText: '午间班' });
      await shows(page, '#templates tbody tr', /午间班.*12:00.*8 小时 00 分.*20:00.*午餐 30 分钟/);
      await row.locator('button[data-edit]').click();
      await form.locator('input[name=start]').fill('13:00');
      await form.locator('button[type=submit]').click();
      await page.waitForSelector('#template-form', { state: 'detached' });
      await shows(page, '#templates tbody tr', /午间班.*13:00.*21:00/);
      expect(await untranslated(page)).toEqual([]);
      await shoot(page, 'manager-shift-templates');
      const stored = (await t.http().get('/shift-templates').set(bearer(manager)).expect(200)).body.find(
        (s: { code: string }) => s.code === 'S',
      );
      expect(stored).toMatchObject({ name: '午间班', start: '13:00', end: '21:00', lengthMinutes: 480 });
      expect(stored.breaks).toEqual([expect.objectContaining({ name: '午餐', minutes: 30 })]);
      await row.locator('button[data-archive]').click();
      await page.waitForSelector('#templates tbody tr:has-text("午间班")', { state: 'detached' });
      expect(pageErrors).toEqual([]);
      await context.close();

      const supervisor = await signIn(web, 'supervisor', 'zh');
      await openScreen(supervisor.page, 'templates');
      expect(await supervisor.page.locator('#templates tbody tr').count()).toBeGreaterThan(0);
      expect(await supervisor.page.locator('#new-template, #templates button').count()).toBe(0);
      await supervisor.context.close();
    },
    BROWSER_STEPS_MS,
  );

  it(
    'lets a manager set a queue’s service target and plan a 双11 promotion with its uplift',
    async () => {
      const queues = (await t.http().get('/queues').set(bearer(manager)).expect(200)).body as {
        id: string;
        code: string;
        name: string;
      }[];
      const presales = queues.find((q) => q.code === 'presales_chat')!;
      const { context, page, pageErrors } = await signIn(web, 'manager', 'zh');
      await openScreen(page, 'queues');
      await page.click(`#queues tr[data-queue="${presales.id}"] button[data-edit]`);
      const form = page.locator('#queue-form');
      await form.locator('input[name=serviceLevelPercent]').fill('90');
      await form.locator('input[name=serviceLevelSeconds]').fill('20');
      await form.locator('button[type=submit]').click();
      await page.waitForSelector('#queue-form', { state: 'detached' });
      await shows(page, `#queues tr[data-queue="${presales.id}"] .queue-target`, /^90% 在 20 秒内响应$/);
      expect(await untranslated(page)).toEqual([]);
      await shoot(page, 'manager-queues');
      const queue = (await t.http().get(`/queues/${presales.id}`).set(bearer(manager)).expect(200)).body;
      expect(queue).toMatchObject({ serviceLevelPercent: 90, serviceLevelSeconds: 20 });

      const year = TODAY.toISODate()! > `${TODAY.year}-11-11` ? TODAY.year + 1 : TODAY.year;
      const day = `${year}-11-11`;
      await openScreen(page, 'events');
      await page.click('#new-event');
      const event = page.locator('#event-form');
      await event.locator('input[name=date]').fill(day);
      await event.locator('select[name=kind]').selectOption('closed');
      await event.locator('input[name=label]').fill('双11');
      await event.locator('input[name=multiplier]').fill('3');
      await event.locator('select[name=queueId]').selectOption(presales.id);
      await event.locator('button[type=submit]').click();
      // A closed day with an uplift: refused in Chinese, the uplift named by its label.
      const refusal = await event.locator('.notice-error').textContent();
      expect(refusal).toContain('话务倍数');
      expect(refusal).toContain('停业日不能设置倍数');
      await event.locator('select[name=kind]').selectOption('promotion');
      await event.locator('button[type=submit]').click();
      await page.waitForSelector('#event-form', { state: 'detached' });
      const row = page.locator('#events tbody tr', { hasText: '双11' });
      await shows(page, '#events tbody tr', /双11.*话务量 × 3/);
      expect(await row.textContent()).toContain(presales.name);
      await row.locator('button[data-edit]').click();
      await event.locator('input[name=multiplier]').fill('2.5');
      await event.locator('button[type=submit]').click();
      await page.waitForSelector('#event-form', { state: 'detached' });
      await shows(page, '#events tbody tr', /双11.*话务量 × 2\.5/);
      expect(await untranslated(page)).toEqual([]);
      await shoot(page, 'manager-forecast-events');
      const events = (await t.http().get(`/forecast-events?from=${day}&to=${day}`).set(bearer(manager)).expect(200))
        .body.items;
      expect(events).toEqual([
        expect.objectContaining({ kind: 'promotion', label: '双11', multiplier: 2.5, queueId: presales.id }),
      ]);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS,
  );

  it(
    'lets a manager create a user linked to an employee, change the role and switch the account off',
    async () => {
      const agent = (await t.http().get(`/agents/${agentId}`).set(bearer(manager)).expect(200)).body;
      const { context, page, pageErrors } = await signIn(web, 'manager', 'zh');
      await openScreen(page, 'users');
      await page.click('#new-user');
      const form = page.locator('#user-form');
      await form.locator('input[name=username]').fill('lina');
      await form.locator('input[name=displayName]').fill('李娜');
      await form.locator('input[name=password]').fill('short');
      await form.locator('select[name=role]').selectOption('supervisor');
      await form.locator('button[type=submit]').click();
      // A supervisor without an employee record and a short password: refused in Chinese, each by its label.
      const refusal = await form.locator('.notice-error').textContent();
      expect(refusal).toContain('关联客服档案');
      expect(refusal).toContain('密码：至少 8 个字符');
      await form.locator('input[name=password]').fill('change-me-2026');
      await form.locator('select[name=agentId]').selectOption(agentId);
      await form.locator('button[type=submit]').click();
      await page.waitForSelector('#user-form', { state: 'detached' });
      const row = page.locator('#users tbody tr', { hasText: '李娜' });
      await shows(page, '#users tbody tr', /李娜.*主管/);
      expect(await row.textContent()).toContain(agent.name);
      await t.http().post('/auth/login').send({ username: 'lina', password: 'change-me-2026' }).expect(200);

      await row.locator('button[data-edit]').click();
      await form.locator('select[name=role]').selectOption('qc');
      await form.locator('select[name=agentId]').selectOption('');
      await form.locator('input[name=active]').uncheck();
      await form.locator('button[type=submit]').click();
      await page.waitForSelector('#user-form', { state: 'detached' });
      await shows(page, '#users tbody tr', /李娜.*质检.*已停用/);
      expect(await untranslated(page, 'lina')).toEqual([]);
      await shoot(page, 'manager-users');
      const user = (await t.http().get('/users').set(bearer(manager)).expect(200)).body.find(
        (u: { username: string }) => u.username === 'lina',
      );
      expect(user).toMatchObject({ displayName: '李娜', role: 'qc', agentId: null, active: false });
      await t.http().post('/auth/login').send({ username: 'lina', password: 'change-me-2026' }).expect(401);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS,
  );
});
