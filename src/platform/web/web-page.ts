import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * The planners' web page: static files from src/web (copied to dist/web by the Nest CLI). Only `/`,
 * `/index.html` and `/assets/*` exist, so no API route, /docs or /health is shadowed; the files are
 * public and hold no data: every API call the page makes carries the signed-in user's token.
 */
export const webPageFolder = join(__dirname, '..', '..', 'web');

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

// Revalidate every time: a new release must not leave an old script cached beside a new API.
const setHeaders = (res: Response) => {
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
};

export function serveWebPage(app: INestApplication, folder = webPageFolder): void {
  if (!existsSync(join(folder, 'index.html')))
    throw new Error(`The web page is missing: no index.html in ${folder} (run the build)`);
  const express = app as NestExpressApplication;
  // Mounted at /assets (not the root), so API requests never make the static handler look on disk.
  express.useStaticAssets(join(folder, 'assets'), {
    prefix: '/assets',
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    setHeaders,
  });
  const page = join(folder, 'index.html');
  express.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || (req.path !== '/' && req.path !== '/index.html'))
      return next();
    setHeaders(res);
    res.sendFile(page, (e?: Error) => e && next(e));
  });
}
