import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { bearer, TestApp } from './support/test-app';
import { chineseIn, untranslatedWords } from './support/untranslated';
import { BROWSER_STEPS_MS, screenshot, signIn, startWebSuite, WebBrowser } from './support/web-browser';
import { NEXT_WEEK, seedVolume } from './support/web-fixtures';

type Shift = { code: string; lengthMinutes: number; breaks: { minutes: number }[] } | null;
type Row = {
  agentId: string;
  employeeNo: string;
  name: string;
  teamId: string;
  days: { date: string; shift: Shift }[];
};
type Roster = {
  id: string;
  revision: number;
  version: { version: number; status: string };
  versions: { version: number; status: string; createdByName: string | null; publishedByName: string | null }[];
  agents: Row[];
  underCover: { date: string; daypart: string; missingAgentHours: number }[];
};

const SUNDAY = DateTime.fromISO(NEXT_WEEK).plus({ days: 6 }).toISODate()!;
const worked = (a: Row) =>
  a.days.reduce(
    (s, d) => s + (d.shift ? d.shift.lengthMinutes - d.shift.breaks.reduce((b, x) => b + x.minutes, 0) : 0),
    0,
  );

/** The `data-agent` of every element the selector finds, in document order. */
const agentsOf = async (page: Page, selector: string) =>
  (await page.evaluate(`[...document.querySelectorAll('${selector}')].map((x) => x.dataset.agent)`)) as string[];

