import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isConnectionLoss } from 'src/platform/db/connection-loss';
import { referencedTable, tableNoun, uniqueKeyOf } from 'src/platform/db/record-words';
import { localeOfRequest } from 'src/platform/i18n/request-locale';
import { CommonProblems } from './common-problems';
import { frameworkRefusal } from './framework-refusals';
import { AppError, ProblemType, problemBody, problemClasses } from './problem';

const statusToType: Record<number, ProblemType> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  503: 'unavailable',
};

/** PostgreSQL errors that are the caller's fault, not ours, told in the domain's words (never a key's name). */
export function databaseProblem(error: unknown): AppError | undefined {
  const e = error as { code?: string; constraint_name?: string; table_name?: string; query?: string };
  if (e?.code === '23505')
    return CommonProblems.duplicate({ what: tableNoun(e.table_name), key: uniqueKeyOf(e.constraint_name) });
  if (e?.code !== '23503') return undefined;
  const target = tableNoun(referencedTable(e.constraint_name));
  // PostgreSQL names the referring table either way (and words its message in the server's
  // language): a DELETE is what leaves a reference dangling, anything else points at a missing record.
  if (/^\s*delete\b/i.test(e.query ?? ''))
    return CommonProblems.stillReferenced({ what: target, referrer: tableNoun(e.table_name) });
  return CommonProblems.missingReference({ what: target });
}

function toAppError(exception: unknown): AppError | undefined {
  if (exception instanceof AppError) return exception;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const type = statusToType[status] ?? (status >= 500 ? 'internal' : 'bad-request');
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response && 'message' in response
        ? (response as { message: unknown }).message
        : exception.message;
    const wording = Array.isArray(message) ? message.join('; ') : String(message);
    // The framework words these in English: ours in both languages, else the class's title (which has both).
    return (
      frameworkRefusal(status, wording) ??
      new AppError(type, problemClasses[type].title, undefined, undefined, `common.${type}`)
    );
  }
  const cause = (exception as { cause?: unknown })?.cause;
  // A connection killed under a request (failover, restart, pg_terminate_backend): come back in a second.
  if (isConnectionLoss(exception)) return CommonProblems.unavailable(undefined, { extra: { retryAfterSeconds: 1 } });
  return databaseProblem(exception) ?? (cause ? databaseProblem(cause) : undefined);
}

/**
 * Every error leaves as RFC 7807 problem+json in the reader's language (Accept-Language, else the
 * shop's); unexpected ones are logged and never leak internals.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    let error = toAppError(exception);
    if (!error) {
      this.logger.error({ err: exception, url: request.url }, 'unhandled error');
      error = CommonProblems.internal();
    } else if (error.status >= 500) {
      this.logger.warn({ err: (exception as Error)?.message, url: request.url }, 'answered with a server error');
    }
    if (response.headersSent) return;
    // A refusal that says when to come back (a sign-in lock, a busy service) says it in the header too.
    const retryAfter = error.extra?.retryAfterSeconds;
    if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(Math.ceil(retryAfter)));
    response
      .status(error.status)
      .type('application/problem+json')
      .send(JSON.stringify(problemBody(error, localeOfRequest(request), request.originalUrl)));
  }
}
