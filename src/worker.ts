import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { loadConfig } from './platform/config/app-config';

/** The worker process: the same modules without HTTP, processing BullMQ queues and running schedules. */
async function bootstrap(): Promise<void> {
  const config = { ...loadConfig(), workers: 'inline' as const };
  if (!config.redisUrl) throw new Error('REDIS_URL is required for a separate worker (without it, npm start runs jobs in-process)');
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log({ pid: process.pid, prefix: config.queuePrefix }, 'worker started');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
