import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from 'src/platform/config/app-config';
import { APP_CONFIG } from 'src/platform/config/config.module';

/**
 * Redis connections when REDIS_URL is set (null otherwise). Producers fail fast instead of queueing
 * commands while Redis is down, so an enqueue answers 503 rather than hanging.
 */
export class RedisConnections {
  private readonly opened: Redis[] = [];

  constructor(private readonly url: string) {}

  /** For BullMQ queues (producers): no offline queue, bounded retries. */
  producer(): Redis {
    return this.track(new Redis(this.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }));
  }

  /** For BullMQ workers: blocking commands need maxRetriesPerRequest null. */
  worker(): Redis {
    return this.track(new Redis(this.url, { maxRetriesPerRequest: null }));
  }

  async ping(): Promise<void> {
    const probe = new Redis(this.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    probe.on('error', () => undefined); // reported through the rejected ping below
    try {
      await probe.connect();
      await probe.ping();
    } finally {
      probe.disconnect();
    }
  }

  /** quit() is graceful but needs a live connection; one still reconnecting is cut instead. */
  async closeAll(): Promise<void> {
    await Promise.allSettled(
      this.opened.map((c) => (c.status === 'ready' ? c.quit() : Promise.resolve(c.disconnect()))),
    );
    this.opened.length = 0;
  }

  private track(connection: Redis): Redis {
    this.opened.push(connection);
    return connection;
  }
}

@Global()
@Module({
  providers: [
    {
      provide: RedisConnections,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => (c.redisUrl ? new RedisConnections(c.redisUrl) : null),
    },
  ],
  exports: [RedisConnections],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(RedisConnections) private readonly redis: RedisConnections | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.closeAll();
  }
}
