import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { RequestProblems } from './request.problems';

/** Where `@ApiConsumes` keeps its types (@nestjs/swagger's API_CONSUMES, not exported). */
const API_CONSUMES = 'swagger/apiConsumes';

const hasBody = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * A body must be of a type the endpoint takes: its documented `@ApiConsumes`, else JSON. Runs
 * before the endpoint's own interceptors, so an upload of the wrong kind is refused before
 * anything of it is written. (A text/plain or form body otherwise reached the handler unread and
 * was answered as if the fields were missing.)
 */
@Injectable()
export class BodyMediaType implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    if (context.getType() === 'http' && hasBody(req)) {
      const accepted = this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES, [
        context.getHandler(),
        context.getClass(),
      ]) ?? ['application/json'];
      if (!req.is(accepted))
        throw RequestProblems.mediaType({ accepted, sent: req.headers['content-type'] || '(none)' });
    }
    return next.handle();
  }
}
