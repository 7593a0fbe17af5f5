import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { JobQueue } from '../job-queue';
import { nightlyDueDate } from './nightly-clock';
import { nightlyRun } from './nightly.jobs';
import { ShopClockRepository } from './shop-clock.repository';

/**
 * Every minute, each process that runs workers checks every shop's local clock and enqueues
 * the night that is due. The run's fixed key (`nightly.run:<shop>:<date>`) makes the first
 * replica win and the rest no-ops; a process that was down at 02:00 catches up when it starts.
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
    if (this.config.schedules !== 'on' || this.config.workers !== 'inline') return;
    try {
      await this.tick(new Date());
    } catch (e) {
      this.logger.error({ err: (e as Error).message }, 'nightly tick failed; retried next minute');
    }
  }

  /** Returns the keys it enqueued now (already-known nights are skipped). */
  async tick(now: Date): Promise<string[]> {
    const clocks = await this.clocks.all();
    const started: string[] = [];
    for (const shop of clocks) {
      const date = nightlyDueDate(now, shop.timeZone);
      if (!date) continue;
      const key = `nightly.run:${shop.id}:${date}`;
      if (this.enqueued.has(key)) continue;
      const { created } = await this.queue.enqueue(nightlyRun, { shopId: shop.id, date }, { dedupeKey: key });
      this.enqueued.add(key);
      if (created) started.push(key);
    }
    if (this.enqueued.size > 10_000) this.enqueued.clear();
    return started;
  }
}
