import { Injectable } from '@nestjs/common';
import { JobContext, UnrecoverableJobError } from 'src/platform/jobs/job-definition';
import { JobHandler, OnRunFailed } from 'src/platform/jobs/job-handler.decorator';
import { recordGone } from 'src/platform/jobs/run-end-reasons';
import type { Shop } from 'src/modules/org/shop.repository';
import { ShopService } from 'src/modules/org/shop.service';
import { forecastQueue } from './engine/forecast-queue';
import type { MethodName, QueueForecast } from './engine/forecast-types';
import { queueHistoryOf } from './engine-input';
import { addDays } from 'src/platform/time/calendar-date';
import { localDayStart } from 'src/platform/time/shop-calendar';
import { ForecastHistoryReads } from './forecast-history.reads';
import { forecastGenerateJob, GeneratePayload } from './forecast.jobs';
import { ForecastRepository, ForecastVersion } from './forecast.repository';
import { ForecastJobTexts } from './forecast.labels';
import { workOnRecord } from 'src/platform/jobs/record-status';

/** A year and a week of history: enough for month-day effects and last year's promotion of the same kind. */
export const HISTORY_DAYS = 371;
const DAY_MS = 86_400_000;

export type StoredForecast = { forecastId: string; method: MethodName; slots: number; wape: number | null };

/** Runs the engine on a queue's stored history and calendar, and stores the result as a version's slots. */
@Injectable()
export class ForecastGeneration {
  constructor(
    private readonly versions: ForecastRepository,
    private readonly history: ForecastHistoryReads,
    private readonly shops: ShopService,
  ) {}

  @JobHandler(forecastGenerateJob)
  async generateInJob(payload: GeneratePayload, context: JobContext): Promise<Record<string, unknown>> {
    const version = await this.versions.find(payload.shopId, payload.versionId);
    if (!version) throw new UnrecoverableJobError(recordGone('forecast_versions'));
    return workOnRecord(
      context,
      (status, error) => this.versions.update(version.id, { status, error }),
      () => this.generate(version, context),
    );
  }

  /** However the run ended for good (its last attempt, its workers stopping), the version says so. */
  @OnRunFailed(forecastGenerateJob)
  async runFailed(payload: GeneratePayload, failure: { error: string }): Promise<void> {
    const version = await this.versions.find(payload.shopId, payload.versionId);
    if (version && (version.status === 'queued' || version.status === 'running'))
      await this.versions.update(version.id, { status: 'failed', error: failure.error });
  }

  private async generate(version: ForecastVersion, { progress, fenced }: JobContext): Promise<StoredForecast> {
    const shop = await this.shops.context(version.shopId);
    await this.versions.update(version.id, { status: 'running', error: null });
    await progress(5, ForecastJobTexts.readingHistory);
    const computed = await this.compute(
      shop,
      version.queueId,
      version.fromDate,
      version.horizonDays,
      version.methodRequested as MethodName | 'auto',
    );
    if (!computed) {
      const [queue] = await this.history.queues(version.shopId, [version.queueId]);
      const params = { queue: queue?.name, days: HISTORY_DAYS, from: version.fromDate };
      throw new UnrecoverableJobError({ template: ForecastJobTexts.noVolume, params });
    }
    await progress(70, { template: ForecastJobTexts.computed, params: { method: computed.method } });
    const stored = await fenced(() => this.store(version.id, shop, computed));
    await progress(100, { template: ForecastJobTexts.slotsStored, params: { slots: stored.slots } });
    return stored;
  }

  /** The engine's forecast from history before `fromDate` (local), or null when the queue has none. */
  async compute(
    shop: Shop,
    queueId: string,
    fromDate: string,
    days: number,
    method: MethodName | 'auto',
  ): Promise<QueueForecast | null> {
    const historyEnd = localDayStart(fromDate, shop.timeZone);
    const historyStart = new Date(historyEnd.getTime() - HISTORY_DAYS * DAY_MS);
    const observations = await this.history.volume(shop.id, queueId, historyStart, historyEnd);
    if (observations.length === 0) return null;
    const calendar = await this.history.calendar(
      shop.id,
      queueId,
      addDays(fromDate, -HISTORY_DAYS - 1),
      addDays(fromDate, days - 1),
    );
    return forecastQueue(queueHistoryOf(shop.timeZone, shop.slotMinutes, observations, calendar), {
      from: fromDate,
      days,
      method,
    });
  }

  /** Replaces the version's slots and marks it completed; call inside a transaction. */
  async store(versionId: string, shop: Shop, computed: QueueForecast): Promise<StoredForecast> {
    await this.versions.replaceSlots(
      shop.id,
      versionId,
      computed.slots.map((s) => ({
        slotStart: new Date(s.start),
        slotMinutes: shop.slotMinutes,
        forecast: s.forecast,
        lower: s.lower,
        upper: s.upper,
        closed: s.closed,
      })),
    );
    const report = computed.backtest;
    const backtest = {
      method: computed.method,
      candidates: computed.candidates,
      overall: report?.overall ?? null,
      byWeekday: report?.byWeekday ?? {},
      byHour: report?.byHour ?? {},
      intraday: computed.intraday,
      eventWaves: computed.eventWaves,
    };
    await this.versions.update(versionId, {
      status: 'completed',
      error: null,
      methodChosen: computed.method,
      backtest,
      completedAt: new Date(),
    });
    return {
      forecastId: versionId,
      method: computed.method,
      slots: computed.slots.length,
      wape: report?.overall.wape ?? null,
    };
  }
}
