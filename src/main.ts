import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { loadConfig } from './platform/config/app-config';
import { configureApp } from './platform/http/configure-app';
import { EMBEDDED_SERVER } from './platform/db/db.module';
import type { EmbeddedPostgresServer } from './platform/db/embedded-postgres-server';
import { describeError, ProcessLifecycle } from './platform/lifecycle/process-lifecycle';
import { DemoSetup } from './demo/demo-setup.service';
import { processRoles } from './platform/jobs/process-roles';

const lifecycle = new ProcessLifecycle();

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(AppModule.register(config), { bufferLogs: true, bodyParser: false });
  const logger = app.get(Logger);
  app.useLogger(logger);
  lifecycle.attach(app, (message) => logger.log(message, 'Lifecycle'), config.shutdownGraceMs);
  app.get<EmbeddedPostgresServer | null>(EMBEDDED_SERVER)?.onUnexpectedExit((reason) => void lifecycle.stop(reason, 1));
  configureApp(app);
  // Initialised before seeding: the demo's forecasts and roster are jobs, run by workers started at init.
  await app.init();
  const seeded = await app.get(DemoSetup).onStart(config);
  await app.listen(config.port, config.host);
  const url = (await app.getUrl())
    .replace('[::1]', 'localhost')
    .replace('0.0.0.0', 'localhost')
    .replace('127.0.0.1', 'localhost');
  const lines = [
    '',
    `  Customer-service workforce server is running (${config.databaseUrl ? 'PostgreSQL at DATABASE_URL' : `embedded PostgreSQL in ${config.dataDir}`}; jobs ${config.redisUrl ? 'on BullMQ/Redis' : 'in-process'})`,
    `  Web page:  ${url}/`,
    `  API docs:  ${url}/docs`,
    `  Health:    ${url}/health`,
    `  Roles:     ${processRoles(config)}`,
    ...(seeded
      ? [
          '  Demo logins (user / password):',
          ...seeded.logins.map((l) => `    ${l.role.padEnd(10)} ${l.username} / ${l.password}`),
        ]
      : []),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${describeError(error)}\n`);
  // Exiting runs the embedded database's exit handler, so a failed boot leaves no server behind.
  process.exit(1);
});