/** Both viewports the issue asks for: the desktop first, then the phone. */
async function screenshots(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-1440`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

/**
 * The roster grid's tools, its one status label and versions with their authors, and warnings in
 * the manager's words, on a published week of two teams rostered against a forecast.
 */
describe('web roster grid: tools, versions, warnings (e2e, Chromium)', () => {
  let t: TestApp;
  let web: WebBrowser;
  let manager: string;
  let rosterId: string;
  let managerName: string;
  let queueId: string;
  const read = async () => (await t.http().get(`/rosters/${rosterId}`).set(bearer(manager)).expect(200)).body as Roster;
  const sundayOf = (r: Roster, agentId: string) =>
    r.agents.find((a) => a.agentId === agentId)!.days.find((d) => d.date === SUNDAY)!.shift?.code ?? null;

  beforeAll(async () => {
    let teamId: string;
    ({ t, web, manager, teamId } = await startWebSuite());
    const sql = t.app.get(Db).client;
    [{ id: queueId }] = await sql<
      { id: string }[]
    >`SELECT id FROM queues WHERE shop_id = ${t.demoShopId} AND code = 'presales_chat'`;
    [{ display_name: managerName }] = await sql<
      { display_name: string }[]
    >`SELECT display_name FROM users WHERE username = 'manager'`;
    await seedVolume(t, queueId);
    const forecast = await t
      .http()
      .post('/forecasts')
      .set(bearer(manager))
      .send({ queueIds: [queueId], from: NEXT_WEEK, weeks: 1, method: 'weekday-mean' })
      .expect(202);
    await t.app.get(JobQueue).settled(forecast.body.forecasts[0].jobId, 60_000);
    const teams = (await t.http().get('/teams?limit=50').set(bearer(manager)).expect(200)).body.items as {
      id: string;
    }[];
    const other = teams.find((x) => x.id !== teamId)!.id;
    const created = await t
      .http()
      .post('/rosters')
      .set(bearer(manager))
      .send({ weekStart: NEXT_WEEK, teamIds: [teamId, other], timeLimitSeconds: 3, demand: 'forecast' })
      .expect(202);
    await t.app.get(JobQueue).settled(created.body.jobId, 60_000);
    rosterId = created.body.rosterId;
    await t.http().post(`/rosters/${rosterId}/publish`).set(bearer(manager)).send({}).expect(200);
  }, 120_000);
  afterAll(async () => {
    await web?.close();
    await t?.close();
  }, 300_000);

  it(
    'has every new text in Chinese and English',
    async () => {
      const context = await web.browser.newContext();
      const page = await context.newPage();
      await page.goto(`${web.baseUrl}/`);
      const texts = (await page.evaluate(`import('/assets/texts-grid.js').then((m) => m.GRID_TEXT)`)) as Record<
        string,
        [string, string]
      >;
      expect(Object.keys(texts).length).toBeGreaterThan(40);
      const wrong = Object.entries(texts).flatMap(([key, [en, zh]]) => [
        // Placeholders ({name}) are filled with names and numbers, not words to translate.
        ...untranslatedWords(zh.replace(/\{\w+\}/g, ' '), ['Ctrl+C', 'Ctrl+V', 'Ctrl+Z']).map((w) => `${key}: ${w}`),
        ...chineseIn(en).map((c) => `${key}: ${c}`),
      ]);
      expect(wrong).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS,
  );

  it(
    'shows one status label, and beside each version who made and published it and what changed',
    async () => {
      const roster = await read();
      expect(roster.versions).toEqual([
        expect.objectContaining({
          version: 1,
          status: 'published',
          createdByName: managerName,
          publishedByName: managerName,
        }),
      ]);
      const { context, page, pageErrors } = await signIn(web, 'manager', 'zh');
      await page.waitForSelector('table.roster-grid tbody tr[data-agent]');
      expect(await page.textContent('#roster-state')).toBe('已发布 v1');
      // One label says the state: the week's picker names the teams, and one version needs no version picker.
      const teamNames = (await page.locator('.toolbar select option').allTextContents()).join('');
      expect(teamNames).not.toMatch(/已发布|草稿|已完成/);
      expect(await page.locator('#version-pick').count()).toBe(0);
      expect((await page.locator('.toolbar').textContent())!.split('已发布 v1').length - 1).toBe(1);
      const v1 = page.locator('#versions li[data-version="1"]');
      expect(await v1.textContent()).toContain(`由 ${managerName} 创建`);
      expect(await v1.textContent()).toContain(`由 ${managerName} 发布`);
      await screenshots(page, 'grid-versions');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS,
  );

  it(
    'says where agents are missing per day, time of day and skill, with the solver figures behind a toggle',
    async () => {
      const roster = await read();
      expect(roster.underCover.length).toBeGreaterThan(0);
      const { context, page, pageErrors } = await signIn(web, 'manager', 'zh');
      await page.waitForSelector('#cover-warnings tbody tr');
      const rows = page.locator('#cover-warnings tbody tr');
      expect(await rows.count()).toBe(roster.underCover.length);
      const first = roster.underCover[0];
      expect(await rows.first().getAttribute('data-daypart')).toBe(first.daypart);
      expect(await rows.first().locator('td').nth(3).textContent()).toBe(String(first.missingAgentHours));
      const total = roster.underCover.reduce((s, u) => s + u.missingAgentHours, 0);
      expect(await page.textContent('#cover-total')).toContain(`${Math.round(total * 10) / 10} 人·小时`);
      // Objective and bound are not shown until the planner opens the details.
      expect(await page.locator('#solver-details').getAttribute('open')).toBeNull();
      expect(await page.isVisible('#solver-details table')).toBe(false);
      await page.click('#solver-details summary');
      expect(await page.isVisible('#solver-details table')).toBe(true);
      expect(await page.textContent('#solver-details')).toContain('下界');
      await page.locator('#cover-warnings').scrollIntoViewIfNeeded();
      await screenshots(page, 'grid-warnings');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS,
  );

  it(
    'groups agents by team with subtotals, searches and sorts them, and moves between days with the keyboard',
    async () => {
      const roster = await read();
      const { context, page, pageErrors } = await signIn(web, 'manager', 'zh');
      await page.waitForSelector('table.roster-grid tbody tr[data-agent]');
      const teams = [...new Set(roster.agents.map((a) => a.teamId))];
      expect(teams.length).toBe(2);
      expect(await page.locator('tr.team-row').count()).toBe(2);
      for (const team of teams) {
        const hours = roster.agents.filter((a) => a.teamId === team).reduce((s, a) => s + worked(a), 0) / 60;
        expect(await page.textContent(`tr.team-row[data-team="${team}"] td.team-hours`)).toBe(hours.toFixed(1));
      }
      // Each team's agents come right after its subtotal row.
      const order = (await page.evaluate(
        "[...document.querySelectorAll('table.roster-grid tbody tr')].map((tr) => tr.dataset.team ?? 'agent:' + tr.dataset.agent)",
      )) as string[];
      const teamOf = new Map(roster.agents.map((a) => [a.agentId, a.teamId]));
      let current = '';
      for (const key of order) {
        if (!key.startsWith('agent:')) current = key;
        else expect(teamOf.get(key.slice(6))).toBe(current);
      }
      await screenshots(page, 'grid-grouped');

      const someone = roster.agents[3];
      await page.fill('#grid-search', someone.employeeNo);
      expect(await agentsOf(page, 'tbody tr[data-agent]')).toEqual([someone.agentId]);
      await page.fill('#grid-search', someone.name);
      expect(await page.locator('tbody tr[data-agent]').count()).toBeGreaterThanOrEqual(1);
      await page.fill('#grid-search', '');
      await page.uncheck('#grid-group');
      expect(await page.locator('tr.team-row').count()).toBe(0);
      await page.selectOption('#grid-sort', 'hours');
      const hours = (await page.locator('tbody tr[data-agent] td.num').allTextContents()).map(Number);
      expect(hours).toEqual([...hours].sort((a, b) => b - a));
      expect(hours.length).toBe(roster.agents.length);
      await screenshots(page, 'grid-sorted');

      // Keyboard: arrows move, Space selects.
      const firstRow = page.locator('tbody tr[data-agent]').first();
      await firstRow.locator('td.day-cell').first().focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate('document.activeElement.dataset.date')).toBe(
        DateTime.fromISO(NEXT_WEEK).plus({ days: 1 }).toISODate(),
      );
      await page.keyboard.press('ArrowDown');
      const secondAgent = await page.locator('tbody tr[data-agent]').nth(1).getAttribute('data-agent');
      expect(await page.evaluate("document.activeElement.closest('tr').dataset.agent")).toBe(secondAgent);
      await page.keyboard.press(' ');
      expect(await page.locator('td.day-cell.selected').count()).toBe(1);
      expect(await page.textContent('#selection-count')).toBe('已选 1 格');
      await page.keyboard.press('Escape');
      expect(await page.locator('td.day-cell.selected').count()).toBe(0);
      await page.check('#grid-group');
      await page.selectOption('#grid-sort', 'number');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS,
  );

  it(
    'edits several days at once, copies a week and a day, and undoes the last change',
    async () => {
      const before = await read();
      // Sunday is the week's last day: an early or middle shift there may become a late one.
      const [p, q] = before.agents.filter((a) => ['E', 'M'].includes(sundayOf(before, a.agentId) ?? ''));
      expect(q).toBeDefined();
      const original = { p: sundayOf(before, p.agentId), q: sundayOf(before, q.agentId) };
      const cell = (agentId: string, date = SUNDAY) => `tr[data-agent="${agentId}"] td[data-date="${date}"]`;
      const { context, page, pageErrors } = await signIn(web, 'manager', 'zh');
      await page.waitForSelector('table.roster-grid tbody tr[data-agent]');
      const saved = async (click: () => Promise<void>) => {
        const revision = (await read()).revision;
        await click();
        await page
          .locator('#roster-status')
          .filter({ hasText: `修订 ${revision + 1}）` })
          .waitFor();
        await page.waitForSelector('table.roster-grid tbody tr[data-agent]');
      };

      // Multi-select two Sundays and set both to the late shift in one edit.
      await page.click(cell(p.agentId), { modifiers: ['Control'] });
      await page.click(cell(q.agentId), { modifiers: ['Control'] });
      expect(await page.textContent('#selection-count')).toBe('已选 2 格');
      await page.click('#edit-selected');
      await page.locator('#bulk-form select[name=template]').selectOption('L');
      await saved(() => page.click('#bulk-form button[type=submit]'));
      let now = await read();
      expect([sundayOf(now, p.agentId), sundayOf(now, q.agentId)]).toEqual(['L', 'L']);
      expect(now.version).toMatchObject({ version: 2, status: 'draft' });
      expect(await page.textContent('#roster-state')).toBe('草稿 v2');
      expect(await page.locator('#version-pick option').allTextContents()).toEqual(['v1', 'v2']);
      expect((await page.locator('.toolbar').textContent())!.split('草稿 v2').length - 1).toBe(1);
      expect(await page.textContent('#versions li[data-version="2"]')).toContain(`由 ${managerName} 创建`);
      await page.click('#versions li[data-version="2"] button[data-version="2"]');
      await page.waitForSelector('#versions li[data-version="2"] #diff-table');
      expect(await page.locator('#versions li[data-version="2"] #diff-table tbody tr').count()).toBe(2);
      await screenshots(page, 'grid-bulk-edit');

      // Copy P's week (late Sunday), undo the bulk edit, then paste the week back onto P.
      await page.focus(cell(p.agentId, NEXT_WEEK));
      await page.click('#copy-week');
      await saved(() => page.click('#undo'));
      now = await read();
      expect([sundayOf(now, p.agentId), sundayOf(now, q.agentId)]).toEqual([original.p, original.q]);
      await page.click(cell(p.agentId, NEXT_WEEK), { modifiers: ['Control'] });
      await saved(() => page.click('#paste'));
      expect(await page.textContent('#roster-status')).toContain('已保存 7 天');
      now = await read();
      expect(sundayOf(now, p.agentId)).toBe('L');
      expect(sundayOf(now, q.agentId)).toBe(original.q);

      // Copy P's Sunday with Ctrl+C, paste it on Q's with Ctrl+V, undo with Ctrl+Z.
      await page.focus(cell(p.agentId));
      await page.keyboard.press('Control+c');
      await page.click(cell(q.agentId), { modifiers: ['Control'] });
      await saved(() => page.keyboard.press('Control+v'));
      expect(sundayOf(await read(), q.agentId)).toBe('L');
      expect(await page.textContent(`${cell(q.agentId)} .shift-label b`)).toBe(
        await page.textContent(`${cell(p.agentId)} .shift-label b`),
      );
      await screenshots(page, 'grid-pasted');
      await page.focus(cell(q.agentId));
      await saved(() => page.keyboard.press('Control+z'));
      expect(sundayOf(await read(), q.agentId)).toBe(original.q);
      expect(await page.isDisabled('#undo')).toBe(true);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS,
  );

  it(
    'draws a day on one time axis: required vs scheduled per slot with service level and answer time, shifts with breaks and training, and who could cover a gap',
    async () => {
      type Item = {
        start: string;
        required: number;
        scheduled: number;
        projected: { serviceLevel: number; asaSeconds: number | null } | null;
      };
      type Suggestion = {
        agent: { id: string };
        effect: { slots: { start: string; scheduledBefore: number; scheduledAfter: number }[] };
      };
      type Published = {
        agents: {
          agentId: string;
          days: {
            date: string;
            shift: {
              start: { utc: string; local: string };
              end: { utc: string };
              breaks: { start: { local: string } }[];
            } | null;
          }[];
        }[];
      };
      const published = (await t.http().get(`/rosters/${rosterId}?version=1`).set(bearer(manager)).expect(200))
        .body as Published;
      const monday = published.agents.flatMap((a) =>
        a.days[0].shift ? [{ agentId: a.agentId, shift: a.days[0].shift }] : [],
      );
      expect(monday.length).toBeGreaterThan(3);
      // One of them in a training session an hour into the shift, on a shift whose second hour is
      // still Monday's: a night shift's (23:00) is Tuesday's, off Monday's track.
      const trainee = monday.find((m) => Number(m.shift.start.local.slice(11, 13)) <= 21)!;
      expect(trainee).toBeDefined();
      const from = new Date(Date.parse(trainee.shift.start.utc) + 60 * 60_000);
      const sql = t.app.get(Db).client;
      const [{ id: sessionId }] = await sql<{ id: string }[]>`
        INSERT INTO training_sessions (shop_id, category, title, status, starts_at, ends_at, capacity, impact, lost_contacts_within_target)
        VALUES (${t.demoShopId}, 'product', 'Product training', 'booked', ${from.toISOString()}, ${new Date(from.getTime() + 60 * 60_000).toISOString()}, 5, '{}'::jsonb, 0)
        RETURNING id`;
      await sql`INSERT INTO training_attendees (shop_id, session_id, agent_id) VALUES (${t.demoShopId}, ${sessionId}, ${trainee.agentId})`;
      const view = (await t.http().get(`/intraday?queue=${queueId}&date=${NEXT_WEEK}`).set(bearer(manager)).expect(200))
        .body as { items: Item[] };
      const short = view.items.filter((i) => i.scheduled + 1e-9 < i.required);
      expect(short.length).toBeGreaterThan(0);
      const suggestions = (
        await t
          .http()
          .get(`/intraday/suggestions?queue=${queueId}&date=${NEXT_WEEK}`)
          .set(bearer(manager))
          .set('Accept-Language', 'zh')
          .expect(200)
      ).body.suggestions as Suggestion[];
      const helpers = (start: string) =>
        suggestions.filter((s) =>
          s.effect.slots.some((x) => x.start === start && x.scheduledAfter > x.scheduledBefore),
        );
      const gap = short.find((i) => helpers(i.start).length > 0) ?? short[0];
      const { context, page, pageErrors } = await signIn(web, 'manager', 'zh');
      await page.click('nav a[data-screen="intraday"]');
      await page.waitForSelector('#intraday-queue');
      await page.selectOption('#intraday-queue', queueId);
      await page.locator('.toolbar input[type=date]').fill(NEXT_WEEK);
      await page.locator('.toolbar input[type=date]').dispatchEvent('change');
      const queueCard = `.intraday-queue[data-queue="${queueId}"]`;
      await page.waitForSelector(`${queueCard} .slot-scheduled`);
      expect(await page.locator(`${queueCard} .slot-required`).count()).toBe(view.items.length);
      const at = (kind: string, i: Item) => page.textContent(`${queueCard} .slot-${kind}[data-start="${i.start}"]`);
      for (const i of [view.items[20], view.items[30], gap]) {
        expect(await at('required', i)).toBe(String(Math.round(i.required)));
        expect(await at('scheduled', i)).toBe(String(Math.round(i.scheduled)));
        expect(await at('sl', i)).toBe(i.projected ? String(Math.round(i.projected.serviceLevel * 100)) : '');
        expect(await at('asa', i)).toBe(
          i.projected?.asaSeconds != null ? String(Math.round(i.projected.asaSeconds)) : '',
        );
      }
      expect(await page.locator(`${queueCard} .slot-scheduled.gap`).count()).toBe(short.length);

      // Every Monday shift is a bar on the same axis, with its breaks and the booked training.
      expect((await agentsOf(page, '#day-agents .agent-row')).sort()).toEqual(monday.map((m) => m.agentId).sort());
      const breaks = monday.reduce(
        (n, m) => n + m.shift.breaks.filter((b) => b.start.local.startsWith(NEXT_WEEK)).length,
        0,
      );
      expect(await page.locator('#day-agents .shift-block .break').count()).toBe(breaks);
      expect(
        await page.locator(`#day-agents .agent-row[data-agent="${trainee.agentId}"] .shift-block .activity`).count(),
      ).toBe(1);
      await screenshots(page, 'intraday-day');

      await page.click(`${queueCard} .slot-scheduled.gap[data-start="${gap.start}"]`);
      await page.waitForSelector('#cover-panel .card:not(:has(.hint:only-child))');
      const expected = helpers(gap.start);
      if (expected.length > 0) expect(await agentsOf(page, '#cover-list li')).toEqual(expected.map((s) => s.agent.id));
      else expect(await page.textContent('#cover-panel')).toContain('无人可以补上');
      await screenshots(page, 'intraday-cover');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS,
  );
});
