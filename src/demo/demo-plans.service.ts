import { Injectable, Logger } from '@nestjs/common';
import type { Shop } from 'src/modules/org/shop.repository';
import { ForecastService } from 'src/modules/forecast/forecast.service';
import { ListForecastsQuery } from 'src/modules/forecast/forecast.dto';
import { RosterCommands } from 'src/modules/roster/roster-commands.service';
import { RosterReading } from 'src/modules/roster/roster-reading.service';
import { RosterPublishing } from 'src/modules/roster/roster-publishing.service';
import { CreateRosterBody, ListRostersQuery } from 'src/modules/roster/roster.dto';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { addDays, weekStartOf } from 'src/platform/time/calendar-date';
import { todayIn } from 'src/platform/time/shop-calendar';
import { DemoRepository } from './demo.repository';

/** Forecast weeks: this one (its roster is published) and the three to come (the manager rosters next week). */
const FORECAST_WEEKS = 4;
/** The demo roster is solved quickly: it only has to keep every rule, not be optimal. */
const ROSTER_SECONDS = 3;
const JOB_WAIT_MS = 10 * 60_000;

/**
 * The demo's plans, through the forecast and roster services as the manager would make them:
 * forecasts of every queue from this Monday on, and this week's roster solved from them and
 * published, so agents see their shifts and next week can be rostered straight away.
 */
@Injectable()
export class DemoPlans {
  private readonly logger = new Logger(DemoPlans.name);

  constructor(
    private readonly repository: DemoRepository,
    private readonly forecasts: ForecastService,
    private readonly rosters: RosterReading,
    private readonly commands: RosterCommands,
    private readonly publishing: RosterPublishing,
    private readonly queue: JobQueue,
  ) {}

  static thisMonday(shop: Shop, now: Date): string {
    return weekStartOf(todayIn(shop.timeZone, now));
  }

  /**
   * Skipped only when a completed forecast covers this week: the night's refresh may already have run
   * for the new shop (its schedule ticks while the demo is being seeded) and forecast from tomorrow,
   * which leaves this week's roster without demand.
   */
  async forecastsOf(shop: Shop, now: Date): Promise<number> {
    const manager = await this.repository.actor(shop.id, 'manager');
    const monday = DemoPlans.thisMonday(shop, now);
    const completed = await this.forecasts.list(manager, ListForecastsQuery.parse({ status: 'completed', limit: 500 }));
    if (completed.items.some((v) => v.fromDate <= monday && v.toDate >= addDays(monday, 6))) return 0;
    const { forecasts } = await this.forecasts.create(manager, {
      from: monday,
      weeks: FORECAST_WEEKS,
      method: 'auto',
    });
    for (const f of forecasts) await this.queue.settled(f.jobId, JOB_WAIT_MS);
    return forecasts.length;
  }

  async rosterOf(shop: Shop, now: Date): Promise<string | null> {
    const manager = await this.repository.actor(shop.id, 'manager');
    const weekStart = DemoPlans.thisMonday(shop, now);
    if ((await this.rosters.list(manager, ListRostersQuery.parse({ week: weekStart, limit: 1 }))).total > 0)
      return null;
    const created = await this.commands.create(
      manager,
      CreateRosterBody.parse({ weekStart, timeLimitSeconds: ROSTER_SECONDS, demand: 'forecast', seed: 1 }),
    );
    await this.queue.settled(created.jobId, JOB_WAIT_MS);
    const roster = await this.publishing.publish(manager, created.rosterId, {});
    this.logger.log(
      { shopId: shop.id, rosterId: created.rosterId, weekStart, warnings: created.warnings.length },
      'demo roster of this week published',
    );
    return roster.id;
  }
}
