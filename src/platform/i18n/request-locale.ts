import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import { DEFAULT_LOCALE, inLocale, isLocale, Locale, localeFromAcceptLanguage, type TemplateValue } from './locale';

/** What decides the language of one request (or job): the caller's ask, else the shop's setting. */
type LocaleScope = { requested?: Locale; shop?: Locale };

const scope = new AsyncLocalStorage<LocaleScope>();

/** The language texts of the current request or job are written in. */
export function currentLocale(): Locale {
  const s = scope.getStore();
  return s?.requested ?? s?.shop ?? DEFAULT_LOCALE;
}

/** A text (or list of texts) in the language of the current request or job. */
export function say(value: TemplateValue): string {
  return inLocale(value, currentLocale());
}

/** Runs work (a job, an export build) in a fixed language. */
export function withLocale<T>(locale: Locale, work: () => T): T {
  return scope.run({ requested: locale }, work);
}

/** Called once the shop is known (auth): its language becomes the default of this request. */
export function setShopLocale(language: string | null | undefined, request?: Request): void {
  if (!isLocale(language)) return;
  const s = scope.getStore();
  if (s) s.shop = language;
  if (request) (request as LocaleRequest).shopLocale = language;
}

type LocaleRequest = Request & { requestedLocale?: Locale; shopLocale?: Locale };

/** The language of a request, also where no async scope reaches (the exception filter). */
export function localeOfRequest(request: Request): Locale {
  const r = request as LocaleRequest;
  return (
    r.requestedLocale ??
    localeFromAcceptLanguage(request.headers?.['accept-language']) ??
    r.shopLocale ??
    DEFAULT_LOCALE
  );
}

/** Express middleware: opens the request's language scope from Accept-Language. */
export function requestLocale(request: Request, _response: Response, next: NextFunction): void {
  const requested = localeFromAcceptLanguage(request.headers['accept-language']);
  (request as LocaleRequest).requestedLocale = requested;
  scope.run({ requested }, next);
}
