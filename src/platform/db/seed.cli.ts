import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../app.module';
import { loadConfig } from '../config/app-config';
import { DemoSeed } from './demo/demo-seed';
import { DemoHistorySeed } from '../../modules/ingest/demo-history.seed';

/** `npm run seed:demo`: the demo organisation (and, as modules land, its history). */
async function main(): Promise<void> {
  const config = { ...loadConfig(), schedules: 'off' as const, workers: 'off' as const };
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error', 'warn'] });
  try {
    const result = await app.get(DemoSeed).seed();
    process.stdout.write(`${result.created ? 'seeded' : 'already present'}: demo shop ${result.shopId}\n`);
    const history = await app.get(DemoHistorySeed).seed(result.shopId);
    process.stdout.write(history ? `history: ${history.volume} volume slots, ${history.sessions} sessions, ${history.orders} orders\n` : 'history: already present\n');
    for (const l of result.logins) process.stdout.write(`  ${l.role.padEnd(10)} ${l.username} / ${l.password}\n`);
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`seeding failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
