import { NestFactory } from '@nestjs/core';
import { AppModule } from 'src/app.module';
import { loadConfig } from 'src/platform/config/app-config';
import { DemoSetup } from './demo-setup.service';
import { describeError } from 'src/platform/lifecycle/process-lifecycle';

/** `npm run seed:demo`: the whole demo shop (what is there already is kept). */
async function main(): Promise<void> {
  const config = { ...loadConfig(), schedules: 'off' as const, workers: 'inline' as const };
  const app = await NestFactory.createApplicationContext(AppModule.register(config), {
    logger: ['error', 'warn', 'log'],
  });
  try {
    const result = await app.get(DemoSetup).seed();
    process.stdout.write(`demo shop ${result.shopId} ${result.created ? 'seeded' : 'completed'}\n`);
    for (const l of result.logins) process.stdout.write(`  ${l.role.padEnd(10)} ${l.username} / ${l.password}\n`);
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`seeding failed: ${describeError(e)}\n`);
  process.exit(1);
});
