import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { loadConfig } from './platform/config/app-config';
import { describeError, ProcessLifecycle } from './platform/lifecycle/process-lifecycle';
import { processRoles } from './platform/jobs/process-roles';

const lifecycle = new ProcessLifecycle();

/** The worker process: the same modules without HTTP, processing BullMQ queues and running schedules. */
async function bootstrap(): Promise<void> {
  const config = { ...loadConfig(), workers: 'inline' as const };
  if (!config.redisUrl)
    throw new Error('REDIS_URL is required for a separate worker (without it, npm start runs jobs in-process)');
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  lifecycle.attach(app, (message) => logger.log(message, 'Lifecycle'), config.shutdownGraceMs);
  logger.log({ pid: process.pid, prefix: config.queuePrefix, roles: processRoles(config) }, 'worker started');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Worker failed to start: ${describeError(error)}\n`);
  process.exit(1);
});
