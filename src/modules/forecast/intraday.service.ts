import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { JobContext } from 'src/platform/jobs/job-definition';
import { JobHandler } from 'src/platform/jobs/job-handler.decorator';
import { JobQueue } from 'src/platform/jobs/job-queue';
import type { Shop } from 'src/modules/org/shop.repository';
import { ShopService } from 'src/modules/org/shop.service';
import { adjustedValue } from './adjusted-value';
import { AdjustmentRepository } from './adjustment.repository';
import { defaultIntradayParams, IntradayParams, updateRestOfDay } from './engine/intraday-update';
import { addDays } from 'src/platform/time/calendar-date';
import { localDaysWindow, todayIn } from 'src/platform/time/shop-calendar';
import { ForecastHistoryReads } from './forecast-history.reads';
import { forecastIntradayJob, IntradayPayload } from './forecast.jobs';
import { ForecastProblems } from './forecast.problems';
import { ForecastRepository, ForecastVersion } from './forecast.repository';
import type { IntradayQuery } from './intraday.dto';
import { intradayDayOf } from './intraday-input';
import { IntradayRepository } from './intraday.repository';

/** Volume of days this far back still updates them (a late correction of yesterday evening); older days are history. */
const UPDATE_WINDOW_DAYS = 7;

export type IntradaySlotView = {
  start: string;
  slotMinutes: number;
  forecast: number;
  adjusted: number;
  updated: number | null;
  actual: number | null;
};

const paramsOf = (version: ForecastVersion): IntradayParams | null => {
  const p = (version.backtest as { intraday?: IntradayParams } | null)?.intraday;
  return p && Number.isFinite(p.credibility) ? p : null;
};

/**
 * The intraday version of a queue's day: the day-ahead forecast re-fitted to the arrivals so far
 * (engine `updateRestOfDay`), recomputed by a job whenever volume for the day arrives.
 */
@Injectable()
export class IntradayForecastService {
  private readonly logger = new Logger('IntradayForecastService');

  constructor(
    private readonly intraday: IntradayRepository,
    private readonly versions: ForecastRepository,
    private readonly history: ForecastHistoryReads,
    private readonly adjustments: AdjustmentRepository,
    private readonly shops: ShopService,
    private readonly queue: JobQueue,
  ) {}

  /**
   * Called once an import (file or push) has stored volume: one update per queue and recent day
   * it touched. Runs with the same key join while waiting, so a burst of pushes makes one run.
   * The facts are stored whatever happens here; a queue that refuses the job is logged.
   */
  async afterVolumeImport(shopId: string, importId: string): Promise<number> {
    const shop = await this.shops.context(shopId);
    const today = todayIn(shop.timeZone);
    const days = (
      await this.history.daysOfImport(shopId, importId, shop.timeZone, addDays(today, -UPDATE_WINDOW_DAYS))
    ).filter((d) => d.date <= today);
    for (const d of days) {
      try {
        await this.queue.enqueue(
          forecastIntradayJob,
          { shopId, queueId: d.queueId, date: d.date },
          { coalesceKey: `${forecastIntradayJob.name}:${shopId}:${d.queueId}:${d.date}` },
        );
      } catch (e) {
        this.logger.warn(
          { shopId, queueId: d.queueId, date: d.date, err: (e as Error).message },
          'intraday update not queued; the next arrival queues it again',
        );
      }
    }
    return days.length;
  }

  @JobHandler(forecastIntradayJob)
  async updateInJob(payload: IntradayPayload, context: JobContext): Promise<Record<string, unknown>> {
    const shop = await this.shops.context(payload.shopId);
    return this.update(shop, payload.queueId, payload.date, context.runId);
  }

