import { Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from 'src/platform/config/app-config';
import { Db } from 'src/platform/db/db';
import { DemoSeed, SeedResult } from './demo-seed';
import { withBootLock } from 'src/platform/db/migrate';
import { addDays } from 'src/platform/time/calendar-date';
import { todayIn } from 'src/platform/time/shop-calendar';
import { DemoHistorySeed } from './demo-history.seed';
import { KpiAggregation } from 'src/modules/kpi/kpi-aggregation.service';
import { ShopService } from 'src/modules/org/shop.service';
import { DemoActivity } from './demo-activity.service';
import { DemoPlans } from './demo-plans.service';

/**
 * The whole demo shop, so every role's first day has something to do: the organisation, its
 * history up to yesterday, KPIs aggregated, scorecards, the rubric, complaints, QC reviews,
 * forecasts, this week's roster published and a training session. Runs under the boot lock that
 * migrations take, so replicas started together take turns, and every part is skipped when
 * present: a second run (or a second replica) adds nothing.
 */
@Injectable()
export class DemoSetup {
  private readonly logger = new Logger(DemoSetup.name);

  constructor(
    private readonly db: Db,
    private readonly organisation: DemoSeed,
    private readonly history: DemoHistorySeed,
    private readonly shops: ShopService,
    private readonly kpis: KpiAggregation,
    private readonly activity: DemoActivity,
    private readonly plans: DemoPlans,
  ) {}

  /** Embedded mode seeds on first start; a real database only when SEED_DEMO=always. */
  onStart(config: AppConfig): Promise<SeedResult | null> {
    const wanted = config.seedDemo === 'always' || (config.seedDemo === 'auto' && !config.databaseUrl);
    return wanted ? this.seed() : Promise.resolve(null);
  }

  seed(now = new Date()): Promise<SeedResult> {
    return withBootLock(this.db, async () => {
      const started = Date.now();
      const org = await this.organisation.seed();
      const shop = await this.shops.context(org.shopId);
      await this.history.seed(shop.id, now);
      await this.activity.scorecardsAndRubric(shop.id);
      const complaints = await this.activity.complaintsOf(shop, now);
      const reviews = await this.activity.reviewsOf(shop, now);
      const forecasts = await this.plans.forecastsOf(shop, now);
      await this.plans.rosterOf(shop, now);
      // After the reviews, complaints and roster: their days count in the KPIs too.
      const today = todayIn(shop.timeZone, now);
      const aggregated = await this.kpis.aggregateMissing(shop.id, addDays(today, -70), today, now);
      const training = await this.activity.trainingOf(shop, now);
      this.logger.log(
        {
          shopId: shop.id,
          complaints,
          reviews,
          forecasts,
          aggregatedDays: aggregated.length,
          training,
          seconds: (Date.now() - started) / 1000,
        },
        'demo shop ready',
      );
      return org;
    });
  }
}
