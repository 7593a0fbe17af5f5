import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { PublishedTeamWeek, publishTeamWeek, readRoster, TeamMate } from './support/self-service-week';
import { bearer, TestApp } from './support/test-app';
import { chineseIn, untranslatedWords } from './support/untranslated';
import { NEXT_WEEK, TODAY } from './support/web-fixtures';
import {
  BROWSER_STEPS_MS,
  DESKTOP,
  openScreen,
  PHONE,
  screenshot,
  signIn,
  startWebSuite,
  WebBrowser,
} from './support/web-browser';

const day = (offset: number) => DateTime.fromISO(NEXT_WEEK).plus({ days: offset }).toISODate()!;
const [MON, TUE, WED, THU, , SAT] = [0, 1, 2, 3, 4, 5].map(day);

/** Nothing on the page is wider than the screen: the body never scrolls sideways. */
const fitsWidth = (page: Page) =>
  page.evaluate(
    'document.documentElement.scrollWidth <= window.innerWidth && document.body.scrollWidth <= window.innerWidth',
  );

const textOf = async (page: Page, selector: string) => ((await page.locator(selector).textContent()) ?? '').trim();

/** The status line a request answered on (approved at once, waiting, refused). */
const said = async (page: Page, id: string, expected: string | RegExp) => {
  const notice = page.locator(`#${id} .notice`, { hasText: expected });
  // On a timeout the assertion below shows what was said instead.
  await notice.waitFor({ timeout: 20_000 }).catch(() => undefined);
  expect(await textOf(page, `#${id}`)).toMatch(expected);
};

/** Waits until the element shows the text (a list redraws after the status line is said). */
const shows = async (page: Page, selector: string, text: string) => {
  await page
    .locator(selector, { hasText: text })
    .first()
    .waitFor({ timeout: 20_000 })
    .catch(() => undefined);
  expect(await textOf(page, selector)).toContain(text);
};

/**
 * Issue 23 point 6 and issue 24 points 1, 3 and 8 in Chromium: the agent's phone view (day list
 * with night shifts across midnight, time off, swaps, open shifts, the feed), the supervisor's
 * approval inbox, the phone shell, and the small defects.
 */
