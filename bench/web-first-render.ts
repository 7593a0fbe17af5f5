/**
 * Sign-in to a rendered roster grid in headless Chromium, on the demo:
 * `node scripts/build-if-stale.js && npx tsx bench/web-first-render.ts [--runs 8]`.
 * The compiled server runs as its own process (the node flags of `npm start`) on a fresh database
 * of the machine's PostgreSQL seeded with the whole demo shop; the manager rosters next week (the
 * week the page opens on) through the API first. Then, per run, a fresh browser context signs in as
 * the manager and the clock runs from the click on "sign in" until the grid's rows are drawn.
 * A "cold" run comes after the roster's row was touched (its view must be built again, as after
 * any edit); a "warm" run reads the cached view. Also printed: API calls made, how many ran at the
 * same time at most, and the server time of `GET /rosters/:id` as the browser saw it.
 */
import { loadavg } from 'node:os';
import { DateTime } from 'luxon';
import { chromium, type Browser } from 'playwright-core';
import postgres from 'postgres';
import { api, managerToken, startDemoServer, waitForJob } from './demo-server-process';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 8);
const CHROMIUM = '/usr/bin/chromium';

type Run = { kind: 'cold' | 'warm'; ms: number; calls: number; mostAtOnce: number; rosterMs: number };

/** One sign-in in a fresh context; the clock stops when the grid has its rows. */
async function signInToGrid(browser: Browser, base: string, kind: Run['kind']): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  // The page's own clock: from the submit event to the first grid row in the document.
  await context.addInitScript(`
    document.addEventListener('submit', () => { window.__submitAt = performance.now(); }, true);
    new MutationObserver(() => {
      if (window.__gridAt === undefined && document.querySelector('table.roster-grid tbody tr')) window.__gridAt = performance.now();
    }).observe(document, { childList: true, subtree: true });`);
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.fill('input[name=username]', 'manager');
  await page.fill('input[name=password]', 'demo-manager');
  let open = 0;
  let mostAtOnce = 0;
  let calls = 0;
  let rosterMs = 0;
  let started = Date.now();
  const api = (url: string) => !new URL(url).pathname.startsWith('/assets');
  const trace: string[] = [];
  page.on('request', (r) => {
    if (!api(r.url())) return;
    trace.push(`+${Date.now() - started} ${r.method()} ${new URL(r.url()).pathname} start`);
    calls += 1;
    open += 1;
    mostAtOnce = Math.max(mostAtOnce, open);
  });
  const done = (r: { url: () => string; timing: () => { responseStart: number; requestStart: number } }) => {
    if (!api(r.url())) return;
    open -= 1;
    trace.push(`+${Date.now() - started} ${new URL(r.url()).pathname} end`);
    if (/\/rosters\/[0-9a-f-]{36}(\?|$)/.test(r.url())) rosterMs = r.timing().responseStart - r.timing().requestStart;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  started = Date.now();
  await page.click('#signin button[type=submit]');
  await page.waitForSelector('table.roster-grid tbody tr', { timeout: 60_000 });
  const ms = Math.round((await page.evaluate('window.__gridAt - window.__submitAt')) as number);
  await context.close();
  if (process.argv.includes('--trace')) console.log(trace.join('\n'));
  return { kind, ms, calls: calls - 0, mostAtOnce, rosterMs: Math.round(rosterMs) };
}

async function main(): Promise<void> {
  const server = await startDemoServer('web', { profile: process.argv.includes('--profile') });
  const db = postgres(server.databaseUrl, { max: 1, onnotice: () => undefined });
  const base = server.base;
  let browser: Browser | undefined;
  try {
    const token = await managerToken(base);
    // The page opens on next week: the manager rosters it as on the demo.
    const weekStart = DateTime.now().setZone('Asia/Shanghai').startOf('week').plus({ weeks: 1 }).toISODate()!;
    const created = await api(base, token, 'POST', '/rosters', { weekStart, timeLimitSeconds: 10 });
    await waitForJob(base, token, created.jobId);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) {
      const cold = i % 2 === 0;
      // Touching the roster's row changes its view stamp: the next read builds the view again.
      if (cold) await db`UPDATE rosters SET team_ids = team_ids WHERE id = ${created.rosterId}`;
      results.push(await signInToGrid(browser, base, cold ? 'cold' : 'warm'));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
    const of = (kind: Run['kind']) => results.filter((r) => r.kind === kind);
    console.log(
      `\n${new Date().toISOString()} · load avg ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    console.log('| run | sign-in → grid ms | API calls | most at once | GET /rosters/:id ms |');
    console.log('|---|---|---|---|---|');
    results.forEach((r, i) =>
      console.log(`| ${i + 1} ${r.kind} | ${r.ms} | ${r.calls} | ${r.mostAtOnce} | ${r.rosterMs} |`),
    );
    for (const kind of ['cold', 'warm'] as const)
      console.log(
        `${kind}: median ${median(of(kind).map((r) => r.ms))} ms, max ${Math.max(...of(kind).map((r) => r.ms))} ms; GET /rosters/:id median ${median(of(kind).map((r) => r.rosterMs))} ms`,
      );
  } finally {
    await browser?.close();
    await db.end();
    await server.stop();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
