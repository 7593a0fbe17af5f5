import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { ForecastProblems } from './forecast.problems';
import { adjustedValue } from './adjusted-value';
import { AdjustmentRepository } from './adjustment.repository';
import { accuracyOf } from './engine/accuracy-metrics';
import type { AccuracyMetrics } from './engine/forecast-types';
import { ForecastHistoryReads } from './forecast-history.reads';
import type { ActualRangeQuery } from './forecast.dto';

export type ForecastVsActualSlot = {
  start: string;
  slotMinutes: number;
  forecastId: string | null;
  forecast: number | null;
  adjusted: number | null;
  lower: number | null;
  upper: number | null;
  actual: number | null;
};

export type ForecastVsActual = {
  queueId: string;
  from: string;
  to: string;
  items: ForecastVsActualSlot[];
  /** Over slots with both a forecast and an actual; null when nothing arrived there. */
  wape: number | null;
  adjustedWape: number | null;
  accuracy: { model: AccuracyMetrics; adjusted: AccuracyMetrics };
};

/** How the forecasts held up: per slot the latest version covering it beside what arrived. */
@Injectable()
export class ForecastVsActualService {
  constructor(
    private readonly history: ForecastHistoryReads,
    private readonly adjustments: AdjustmentRepository,
  ) {}

  async compare(actor: Actor, queueId: string, range: ActualRangeQuery): Promise<ForecastVsActual> {
    const [queue] = await this.history.queues(actor.shopId, [queueId]);
    if (!queue) throw ForecastProblems.queueNotFound();
    const from = new Date(range.from);
    const to = new Date(range.to);
    const [rows, rules] = await Promise.all([
      this.history.forecastVsActual(actor.shopId, queueId, from, to),
      this.adjustments.rules(actor.shopId, queueId, from, to),
    ]);
    const items = rows.map((r) => ({
      start: r.slotStart.toISOString(),
      slotMinutes: r.slotMinutes,
      forecastId: r.versionId,
      forecast: r.forecast,
      adjusted: r.forecast === null ? null : adjustedValue(r.slotStart, r.forecast, rules).adjusted,
      lower: r.lower,
      upper: r.upper,
      actual: r.actual,
    }));
    // A slot without an actual row is unknown, not zero: it stays out of the figures.
    const paired = items.filter((i) => i.forecast !== null && i.actual !== null);
    const model = accuracyOf(paired.map((p) => ({ forecast: p.forecast!, actual: p.actual! })));
    const adjusted = accuracyOf(paired.map((p) => ({ forecast: p.adjusted!, actual: p.actual! })));
    return {
      queueId,
      from: from.toISOString(),
      to: to.toISOString(),
      items,
      wape: model.wape,
      adjustedWape: adjusted.wape,
      accuracy: { model, adjusted },
    };
  }
}
