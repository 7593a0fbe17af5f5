import { Injectable, OnModuleInit } from '@nestjs/common';
import { Db } from 'src/platform/db/db';
import { JobContext } from 'src/platform/jobs/job-definition';
import { JobHandler } from 'src/platform/jobs/job-handler.decorator';
import { NightlyPipeline } from 'src/platform/jobs/nightly/nightly-pipeline';
import type { NightlyPayload } from 'src/platform/jobs/nightly/nightly.jobs';
import { ShopService } from 'src/modules/org/shop.service';
import { jobProgressTexts } from 'src/platform/jobs/job-progress-texts';
import { KpiAggregationReads, ReplaceCount } from './kpi-aggregation.reads';
import { KpiDueDays } from './kpi-due-days.reads';
import { addDays, datesBetween } from 'src/platform/time/calendar-date';
import { localDateOf } from 'src/platform/time/shop-calendar';
import { attributionWindowDays, kpiDay } from './kpi-day';
import { kpiAggregateJob } from './kpi.jobs';

/** First in the night: rankings and reports read what this step writes. */
const NIGHTLY_ORDER = 10;

export type DayOutcome = {
  date: string;
  sessions: ReplaceCount;
  orders: ReplaceCount;
  complaints: ReplaceCount;
  qc: ReplaceCount;
  roster: ReplaceCount;
  adherence: ReplaceCount;
};

/**
 * Fills kpi_agent_days: per local day one set-based statement per fact table (sessions, orders,
 * complaints, QC, published roster, agent states against it), in one transaction, so readers never see half a day and a re-run replaces it.
 */
@Injectable()
export class KpiAggregation implements OnModuleInit {
  constructor(
    private readonly nightly: NightlyPipeline,
    private readonly db: Db,
    private readonly repository: KpiAggregationReads,
    private readonly dueDays: KpiDueDays,
    private readonly shops: ShopService,
  ) {}

  onModuleInit(): void {
    this.nightly.register({ job: kpiAggregateJob, order: NIGHTLY_ORDER });
  }

  async aggregateDay(shopId: string, date: string): Promise<DayOutcome> {
    const shop = await this.shops.context(shopId);
    const day = kpiDay(date, shop.timeZone, attributionWindowDays(shop.settings));
    return this.db.transaction(async () => {
      await this.repository.roomForAggregation();
      const outcome = {
        date,
        sessions: await this.repository.sessions(shopId, day),
        orders: await this.repository.orders(shopId, day),
        complaints: await this.repository.complaints(shopId, day),
        qc: await this.repository.qc(shopId, day),
        roster: await this.repository.roster(shopId, day),
        adherence: await this.repository.adherence(shopId, day, shop.timeZone),
      };
      await this.repository.dropEmpty(shopId, date);
      await this.repository.bumpRevision(shopId);
      return outcome;
    });
  }

  /**
   * Aggregates the days of [from, to] (up to yesterday) that have facts but were never aggregated,
   * oldest first, so a ranking or report over them never reads an empty month. Returns those days.
   */
  async aggregateMissing(shopId: string, from: string, to: string, now = new Date()): Promise<string[]> {
    const shop = await this.shops.context(shopId);
    const yesterday = addDays(localDateOf(now, shop.timeZone), -1);
    const last = to < yesterday ? to : yesterday;
    if (last < from) return [];
    const days = await this.dueDays.daysWithoutKpis(shopId, shop.timeZone, from, last);
    for (const date of days) await this.aggregateDay(shopId, date);
    return days;
  }

  /**
   * The night's day and the days before it still inside the attribution window (their orders and
   * next-day QC reviews are still arriving), plus every day touched by imports since the last night.
   */
  @JobHandler(kpiAggregateJob)
  async aggregate(payload: NightlyPayload, context: JobContext): Promise<Record<string, unknown>> {
    const shop = await this.shops.context(payload.shopId);
    const windowDays = attributionWindowDays(shop.settings);
    const recent = datesBetween(addDays(payload.date, -Math.max(windowDays, 1)), payload.date);
    const reimported = await this.dueDays.reimportedDays(shop.id, shop.timeZone, windowDays);
    const days = [...new Set([...recent, ...reimported.days])].sort();
    const outcomes: DayOutcome[] = [];
    for (const [index, date] of days.entries()) {
      // Each day is stored only while this attempt holds the run (a duplicate delivery waits).
      outcomes.push(await context.fenced(() => this.aggregateDay(shop.id, date)));
      await context.progress(((index + 1) / days.length) * 100, {
        template: jobProgressTexts.daysDone,
        params: { done: index + 1, total: days.length },
      });
    }
    if (reimported.seenUntil) await context.fenced(() => this.dueDays.markImportsSeen(shop.id, reimported.seenUntil!));
    return {
      date: payload.date,
      days,
      reimportedDays: reimported.days.length,
      agentDays: outcomes.reduce((n, o) => n + o.sessions.stored, 0),
    };
  }
}
