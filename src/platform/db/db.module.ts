import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from 'src/platform/config/app-config';
import { APP_CONFIG } from 'src/platform/config/config.module';
import { connect, Db } from './db';
import { EmbeddedPostgresServer } from './embedded-postgres-server';
import { applyMigrations } from './migrate';

export const EMBEDDED_SERVER = Symbol('EMBEDDED_SERVER');

/** Resolves where the data lives: the configured PostgreSQL, or our own embedded one. */
async function openDatabase(config: AppConfig, embedded: EmbeddedPostgresServer | null): Promise<Db> {
  const url = config.databaseUrl ?? (await embedded!.start());
  const db = connect(url);
  await applyMigrations(db, url);
  return db;
}

@Global()
@Module({
  providers: [
    {
      provide: EMBEDDED_SERVER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (config.databaseUrl) return null;
        const logger = new Logger('EmbeddedPostgres');
        return new EmbeddedPostgresServer(config.dataDir, config.embeddedPgPort, (m) => logger.log(m));
      },
    },
    { provide: Db, inject: [APP_CONFIG, EMBEDDED_SERVER], useFactory: openDatabase },
  ],
  exports: [Db],
})
export class DbModule implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly db: Db,
    @Inject(EMBEDDED_SERVER) private readonly embedded: EmbeddedPostgresServer | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
    this.logger.log('database connections closed');
    await this.embedded?.stop();
  }
}