describe('the web page: self-service on a phone, the approval inbox, night shifts across midnight (e2e)', () => {
  let t: TestApp;
  let web: WebBrowser;
  let manager: string;
  let agentId: string;
  let week: PublishedTeamWeek;
  let mate: TeamMate;
  let partTimer: TeamMate;
  const passwords = new Map<string, string>();

  const loginFor = async (m: TeamMate) => {
    const username = `web-${m.employeeNo}`;
    passwords.set(m.id, `pass-${m.employeeNo}`);
    await t
      .http()
      .post('/users')
      .set(bearer(manager))
      .send({ username, displayName: m.name, password: passwords.get(m.id), role: 'agent', agentId: m.id })
      .expect(201);
    return username;
  };

  beforeAll(async () => {
    ({ t, web, manager, agentId } = await startWebSuite());
    // Next week in night shifts (23:00–08:00) from Monday on; the mate works Saturday instead of
    // Monday and the part-timer has Wednesday free, so a Monday ↔ Saturday trade and a Thursday
    // open shift keep every rule (v2).
    week = await publishTeamWeek(t, NEXT_WEEK, {}, 'N');
    mate = week.mates.find((m) => !m.isSupervisor && m.id !== agentId && m.shifts === 5)!;
    partTimer = week.mates.find((m) => m.shifts === 3 && m.id !== agentId && m.id !== mate.id)!;
    const v1 = await readRoster(t, manager, week.rosterId);
    await t
      .http()
      .patch(`/rosters/${week.rosterId}`)
      .set(bearer(manager))
      .send({
        expectedRevision: v1.revision,
        changes: [
          { agentId: mate.id, date: MON, shiftTemplate: null },
          { agentId: mate.id, date: SAT, shiftTemplate: 'N' },
          { agentId: partTimer.id, date: WED, shiftTemplate: null },
        ],
      })
      .expect(200);
    await t.http().post(`/rosters/${week.rosterId}/publish`).set(bearer(manager)).send({}).expect(200);
  }, 240_000);
  afterAll(async () => {
    await web?.close();
    await t?.close();
  }, 300_000);

  it(
    'shows the agent this and next week as a day list on a phone, night shifts continuing on the next day, and “not published yet” for a week without a roster',
    async () => {
      const { context, page, pageErrors } = await signIn(web, 'agent', 'en', PHONE);
      const next = page.locator(`#my-days .day-week[data-week="${MON}"]`);
      await next.locator('.shift-block').first().waitFor();
      expect(await fitsWidth(page)).toBe(true);
      // The sidebar is a menu: hidden until asked for; sign-out is on screen.
      expect(await page.locator('nav a[data-screen="me"]').isVisible()).toBe(false);
      const signOut = (await page.locator('#sign-out').boundingBox())!;
      expect(signOut.x + signOut.width).toBeLessThanOrEqual(PHONE.width);
      expect(signOut.y + signOut.height).toBeLessThanOrEqual(PHONE.height);
      await screenshot(page, 'phone-agent-day-list');

      // This week has no published roster: every day says so (never 休 / Off).
      const thisWeek = page.locator('#my-days .day-week').first();
      expect(await thisWeek.getAttribute('data-week')).toBe(DateTime.fromISO(MON).minus({ weeks: 1 }).toISODate());
      expect(await thisWeek.locator('.day-row').count()).toBe(7);
      expect(await thisWeek.locator('.day-mark.unpublished').allTextContents()).toEqual(
        Array(7).fill('Not published yet'),
      );
      expect(await thisWeek.locator('.day-mark.off').count()).toBe(0);

      // Next week: the agent's own published shifts; the hours after 00:00 of each night on the next day's track.
      const mine = week.mates.find((m) => m.id === agentId)!;
      const worked = week.dates.slice(0, mine.shifts);
      for (const [i, date] of week.dates.entries()) {
        const row = next.locator(`.day-row[data-date="${date}"]`);
        expect(await row.locator('.day-what').textContent()).toContain(i < mine.shifts ? '23:00–08:00' : 'Off');
        const carried = i > 0 && worked.includes(week.dates[i - 1]);
        expect({ date, carried: await row.locator('.shift-block.carried').count() }).toEqual({
          date,
          carried: carried ? 1 : 0,
        });
      }
      // The day after the last night is off but shows the night's end, 00:00–08:00: a third of the track from its left edge.
      const after = next.locator(`.day-row[data-date="${week.dates[mine.shifts]}"]`);
      expect(await after.textContent()).toContain('until 08:00 (from the day before)');
      const track = (await after.locator('.day-track').boundingBox())!;
      const tail = (await after.locator('.shift-block.carried').boundingBox())!;
      expect(Math.abs(tail.x - track.x)).toBeLessThan(2);
      expect(Math.abs(tail.width - track.width / 3)).toBeLessThan(3);
      // The night itself: from 23:00, the last 24th of its own day.
      const own = (await next.locator(`.day-row[data-date="${MON}"] .shift-block:not(.carried)`).boundingBox())!;
      expect(Math.abs(own.x + own.width - (track.x + track.width))).toBeLessThan(2);
      expect(Math.abs(own.width - track.width / 24)).toBeLessThan(2);

      // The menu opens, leads to a screen and closes; sign-out signs out.
      await page.click('#menu-toggle');
      await page.locator('nav a[data-screen="me"]').waitFor({ state: 'visible' });
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'phone-agent-menu');
      await page.click('nav a[data-screen="me"]');
      await page.locator('nav a[data-screen="me"]').waitFor({ state: 'hidden' });
      await page.click('#sign-out');
      await page.waitForSelector('#signin');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS,
  );

  it(
    'lets agents ask for time off, offer and take a swap and pick up an open shift on a phone, and the supervisor decide each in the inbox',
    async () => {
      const open = (
        await t
          .http()
          .post('/open-shifts')
          .set(bearer(manager))
          .send({ rosterId: week.rosterId, date: THU, shiftTemplate: 'N', policy: 'manager' })
          .expect(201)
      ).body.items[0] as { id: string };

      // The agent: time off on Tuesday (comp), a personal day on Wednesday, Monday's night offered to the team.
      const agent = await signIn(web, 'agent', 'en', PHONE);
      await agent.page.waitForSelector('#my-days .shift-block');
      const ask = async (kind: string, date: string) => {
        await agent.page.click('#ask-time-off');
        const form = agent.page.locator('#time-off-form');
        await form.locator('select[name=kind]').selectOption(kind);
        await form.locator('input[name=startDate]').fill(date);
        await form.locator('input[name=endDate]').fill(date);
        await form.locator('input[name=reason]').fill(kind === 'comp' ? '孩子家长会' : '搬家');
        await form.locator('button[type=submit]').click();
        await form.waitFor({ state: 'detached' });
        await said(agent.page, 'my-status', 'Sent; it waits for your supervisor.');
      };
      await ask('comp', TUE);
      await ask('personal', WED);
      await agent.page.click(`button[data-offer="${MON}"]`);
      await agent.page.locator('#swap-form input[name=reason]').fill('周一要去医院复查');
      await agent.page.click('#swap-form button[type=submit]');
      await said(agent.page, 'my-status', 'Offered to your team.');
      await shows(agent.page, `.day-row[data-date="${MON}"] .day-actions`, 'Offered for a swap');
      await shows(agent.page, '#my-requests', 'You offer your shift on');
      const requests = await textOf(agent.page, '#my-requests');
      expect(requests).toContain('Time off in lieu');
      expect(requests).toContain('Personal leave');
      expect(requests).toContain('waiting for a supervisor');
      expect(await fitsWidth(agent.page)).toBe(true);
      await screenshot(agent.page, 'phone-agent-requests');
      await agent.page.setViewportSize(DESKTOP);
      await screenshot(agent.page, 'agent-requests-1440');
      await agent.page.setViewportSize(PHONE);
      // A past day is refused with the API's reason, in the dialog.
      await agent.page.click('#ask-time-off');
      const yesterday = TODAY.minus({ days: 1 }).toISODate()!;
      await agent.page.locator('#time-off-form input[name=startDate]').fill(yesterday);
      await agent.page.locator('#time-off-form input[name=endDate]').fill(yesterday);
      await agent.page.click('#time-off-form button[type=submit]');
      await agent.page.waitForSelector('#time-off-form .notice-error:not([hidden])');
      expect(await textOf(agent.page, '#time-off-form .notice-error')).toMatch(/past|passed/i);
      await screenshot(agent.page, 'phone-agent-time-off-refused');
      await agent.page.click('#time-off-form button.ghost');

      // The mate (in Chinese) takes Monday's night and gives back Saturday's.
      const mateLogin = await loginFor(mate);
      const mateView = await signIn(web, mateLogin, 'zh', PHONE, passwords.get(mate.id));
      await mateView.page.waitForSelector('#my-requests button[data-accept]');
      expect(await textOf(mateView.page, '#my-requests li[data-swap]')).toContain('想换出');
      await mateView.page.click('#my-requests button[data-accept]');
      await mateView.page.locator('#accept-form select[name=returnDate]').selectOption(SAT);
      await mateView.page.click('#accept-form button[type=submit]');
      await said(mateView.page, 'my-status', '已接班，已通过规则检查。');
      await shows(mateView.page, '#my-requests li[data-swap]', '待主管审批');
      expect(await fitsWidth(mateView.page)).toBe(true);
      await screenshot(mateView.page, 'phone-mate-took-swap-zh');
      await mateView.context.close();

      // The part-timer picks up Thursday's open shift; the manager's pick is needed.
      const partLogin = await loginFor(partTimer);
      const part = await signIn(web, partLogin, 'en', PHONE, passwords.get(partTimer.id));
      await part.page.waitForSelector(`#open-shifts li[data-open-shift="${open.id}"] button[data-pick]`);
      await part.page.click(`#open-shifts li[data-open-shift="${open.id}"] button[data-pick]`);
      await said(part.page, 'my-status', 'You volunteered; a supervisor picks.');
      await shows(part.page, `#open-shifts li[data-open-shift="${open.id}"]`, 'You volunteered; waiting for the pick');
      await screenshot(part.page, 'phone-part-timer-open-shift');
      await part.context.close();

      // The supervisor's inbox at 1440 × 900: approve Tuesday, decline Wednesday with a note, approve the swap, give the open shift.
      const supervisor = await signIn(web, 'supervisor', 'en', DESKTOP);
      await openScreen(supervisor.page, 'inbox');
      const s = supervisor.page;
      expect(await s.locator('#inbox-time-off tbody tr').count()).toBe(2);
      expect(await textOf(s, '#inbox-swaps tbody')).toContain(`${mate.name} takes`);
      expect(await textOf(s, '#inbox-open-shifts tbody')).toContain(`Give to ${partTimer.name}`);
      await screenshot(s, 'supervisor-inbox-waiting');
      const pending = (
        await t
          .http()
          .get('/time-off-requests?status=pending')
          .set(bearer(await t.tokenFor('supervisor')))
          .expect(200)
      ).body.items as { id: string; startDate: string }[];
      const tuesday = pending.find((r) => r.startDate === TUE)!;
      const wednesday = pending.find((r) => r.startDate === WED)!;
      // The swap first: once Tuesday is leave, the rule check counts Monday's night (into Tuesday 08:00) against it.
      await s.click('#inbox-swaps button[data-approve]');
      await said(s, 'inbox-status', new RegExp(`^Approved: ${mate.name} takes`));
      await s.click(`button[data-approve="${tuesday.id}"]`);
      await said(s, 'inbox-status', /^Approved: .* · Time off in lieu · /);
      await s.waitForSelector(`#inbox-time-off tr[data-request="${tuesday.id}"]`, { state: 'detached' });
      expect(await s.locator('#inbox-time-off tbody tr').count()).toBe(1);
      await s.click(`button[data-decline="${wednesday.id}"]`);
      await s.locator('#decline-form textarea[name=note]').fill('周三人手不足');
      await s.click('#decline-form button[type=submit]');
      await said(s, 'inbox-status', /^Declined: /);
      await s.click(`#inbox-open-shifts button[data-give="${partTimer.id}"]`);
      await said(s, 'inbox-status', new RegExp(`^${partTimer.name} gets`));
      expect(await s.locator('#inbox table').count()).toBe(0);
      expect(await textOf(s, '#inbox')).toContain('Nothing waits for you.');
      await screenshot(s, 'supervisor-inbox-decided');
      // The same inbox on a phone fits the width.
      await s.setViewportSize(PHONE);
      expect(await fitsWidth(s)).toBe(true);
      await screenshot(s, 'phone-supervisor-inbox');
      await supervisor.context.close();

      // The decisions are the published roster's: the agent off Monday (leave Tuesday) and on Saturday, the part-timer on Thursday.
      const statuses = (await t.http().get('/time-off-requests').set(bearer(manager)).expect(200)).body.items as {
        startDate: string;
        status: string;
      }[];
      expect(statuses.map((r) => [r.startDate, r.status]).sort()).toEqual([
        [TUE, 'approved'],
        [WED, 'rejected'],
      ]);
      const after = await readRoster(t, manager, week.rosterId);
      expect(after.version.status).toBe('published');
      const codeOn = (id: string, date: string) =>
        after.agents.find((a) => a.agentId === id)!.days.find((d) => d.date === date)!.shift?.code ?? null;
      expect([codeOn(agentId, MON), codeOn(agentId, TUE), codeOn(agentId, SAT)]).toEqual([null, null, 'N']);
      expect([codeOn(mate.id, MON), codeOn(mate.id, SAT)]).toEqual(['N', null]);
      expect(codeOn(partTimer.id, THU)).toBe('N');

      // Part of Saturday off before its night (no shift in it): granted as that interval, shown with its times.
      const afternoon = await t
        .http()
        .post('/time-off-requests')
        .set(bearer(manager))
        .send({ kind: 'personal', agentId, startDate: SAT, endDate: SAT, startTime: '14:00', endTime: '18:00' })
        .expect(201);
      expect(afternoon.body.status).toBe('pending');
      await t
        .http()
        .post(`/time-off-requests/${afternoon.body.id}/decision`)
        .set(bearer(manager))
        .send({ decision: 'approved' })
        .expect(200);

      // The agent's feed tells the decisions; the day list shows them.
      await agent.page.reload();
      await agent.page.waitForSelector('#feed li');
      const feed = await textOf(agent.page, '#feed');
      expect(feed).toContain('周三人手不足');
      expect(feed).toMatch(/Your time off/);
      expect(await textOf(agent.page, '#my-work .card-head .badge-info')).toMatch(/\d+ unread/);
      expect(await textOf(agent.page, `.day-row[data-date="${TUE}"] .day-what`)).toBe('Leave');
      expect(await textOf(agent.page, `.day-row[data-date="${SAT}"] .day-what`)).toContain('23:00–08:00');
      expect(await textOf(agent.page, `.day-row[data-date="${SAT}"] [data-leave]`)).toBe('Leave 14:00–18:00');
      await screenshot(agent.page, 'phone-agent-after-decisions');
      await agent.page.setViewportSize(DESKTOP);
      await screenshot(agent.page, 'agent-after-decisions-1440');
      await agent.page.setViewportSize(PHONE);
      await agent.page.click('#mark-read');
      await agent.page.waitForSelector('#mark-read', { state: 'detached' });
      expect(await agent.page.locator('#feed li.unread').count()).toBe(0);
      expect(agent.pageErrors).toEqual([]);
      await agent.context.close();
    },
    BROWSER_STEPS_MS * 2,
  );

  it(
    'draws the roster grid’s nights across midnight, training unlike a night, and the English toolbar on one line at 1440 px',
    async () => {
      const { context, page, pageErrors } = await signIn(web, 'manager', 'en', DESKTOP);
      await openScreen(page, 'roster');
      const row = page.locator(`table.roster-grid tr[data-agent="${agentId}"]`);
      await row.locator('.shift-block').first().waitFor();
      const roster = await readRoster(t, manager, week.rosterId);
      const days = roster.agents.find((a) => a.agentId === agentId)!.days;
      const expected = days.map((d, i) => [d.date, i > 0 && days[i - 1].shift?.code === 'N' ? 1 : 0]);
      const drawn = [];
      for (const d of days)
        drawn.push([d.date, await row.locator(`td[data-date="${d.date}"] .shift-block.carried`).count()]);
      expect(drawn).toEqual(expected);
      expect(expected.some(([, n]) => n === 1)).toBe(true);
      // Training and the night shift are told apart at a glance: hues at least 60° apart.
      const hueOf = (rgb: string) => {
        const [r, g, b] = rgb
          .match(/\d+/g)!
          .slice(0, 3)
          .map((x) => Number(x) / 255);
        const max = Math.max(r, g, b);
        const min = Math.min(r, g, b);
        const d = max - min;
        const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
        return (h * 60 + 360) % 360;
      };
      const colour = (selector: string) =>
        page.evaluate(`getComputedStyle(document.querySelector('${selector}')).backgroundColor`) as Promise<string>;
      const training = await colour('.activity-swatch');
      const night = await colour(`tr[data-agent="${agentId}"] .shift-block:not(.carried)`);
      const apart = Math.abs(hueOf(training) - hueOf(night));
      expect(Math.min(apart, 360 - apart)).toBeGreaterThanOrEqual(60);
      // The toolbar's controls share one line, also for a draft (with Publish) beside superseded versions.
      const worked = days.find((d) => d.shift)!;
      await t
        .http()
        .patch(`/rosters/${week.rosterId}`)
        .set(bearer(manager))
        .send({
          expectedRevision: roster.revision,
          changes: [{ agentId, date: worked.date, shiftTemplate: 'N', skill: 'pre_sales' }],
        })
        .expect(200);
      await page.reload();
      await page.waitForSelector('#publish');
      expect(await textOf(page, '#version-pick')).not.toContain('status.');
      const tops = (await page.evaluate(
        `[...document.querySelector('#view > .toolbar').children].filter((c) => c.offsetWidth > 0).map((c) => { const r = c.getBoundingClientRect(); return (r.top + r.bottom) / 2; })`,
      )) as number[];
      expect(tops.length).toBeGreaterThan(3);
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(4);
      await screenshot(page, 'manager-roster-nights-en');
      // The grid on a phone scrolls inside its card; the page itself fits.
      await page.setViewportSize(PHONE);
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'phone-manager-roster');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS,
  );

  it(
    'fits every screen of each role on a phone, with every text of the page in both languages',
    async () => {
      for (const role of ['supervisor', 'manager', 'trainer', 'hr', 'qc'] as const) {
        const { context, page, pageErrors } = await signIn(web, role, 'zh', PHONE);
        const screens = await Promise.all(
          (await page.locator('nav a').all()).map((a) => a.getAttribute('data-screen')),
        );
        for (const screen of screens) {
          // Through the menu, which closes behind the chosen screen (so its links are hidden again).
          await page.click('#menu-toggle');
          await page.click(`nav a[data-screen="${screen}"]`);
          await page.locator(`nav a.active[data-screen="${screen}"]`).waitFor({ state: 'hidden' });
          await page.waitForSelector('#view .card, #view .notice-error');
          expect({
            role,
            screen,
            errors: await page.locator('#view .notice-error').allTextContents(),
            fits: await fitsWidth(page),
          }).toEqual({ role, screen, errors: [], fits: true });
        }
        await screenshot(page, `phone-${role}-last-screen`);
        expect({ role, pageErrors }).toEqual({ role, pageErrors: [] });
        await context.close();
      }
      const context = await web.browser.newContext();
      const page = await context.newPage();
      await page.goto(`${web.baseUrl}/`);
      // Every text of the page, each in English and in Chinese.
      const texts = (await page.evaluate(`import('/assets/texts.js').then((m) => m.TEXT)`)) as Record<
        string,
        [string, string]
      >;
      expect(Object.keys(texts).length).toBeGreaterThan(500);
      expect(Object.keys(texts)).toEqual(expect.arrayContaining(['shell.menu', 'nav.inbox', 'self.askTimeOff']));
      // Names read as they are: the file format and the forecast error in Chinese, 末位 and 双11 in English.
      const zhNames = ['API', 'Excel', 'WAPE'];
      const enNames = ['末位', '双11'];
      const untranslated = Object.entries(texts)
        .map(([key, [en, zh]]) => {
          // {placeholders} are filled with names and figures, not words to translate.
          const words = (text: string) => text.replace(/\{\w+\}/g, ' ');
          return [
            key,
            untranslatedWords(words(zh), zhNames),
            chineseIn(words(en), enNames),
            Boolean(en && zh),
          ] as const;
        })
        .filter(([, zhWords, enChinese, both]) => zhWords.length || enChinese.length || !both);
      expect(untranslated).toEqual([]);
      await context.close();
    },
    BROWSER_STEPS_MS * 2,
  );
});
