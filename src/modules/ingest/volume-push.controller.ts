import { writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Controller, Inject, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import type { AppConfig } from 'src/platform/config/app-config';
import { APP_CONFIG } from 'src/platform/config/config.module';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody, ValidQuery } from 'src/platform/http/validation';
import { acceptedExample } from 'src/platform/jobs/jobs.dto';
import { ImportQuery, rejectedExample, reportExample } from './import.dto';
import { ImportService } from './import.service';

/** Pushes are meant to be small and frequent (every slot); a day of a busy shop fits easily. */
const MAX_PUSHED_ROWS = 5_000;

const VolumePushBody = z.strictObject({
  rows: z
    .array(z.record(z.string(), z.unknown()))
    .min(1)
    .max(MAX_PUSHED_ROWS)
    .meta({
      description: 'Volume rows as the volume import takes them (queue code, slot start, slot minutes, offered, handled, abandoned, mean handle seconds)',
      example: [{ queue: 'presales_chat', slotStart: '2026-11-30 10:00', slotMinutes: 30, offered: 120, handled: 114, abandoned: 6, meanHandleSeconds: 410 }],
    }),
});
type VolumePushBody = z.infer<typeof VolumePushBody>;

@ApiTags('ingest: imports')
@ApiBearerAuth()
@Controller('volume')
export class VolumePushController {
  constructor(
    private readonly imports: ImportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Roles('admin', 'manager', 'supervisor')
  @ApiOkResponse({
    description:
      'Volume as it arrives (each slot once it is over; a slot sent again replaces its numbers). Stored like an import of kind `volume` ' +
      '(same checks, all-or-nothing unless `?mode=partial`); stored volume of the last seven local days queues the intraday re-forecast of its queue and day ' +
      '(`GET /queues/{id}/intraday-forecast`), one waiting run per queue and day however many pushes arrive.',
    schema: { example: { ...reportExample, kind: 'volume', reattributed: 0 } },
  })
  @ApiAcceptedResponse({ description: 'A large push: stored by a job', schema: { example: acceptedExample } })
  @ApiResponse({ status: 422, description: 'Rejected rows, each named: nothing stored', content: { 'application/problem+json': { example: rejectedExample } } })
  @ApiProblems(400, 401, 403, 413, 503)
  async push(@CurrentActor() actor: Actor, @ValidQuery(ImportQuery) query: ImportQuery, @ValidBody(VolumePushBody) body: VolumePushBody, @Res({ passthrough: true }) res: Response) {
    const text = JSON.stringify(body);
    const path = join(this.config.dataDir, 'uploads', `${randomUUID()}-volume-push.json`);
    await writeFile(path, text);
    const result = await this.imports.importUpload(actor, 'volume', query.mode, { path, originalName: 'volume-push.json', size: Buffer.byteLength(text) });
    res.status('jobId' in result ? 202 : 200);
    return result;
  }
}