  /** Recomputes the day's update from the facts stored now. */
  async update(
    shop: Shop,
    queueId: string,
    date: string,
    runId: string | null = null,
  ): Promise<Record<string, unknown>> {
    const base = await this.intraday.dayAheadVersion(shop.id, queueId, date);
    if (!base) return { date, queueId, updated: false, reason: 'no completed forecast covers the day' };
    const readAt = await this.intraday.clock();
    const { from, to } = this.dayRange(shop, date);
    const [slots, volume, rules] = await Promise.all([
      this.versions.slots(shop.id, base.id, from, to),
      this.volumeOf(shop.id, queueId, from, to),
      this.adjustments.rules(shop.id, queueId, from, to),
    ]);
    const dayAhead = slots.map((s) => ({
      startMs: s.slotStart.getTime(),
      value: adjustedValue(s.slotStart, s.forecast, rules).adjusted,
      closed: s.closed,
    }));
    const day = intradayDayOf(date, shop.timeZone, shop.slotMinutes, dayAhead, volume, readAt.getTime());
    if (day.fromSlot === 0) return { date, queueId, updated: false, reason: 'no finished slot with arrivals yet' };
    let total = 0;
    day.dayAhead.forEach((f) => (total += Number.isFinite(f) ? f : 0));
    const params = paramsOf(base) ?? defaultIntradayParams(total);
    const update = updateRestOfDay(day.dayAhead, day.actual, day.fromSlot, shop.slotMinutes, params);
    const asOf = new Date(day.starts[day.fromSlot - 1] + shop.slotMinutes * 60_000);
    const rest = day.starts
      .map((ms, i) => ({
        slotStart: new Date(ms),
        slotMinutes: shop.slotMinutes,
        dayAhead: day.dayAhead[i],
        forecast: update.forecast[i],
      }))
      .filter((s, i) => i >= day.fromSlot && Number.isFinite(s.forecast));
    const stored = await this.intraday.store(
      {
        shopId: shop.id,
        queueId,
        localDate: date,
        baseVersionId: base.id,
        asOf,
        observed: update.observed,
        expected: update.expected,
        weight: update.weight,
        level: update.level,
        recent: update.recent,
        params: { ...params },
        factsReadAt: readAt,
        jobRunId: runId,
      },
      rest,
    );
    return {
      date,
      queueId,
      updated: stored,
      asOf: asOf.toISOString(),
      level: update.level,
      weight: update.weight,
      slots: rest.length,
    };
  }

  /** The day's slots: day-ahead (model and adjusted), the update where there is one, and what arrived. */
  async view(actor: Actor, queueId: string, query: IntradayQuery) {
    const [queue] = await this.history.queues(actor.shopId, [queueId]);
    if (!queue) throw ForecastProblems.queueNotFound();
    const shop = await this.shops.context(actor.shopId);
    const date = query.date ?? todayIn(shop.timeZone);
    const base = await this.intraday.dayAheadVersion(actor.shopId, queueId, date);
    if (!base) throw ForecastProblems.noDayAheadForecast({ date });
    const { from, to } = this.dayRange(shop, date);
    const [slots, volume, rules, stored] = await Promise.all([
      this.versions.slots(actor.shopId, base.id, from, to),
      this.volumeOf(actor.shopId, queueId, from, to),
      this.adjustments.rules(actor.shopId, queueId, from, to),
      this.intraday.find(actor.shopId, queueId, date),
    ]);
    const actual = new Map<number, number>();
    for (const v of volume) actual.set(v.startMs, (actual.get(v.startMs) ?? 0) + v.volume);
    const updated = new Map((stored?.slots ?? []).map((s) => [s.slotStart.getTime(), s.forecast]));
    const items: IntradaySlotView[] = slots.map((s) => ({
      start: s.slotStart.toISOString(),
      slotMinutes: s.slotMinutes,
      forecast: s.forecast,
      adjusted: adjustedValue(s.slotStart, s.forecast, rules).adjusted,
      updated: updated.get(s.slotStart.getTime()) ?? null,
      actual: actual.get(s.slotStart.getTime()) ?? null,
    }));
    const i = stored?.intraday;
    const update = i
      ? {
          asOf: i.asOf.toISOString(),
          updatedAt: i.updatedAt.toISOString(),
          updates: i.updates,
          observed: i.observed,
          expected: i.expected,
          weight: i.weight,
          level: i.level,
          recent: i.recent,
          baseForecastId: i.baseVersionId,
        }
      : null;
    return { queueId, date, forecastId: base.id, update, items };
  }

  /** The day's offered volume per slot start (ForecastHistoryReads reads it for forecasts too). */
  private async volumeOf(shopId: string, queueId: string, from: Date, to: Date) {
    const observed = await this.history.volume(shopId, queueId, from, to);
    return observed.map((o) => ({ startMs: Date.parse(o.start), volume: o.volume }));
  }

  private dayRange(shop: Shop, date: string): { from: Date; to: Date } {
    const day = localDaysWindow(date, date, shop.timeZone);
    return { from: day.start, to: day.end };
  }
}
