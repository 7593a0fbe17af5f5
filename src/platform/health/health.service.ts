import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from 'src/platform/config/app-config';
import { APP_CONFIG } from 'src/platform/config/config.module';
import { Db } from 'src/platform/db/db';
import { RedisConnections } from 'src/platform/redis/redis.module';

type Check = { status: 'up' | 'down' | 'not-configured'; error?: string; embedded?: boolean };

@Injectable()
export class HealthService {
  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RedisConnections) private readonly redis: RedisConnections | null,
  ) {}

  async report(): Promise<{ status: 'ok' | 'degraded'; database: Check; redis: Check }> {
    const [database, redis] = await Promise.all([this.database(), this.redisCheck()]);
    const status = database.status === 'up' && redis.status !== 'down' ? 'ok' : 'degraded';
    return { status, database, redis };
  }

  private async database(): Promise<Check> {
    try {
      await this.db.ping();
      return { status: 'up', embedded: !this.config.databaseUrl };
    } catch (e) {
      return { status: 'down', error: (e as Error).message, embedded: !this.config.databaseUrl };
    }
  }

  private async redisCheck(): Promise<Check> {
    if (!this.redis) return { status: 'not-configured' };
    try {
      await this.redis.ping();
      return { status: 'up' };
    } catch (e) {
      return { status: 'down', error: (e as Error).message };
    }
  }
}
