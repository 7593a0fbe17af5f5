import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ArgumentsHost,
  CallHandler,
  Catch,
  ExceptionFilter,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { MulterModuleOptions } from '@nestjs/platform-express';
import { diskStorage } from 'multer';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import type { Request } from 'express';
import type { AppConfig } from 'src/platform/config/app-config';
import { APP_CONFIG } from 'src/platform/config/config.module';
import { ProblemFilter } from 'src/platform/errors/problem.filter';
import { IngestProblems } from './ingest.problems';
import { megabytes } from './readers/file-problem';
import { UploadFolder } from './upload-folder';

/** Uploads stream straight to the data folder (never into memory), capped at the import limit. */
export function uploadOptions(config: AppConfig): MulterModuleOptions {
  const destination = join(config.dataDir, 'uploads');
  mkdirSync(destination, { recursive: true });
  return {
    storage: diskStorage({
      destination,
      filename: (_req, file, done) =>
        done(null, `${randomUUID()}-${file.originalname.replace(/[^\w.-]+/g, '_').slice(-80)}`),
    }),
    limits: { fileSize: config.importMaxBytes, files: 1, fields: 10 },
  };
}

/** Names the limit when an upload is too large, instead of multer's bare "File too large". */
@Catch(PayloadTooLargeException)
export class UploadLimitFilter implements ExceptionFilter {
  private readonly problems = new ProblemFilter();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    this.problems.catch(IngestProblems.fileTooLarge.at('file', { limit: megabytes(this.config.importMaxBytes) }), host);
  }
}

/**
 * Removes the stored upload when the request fails before the import took it over (a bad path or
 * query parameter is refused after multer has already written the file).
 */
@Injectable()
export class DiscardUploadOnError implements NestInterceptor {
  constructor(private readonly uploads: UploadFolder) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    return next
      .handle()
      .pipe(
        catchError((e: unknown) =>
          from(this.uploads.discard(request.file?.path)).pipe(mergeMap(() => throwError(() => e))),
        ),
      );
  }
}
