import type { INestApplication } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from 'src/platform/config/app-config';
import { APP_CONFIG } from 'src/platform/config/config.module';
import { ProblemFilter } from 'src/platform/errors/problem.filter';
import { requestLocale } from 'src/platform/i18n/request-locale';
import { serveWebPage } from 'src/platform/web/web-page';
import { BodyMediaType } from './body-media-type';
import { mountApiDocs } from './openapi';
import { checkParsedInput, jsonBodyOptions, refuseUnreadableBody } from './request-body';

/** Everything main.ts and the e2e tests must set up the same way. */
export function configureApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  // First, so every later step (validation, services, the error filter) knows the reader's language.
  express.use(requestLocale);
  express.useBodyParser('json', jsonBodyOptions);
  express.use(refuseUnreadableBody);
  express.use(checkParsedInput);
  express.disable('x-powered-by');
  // Behind a reverse proxy the client's address (sign-in throttling counts by it) is in X-Forwarded-For.
  express.set('trust proxy', app.get<AppConfig>(APP_CONFIG).trustProxy);
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalInterceptors(new BodyMediaType(new Reflector()));
  mountApiDocs(app);
  serveWebPage(app);
}
