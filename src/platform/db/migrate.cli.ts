import { loadConfig } from 'src/platform/config/app-config';
import { connect } from './db';
import { EmbeddedPostgresServer } from './embedded-postgres-server';
import { applyMigrations } from './migrate';

/** `npm run db:migrate`: the same migrations the server applies on boot. */
async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl
    ? null
    : new EmbeddedPostgresServer(config.dataDir, config.embeddedPgPort, (m) => process.stdout.write(m + '\n'));
  const url = config.databaseUrl ?? (await embedded!.start());
  const db = connect(url, 1);
  try {
    await applyMigrations(db, url);
    process.stdout.write('migrations applied\n');
  } finally {
    await db.close();
    await embedded?.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`migration failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
