import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { AppConfig } from 'src/platform/config/app-config';
import { APP_CONFIG } from 'src/platform/config/config.module';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { nextNight, nightlyDueDate } from './nightly-clock';
import { nightKey, nightlyRun, type NightlyPayload } from './nightly.jobs';
import { ShopClockRepository } from './shop-clock.repository';

/**
 * Every minute, each process with SCHEDULES=on checks every shop's local clock and enqueues the
 * night that is due. The run's fixed key (`nightly.run:<shop>:<date>`) makes the first replica win
 * and the rest no-ops. After an outage, the nights missed since the shop's last scheduled night
 * are run one at a time, oldest first (the newest NIGHTLY_CATCH_UP_DAYS of them): a night's
 * rankings and forecasts read what the nights before it computed. One check starts the whole
 * catch-up: each missed night queues the next when it is done (`through` the due night).
 */
@Injectable()
export class NightlySchedule {
  private readonly logger = new Logger(NightlySchedule.name);
  private readonly enqueued = new Set<string>();

  constructor(
    private readonly clocks: ShopClockRepository,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'nightly-tick' })
  async onMinute(): Promise<void> {
    if (this.config.schedules !== 'on') return;
    try {
      await this.tick(new Date());
    } catch (e) {
      this.logger.error({ err: (e as Error).message }, 'nightly tick failed; retried next minute');
    }
  }

  /** Returns the keys it enqueued now (already-known nights are skipped). */
  async tick(now: Date): Promise<string[]> {
    const [clocks, states] = await Promise.all([this.clocks.all(), this.clocks.nightlyStates()]);
    const started: string[] = [];
    for (const shop of clocks) {
      const due = nightlyDueDate(now, shop.timeZone);
      const state = states.get(shop.id);
      const date = due && nextNight(due, state, this.config.nightlyCatchUpDays);
      if (!date) continue;
      const key = nightKey(shop.id, date);
      if (this.enqueued.has(key)) continue;
      if (date < due) this.logger.warn({ shopId: shop.id, date, due }, 'catching up a missed night');
      const payload: NightlyPayload = { shopId: shop.id, date };
      if (date < due) payload.through = due;
      const { created } = await this.queue.enqueue(nightlyRun, payload, { dedupeKey: key });
      this.enqueued.add(key);
      if (created) started.push(key);
    }
    if (this.enqueued.size > 10_000) this.enqueued.clear();
    return started;
  }
}
