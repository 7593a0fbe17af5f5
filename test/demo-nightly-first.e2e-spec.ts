import { DemoHistorySeed } from 'src/demo/demo-history.seed';
import { DemoPlans } from 'src/demo/demo-plans.service';
import { DemoSetup } from 'src/demo/demo-setup.service';
import { ShopService } from 'src/modules/org/shop.service';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { addDays } from 'src/platform/time/calendar-date';
import { todayIn } from 'src/platform/time/shop-calendar';
import { DEMO_SETUP_MS } from './support/demo-database';
import { bearer, startTestApp, TestApp } from './support/test-app';

/**
 * The night's forecast refresh ran for the new shop before the demo reached its plans (the schedule
 * ticks every minute while the demo is seeded): its forecasts start tomorrow. The demo still
 * forecasts this week and publishes its roster; the server failed to start when it took any
 * forecast for its own ("No demand for the week …").
 */
describe('the demo seeded after the night already forecast from tomorrow (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it(
    'forecasts this week itself and publishes this week’s roster',
    async () => {
      const now = new Date();
      const shop = await t.app.get(ShopService).context(t.demoShopId);
      await t.app.get(DemoHistorySeed).seed(shop.id, now);
      const manager = await t.tokenFor('manager');
      const tomorrow = addDays(todayIn(shop.timeZone, now), 1);
      const night = await t
        .http()
        .post('/forecasts')
        .set(bearer(manager))
        .send({ from: tomorrow, weeks: 4 })
        .expect(202);
      for (const f of night.body.forecasts) await t.app.get(JobQueue).settled(f.jobId);
      const early = await t.http().get('/forecasts?status=completed&limit=500').set(bearer(manager)).expect(200);
      expect(early.body.items.length).toBeGreaterThan(0);
      expect(early.body.items.every((v: { fromDate: string }) => v.fromDate === tomorrow)).toBe(true);

      await t.app.get(DemoSetup).seed(now);
      const monday = DemoPlans.thisMonday(shop, now);
      const forecasts = (await t.http().get('/forecasts?status=completed&limit=500').set(bearer(manager)).expect(200))
        .body.items as { fromDate: string; toDate: string }[];
      expect(forecasts.some((v) => v.fromDate <= monday && v.toDate >= addDays(monday, 6))).toBe(true);
      const rosters = await t.http().get(`/rosters?week=${monday}`).set(bearer(manager)).expect(200);
      expect(rosters.body.items).toEqual([
        expect.objectContaining({ weekStart: monday, latestVersion: expect.objectContaining({ status: 'published' }) }),
      ]);
    },
    DEMO_SETUP_MS,
  );
});
