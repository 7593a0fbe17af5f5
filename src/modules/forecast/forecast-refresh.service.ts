import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobContext } from 'src/platform/jobs/job-definition';
import { JobHandler } from 'src/platform/jobs/job-handler.decorator';
import { NightlyPipeline } from 'src/platform/jobs/nightly/nightly-pipeline';
import type { NightlyPayload } from 'src/platform/jobs/nightly/nightly.jobs';
import type { Shop } from 'src/modules/org/shop.repository';
import { ShopService } from 'src/modules/org/shop.service';
import { addDays } from 'src/platform/time/calendar-date';
import { jobProgressTexts } from 'src/platform/jobs/job-progress-texts';
import { ForecastGeneration, StoredForecast } from './forecast-generation.service';
import { ForecastHistoryReads } from './forecast-history.reads';
import { DEFAULT_HORIZON_WEEKS } from './forecast.settings';
import { forecastRefreshJob } from './forecast.jobs';
import { ForecastRepository } from './forecast.repository';

/** The forecast refresh's place in the nightly pipeline, as planned for the whole night. */
const NIGHTLY_ORDER = 20;

/** The shop's horizon for nightly forecasts: `settings.forecastHorizonWeeks` when set (validated 1–8), else four weeks. */
export const horizonWeeksOf = (shop: Pick<Shop, 'settings'>): number =>
  shop.settings.forecastHorizonWeeks ?? DEFAULT_HORIZON_WEEKS;

/**
 * The nightly step: each active real-time queue is forecast again from the day after the night's
 * date, now that the day's actuals are in. One version per (queue, night): a re-run replaces it.
 */
@Injectable()
export class ForecastRefresh implements OnModuleInit {
  constructor(
    private readonly nightly: NightlyPipeline,
    private readonly versions: ForecastRepository,
    private readonly history: ForecastHistoryReads,
    private readonly generation: ForecastGeneration,
    private readonly shops: ShopService,
  ) {}

  onModuleInit(): void {
    this.nightly.register({ job: forecastRefreshJob, order: NIGHTLY_ORDER });
  }

  @JobHandler(forecastRefreshJob)
  async refresh(payload: NightlyPayload, context: JobContext): Promise<Record<string, unknown>> {
    const shop = await this.shops.context(payload.shopId);
    const fromDate = addDays(payload.date, 1);
    const horizonDays = horizonWeeksOf(shop) * 7;
    const queues = await this.history.activeRealtimeQueues(shop.id);
    const refreshed: StoredForecast[] = [];
    const withoutHistory: string[] = [];
    for (const [index, queue] of queues.entries()) {
      const computed = await this.generation.compute(shop, queue.id, fromDate, horizonDays, 'auto');
      if (!computed) {
        withoutHistory.push(queue.id);
      } else {
        const stored = await context.fenced(async () => {
          const version = await this.versions.upsertNightly({
            shopId: shop.id,
            queueId: queue.id,
            methodRequested: 'auto',
            fromDate,
            horizonDays,
            status: 'running',
            nightlyDate: payload.date,
            jobRunId: context.runId,
          });
          return this.generation.store(version.id, shop, computed);
        });
        refreshed.push(stored);
      }
      await context.progress(((index + 1) / queues.length) * 100, {
        template: jobProgressTexts.queuesDone,
        params: { done: index + 1, total: queues.length },
      });
    }
    return { date: payload.date, fromDate, horizonDays, refreshed, withoutHistory };
  }
}
