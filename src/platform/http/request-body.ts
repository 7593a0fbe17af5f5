import { isUtf8 } from 'node:buffer';
import type { NextFunction, Request, Response } from 'express';
import { CommonProblems } from 'src/platform/errors/common-problems';
import { AppError } from 'src/platform/errors/problem';
import { firstValueFlaw, ValueFlaw } from 'src/platform/text/stored-text';
import { RequestProblems } from './request.problems';

export const JSON_BODY_LIMIT = '2mb';
/** Far deeper than any body of this API (five or six levels); a deeper one is refused, not walked. */
export const MAX_BODY_DEPTH = 64;

/** Carries a refusal through body-parser, which wraps whatever its `verify` throws. */
class RefusedBody extends Error {
  readonly status: number;

  constructor(readonly refusal: AppError) {
    super(refusal.message);
    this.status = refusal.status;
  }
}

/**
 * body-parser's `verify`: JSON is UTF-8 (RFC 8259) and must be valid UTF-8, not decoded with
 * replacement characters into text that was never sent.
 */
function verifyJson(_req: Request, _res: Response, body: Buffer, encoding: string): void {
  if (encoding.toLowerCase() !== 'utf-8')
    throw new RefusedBody(RequestProblems.charsetUnsupported({ charset: encoding.toUpperCase() }));
  if (!isUtf8(body)) throw new RefusedBody(RequestProblems.notUtf8());
}

export const jsonBodyOptions = { limit: JSON_BODY_LIMIT, verify: verifyJson };

function refusalOf(flaw: ValueFlaw, location: 'body' | 'query'): AppError {
  const field = flaw.path ? `${location}.${flaw.path}` : location;
  switch (flaw.flaw) {
    case 'too-deep':
      return RequestProblems.tooDeep({ limit: MAX_BODY_DEPTH });
    case 'nul':
      return RequestProblems.nulCharacter.at(flaw.path || location, { field }, location);
    case 'unpaired-surrogate':
      return RequestProblems.unpairedSurrogate.at(flaw.path || location, { field }, location);
    case 'reserved-key':
      return RequestProblems.reservedKey.at(flaw.path || location, { field, key: flaw.key }, location);
  }
}

/**
 * After parsing: what no module could store or should see is refused here, once for every
 * endpoint (a NUL character reached PostgreSQL and answered 500; a body nested 100,000 deep
 * overflowed the stack of whatever walked it next).
 */
export function checkParsedInput(req: Request, _res: Response, next: NextFunction): void {
  const bodyFlaw = req.body !== undefined ? firstValueFlaw(req.body, MAX_BODY_DEPTH) : undefined;
  if (bodyFlaw) return next(refusalOf(bodyFlaw, 'body'));
  const queryFlaw = firstValueFlaw(req.query, MAX_BODY_DEPTH);
  if (queryFlaw) return next(refusalOf(queryFlaw, 'query'));
  next();
}

type HttpError = Error & {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
  expose?: boolean;
  charset?: string;
  encoding?: string;
  limit?: number;
  refusal?: AppError;
};

/** Error codes of zlib, brotli and zstd when the bytes are not what the Content-Encoding says. */
const DECOMPRESSION_ERROR = /^(Z_|ERR__ERROR_|ERR_BROTLI|ERR_ZSTD)/;

/**
 * The refusal for an error of the body parser (an http-errors error with a `type`), or undefined
 * when the error is not one. Without this, each of them answered 500.
 */
function bodyParserRefusal(exception: unknown, request: Request): AppError | undefined {
  const e = exception as HttpError;
  if (e?.refusal instanceof AppError) return e.refusal;
  const status = e?.status ?? e?.statusCode;
  if (
    typeof status !== 'number' ||
    status < 400 ||
    status >= 500 ||
    (typeof e.type !== 'string' && !DECOMPRESSION_ERROR.test(e.code ?? ''))
  )
    return undefined;
  switch (e.type) {
    case 'entity.too.large':
      return CommonProblems.payloadTooLarge({ limit: JSON_BODY_LIMIT.toUpperCase().replace('MB', ' MB') });
    case 'charset.unsupported':
      return RequestProblems.charsetUnsupported({ charset: (e.charset ?? '').toUpperCase() });
    case 'encoding.unsupported':
      return RequestProblems.encodingUnsupported({
        encoding: e.encoding ?? String(request.headers['content-encoding'] ?? ''),
        supported: ['gzip', 'deflate', 'br'],
      });
    case 'entity.parse.failed':
      return RequestProblems.jsonInvalid({ reason: e.message });
    default:
      if (DECOMPRESSION_ERROR.test(e.code ?? ''))
        return RequestProblems.encodingInvalid({ encoding: String(request.headers['content-encoding'] ?? '') });
      return RequestProblems.bodyUnreadable({ reason: e.message });
  }
}

/** Express error middleware right after the body parser: its errors become catalogued refusals. */
export function refuseUnreadableBody(error: unknown, req: Request, _res: Response, next: NextFunction): void {
  next(bodyParserRefusal(error, req) ?? error);
}
