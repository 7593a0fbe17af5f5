import { BeforeApplicationShutdown, Global, Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { AppConfig } from 'src/platform/config/app-config';
import { APP_CONFIG } from 'src/platform/config/config.module';
import { RedisConnections } from 'src/platform/redis/redis.module';
import { jobDefinition } from './job-definition';
import { JobExecution } from './job-execution';
import { JobQueue } from './job-queue';
import { JobRegistry } from './job-registry';
import { JobRunRepository } from './job-run.repository';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';
import { OrphanedRuns } from './orphaned-runs';
import { ProcessPresence } from './process-presence';
import { NightlyPipeline } from './nightly/nightly-pipeline';
import { NightlySchedule } from './nightly/nightly-schedule';
import { ShopClockRepository } from './nightly/shop-clock.repository';
import { BullMqJobRunner } from './runners/bullmq-job-runner';
import { InlineJobRunner } from './runners/inline-job-runner';
import { JobRunner } from './runners/job-runner';

function createRunner(
  config: AppConfig,
  redis: RedisConnections | null,
  execution: JobExecution,
  runs: JobRunRepository,
  registry: JobRegistry,
  orphans: OrphanedRuns,
): JobRunner {
  if (!redis)
    return new InlineJobRunner(execution, runs, orphans, config.jobConcurrency, (name) => jobDefinition(name)!);
  return new BullMqJobRunner(redis, execution, runs, orphans, {
    prefix: config.queuePrefix,
    concurrency: config.jobConcurrency,
    lockMs: config.jobLockMs,
    jobNames: () => registry.names(),
  });
}

/** Typed jobs, two runners with one behaviour, the job API, and the nightly pipeline. */
@Global()
@Module({
  imports: [DiscoveryModule, ScheduleModule.forRoot()],
  controllers: [JobsController],
  providers: [
    JobRunRepository,
    JobRegistry,
    JobExecution,
    OrphanedRuns,
    ProcessPresence,
    {
      provide: JobRunner,
      inject: [APP_CONFIG, RedisConnections, JobExecution, JobRunRepository, JobRegistry, OrphanedRuns],
      useFactory: createRunner,
    },
    JobQueue,
    JobsService,
    NightlyPipeline,
    NightlySchedule,
    ShopClockRepository,
  ],
  exports: [JobQueue, NightlyPipeline, NightlySchedule],
})
export class JobsModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly runner: JobRunner,
    private readonly presence: ProcessPresence,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Without Redis this process is the only worker there is; with Redis only when WORKERS=inline.
   * A process that runs jobs shows itself alive before its first claim.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.runner.kind !== 'inline' && this.config.workers !== 'inline') return;
    await this.presence.hold();
    await this.runner.startWorkers();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.presence.release();
  }
}
