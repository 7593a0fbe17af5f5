import { createHash } from 'node:crypto';
import { Global, Inject, Injectable, Module } from '@nestjs/common';
import type { Response } from 'express';
import type { AppConfig } from 'src/platform/config/app-config';
import { APP_CONFIG } from 'src/platform/config/config.module';
import { currentLocale } from 'src/platform/i18n/request-locale';
import { BoundedCache } from './bounded-cache';

export type SerialisedView = { body: Buffer; etag: string };

/**
 * Serialised read views (a roster week, a month of KPIs), so repeated reads of unchanged data skip
 * rebuilding and JSON-encoding them. The caller names every input of the view in `inputs` (a
 * cheap stamp read from the database on each request, plus who is asking and what was asked);
 * the digest of that is the key. A change made through any replica changes the stamp there at
 * once, so an old entry is never served again and just ages out of the bounded memory.
 */
@Injectable()
export class ViewCache {
  private readonly cache: BoundedCache;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.cache = new BoundedCache(config.viewCacheBytes);
  }

  async serialised(view: string, inputs: unknown, build: () => Promise<unknown>): Promise<SerialisedView> {
    // The request's language is part of every key: a view may come to hold texts in it.
    const digest = createHash('sha256')
      .update(`${view}\0${currentLocale()}\0`)
      .update(JSON.stringify(inputs))
      .digest('base64url');
    const etag = `"${digest}"`;
    const cached = this.cache.get(digest);
    if (cached) return { body: cached, etag };
    const body = Buffer.from(JSON.stringify(await build()));
    this.cache.set(digest, body);
    return { body, etag };
  }

  get stats(): { hits: number; misses: number; entries: number; bytes: number } {
    return { hits: this.cache.hits, misses: this.cache.misses, ...this.cache.size };
  }
}

/** Sends stored JSON bytes as they are (with its ETag, so an unchanged view answers 304). */
export function sendView(res: Response, view: SerialisedView): void {
  res.setHeader('ETag', view.etag);
  res.type('application/json; charset=utf-8').send(view.body);
}

@Global()
@Module({ providers: [ViewCache], exports: [ViewCache] })
export class ViewCacheModule {}
