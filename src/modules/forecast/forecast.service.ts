import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { labelIn, labelOf } from 'src/platform/i18n/texts';
import { ForecastStatusLabels } from './forecast.labels';
import { ForecastProblems } from './forecast.problems';
import type { Page } from 'src/platform/http/pagination';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { accepted, Accepted } from 'src/platform/jobs/jobs.service';
import { ShopService } from 'src/modules/org/shop.service';
import { adjustedValue, AppliedAdjustment } from './adjusted-value';
import { AdjustmentRepository } from './adjustment.repository';
import { addDays } from 'src/platform/time/calendar-date';
import { nextMonday } from 'src/platform/time/shop-calendar';
import { ForecastHistoryReads } from './forecast-history.reads';
import { CreateForecastBody, ListForecastsQuery, SlotRangeQuery } from './forecast.dto';
import { forecastGenerateJob } from './forecast.jobs';
import { ForecastRepository, ForecastVersion } from './forecast.repository';

export type ForecastView = Omit<ForecastVersion, 'backtest'> & { toDate: string; statusLabel: string };
export type ForecastSlotView = {
  start: string;
  slotMinutes: number;
  forecast: number;
  adjusted: number;
  lower: number;
  upper: number;
  closed: boolean;
  adjustments: AppliedAdjustment[];
};

const view = ({ backtest: _backtest, ...version }: ForecastVersion): ForecastView => ({
  ...version,
  toDate: addDays(version.fromDate, version.horizonDays - 1),
  statusLabel: labelIn(ForecastStatusLabels, version.status),
});

/** Forecast versions: requested here, computed by the `forecast.generate` job, read with adjustments beside the model. */
@Injectable()
export class ForecastService {
  constructor(
    private readonly versions: ForecastRepository,
    private readonly history: ForecastHistoryReads,
    private readonly adjustments: AdjustmentRepository,
    private readonly shops: ShopService,
    private readonly queue: JobQueue,
  ) {}

  /** One version and one job per queue (no queues named: every active queue); queues of another shop are not found. */
  async create(
    actor: Actor,
    body: CreateForecastBody,
  ): Promise<{ forecasts: (Accepted & { forecastId: string; queueId: string })[] }> {
    const shop = await this.shops.context(actor.shopId);
    const queueIds = body.queueIds ?? (await this.history.activeQueues(actor.shopId)).map((q) => q.id);
    if (queueIds.length === 0) throw ForecastProblems.noActiveQueue.at('queueIds');
    const found = new Set((await this.history.queues(actor.shopId, queueIds)).map((q) => q.id));
    const missing = queueIds.findIndex((id) => !found.has(id));
    if (missing >= 0)
      throw ForecastProblems.queueNotFound(undefined, {
        errors: [{ field: `queueIds.${missing}`, message: ForecastProblems.queueNotFound.message(), in: 'body' }],
      });
    const fromDate = body.from ?? nextMonday(new Date(), shop.timeZone);
    const created = await this.versions.insertVersions(
      queueIds.map((queueId) => ({
        shopId: actor.shopId,
        queueId,
        methodRequested: body.method,
        fromDate,
        horizonDays: body.weeks * 7,
        status: 'queued',
        createdBy: actor.userId,
      })),
    );
    const forecasts = [];
    for (const version of created) {
      const run = await this.queue.enqueueFor(
        forecastGenerateJob,
        { shopId: actor.shopId, versionId: version.id },
        { requestedBy: actor.userId },
        (v) => this.versions.update(version.id, v),
      );
      forecasts.push({ forecastId: version.id, queueId: version.queueId, ...accepted(run) });
    }
    return { forecasts };
  }

  async list(actor: Actor, query: ListForecastsQuery): Promise<Page<ForecastView>> {
    const { rows, total } = await this.versions.list(actor.shopId, query);
    return { items: rows.map(view), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<ForecastView> {
    return view(await this.find(actor, id));
  }

  /** The model value per slot with the planner's adjustments applied beside it. */
  async slots(
    actor: Actor,
    id: string,
    query: SlotRangeQuery,
  ): Promise<{ forecastId: string; queueId: string; items: ForecastSlotView[] }> {
    const version = await this.completed(actor, id);
    const slots = await this.versions.slots(
      actor.shopId,
      id,
      query.from ? new Date(query.from) : undefined,
      query.to ? new Date(query.to) : undefined,
    );
    const rules = slots.length
      ? await this.adjustments.rules(
          actor.shopId,
          version.queueId,
          slots[0].slotStart,
          new Date(slots[slots.length - 1].slotStart.getTime() + 1),
        )
      : [];
    const items = slots.map((s) => {
      const { adjusted, applied } = adjustedValue(s.slotStart, s.forecast, rules);
      return {
        start: s.slotStart.toISOString(),
        slotMinutes: s.slotMinutes,
        forecast: s.forecast,
        adjusted,
        lower: s.lower,
        upper: s.upper,
        closed: s.closed,
        adjustments: applied,
      };
    });
    return { forecastId: id, queueId: version.queueId, items };
  }

  /** The backtest the version was judged by: MAE, RMSE, WAPE and bias overall, by weekday and by hour. */
  async accuracy(actor: Actor, id: string): Promise<Record<string, unknown>> {
    const version = await this.completed(actor, id);
    return { forecastId: id, queueId: version.queueId, ...(version.backtest ?? {}) };
  }

  private async find(actor: Actor, id: string): Promise<ForecastVersion> {
    const version = await this.versions.find(actor.shopId, id);
    if (!version) throw ForecastProblems.forecastNotFound();
    return version;
  }

  private async completed(actor: Actor, id: string): Promise<ForecastVersion> {
    const version = await this.find(actor, id);
    if (version.status !== 'completed')
      throw ForecastProblems.notCompleted(
        { state: labelOf(ForecastStatusLabels, version.status) },
        { extra: { state: version.status } },
      );
    return version;
  }
}
