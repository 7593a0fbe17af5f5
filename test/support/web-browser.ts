import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { bearer, startTestApp, type TestApp } from './test-app';

/** Debian's Chromium (apt package `chromium`; .ci/run installs it when missing). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', 'artifacts');

/** `clockAt`: the pages' fixed clock (a seeded demo's instant), else the real one. */
export type WebBrowser = { browser: Browser; baseUrl: string; clockAt?: Date; close: () => Promise<void> };

/** Listens on a free port and starts headless Chromium with the flags this machine needs. */
export async function startBrowser(t: TestApp, clockAt?: Date): Promise<WebBrowser> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Playwright gives every launch a new empty profile (--user-data-dir) of its own.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    clockAt,
    close: () => browser.close(),
  };
}

/** A test drives a real browser through several screens; on a loaded CI machine that outlasts Jest's 60 s default. */
export const BROWSER_STEPS_MS = 120_000;

export type WebSuite = { t: TestApp; web: WebBrowser; manager: string; agentId: string; teamId: string };

/** The app with a browser on it, the manager's token, and the demo agent's own id and team. */
export async function startWebSuite(): Promise<WebSuite> {
  const t = await startTestApp();
  try {
    const web = await startBrowser(t);
    const manager = await t.tokenFor('manager');
    const me = (
      await t
        .http()
        .get('/agents/me')
        .set(bearer(await t.tokenFor('agent')))
        .expect(200)
    ).body;
    return { t, web, manager, agentId: me.id, teamId: me.teamId };
  } catch (e) {
    await t.close();
    throw e;
  }
}

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A fresh browser context (own sessionStorage) signed in as a demo user, on the page it lands on. */
export async function signIn(
  web: WebBrowser,
  username: string,
  lang: 'zh' | 'en' = 'en',
  viewport: { width: number; height: number } = DESKTOP,
  password?: string,
): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
  const context = await web.browser.newContext({
    viewport,
    acceptDownloads: true,
    locale: 'en-GB',
  });
  await context.addInitScript(`localStorage.setItem('wfm.lang', '${lang}')`);
  // Timers keep running; only Date is held, so the page's "today" is the seeded demo's.
  if (web.clockAt) await context.clock.setFixedTime(web.clockAt);
  // Generous waits: CI runs these beside the other test files on two cores.
  context.setDefaultTimeout(45_000);
  const page = await context.newPage();
  // Uncaught script errors in the page, for tests to assert there were none.
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${web.baseUrl}/`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password ?? `demo-${username}`);
  await page.click('#signin button[type=submit]');
  await page.waitForSelector('#who');
  return { context, page, pageErrors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export const navOf = async (page: Page) =>
  Promise.all((await page.locator('nav a').all()).map((a) => a.getAttribute('data-screen')));

/** Opens a screen from the navigation and waits until it has drawn its content (cards or a notice) with no error. */
export async function openScreen(page: Page, screen: string): Promise<void> {
  await page.click(`nav a[data-screen="${screen}"]`);
  // The shell redraws on the hash change: wait for the new screen, not the cards of the one before.
  await page.waitForSelector(`nav a.active[data-screen="${screen}"]`);
  await page.waitForSelector('#view .card, #view .notice-error');
  expect({ screen, errors: await page.locator('#view .notice-error').allTextContents() }).toEqual({
    screen,
    errors: [],
  });
}

export async function setDate(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).fill(value);
  await page.locator(selector).dispatchEvent('change');
}
