import { Controller, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { z } from 'zod';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody, ValidQuery } from 'src/platform/http/validation';
import { acceptedExample } from 'src/platform/jobs/jobs.dto';
import { ImportQuery, pushBody, rejectedExample, reportExample } from './import.dto';
import { ImportService } from './import.service';

const VolumePushBody = pushBody(
  'Volume rows as the volume import takes them (queue code, slot start, slot minutes, offered, handled, abandoned, mean handle seconds)',
  [
    {
      queue: 'presales_chat',
      slotStart: '2026-11-30 10:00',
      slotMinutes: 30,
      offered: 120,
      handled: 114,
      abandoned: 6,
      meanHandleSeconds: 410,
    },
  ],
);
type VolumePushBody = z.infer<typeof VolumePushBody>;

@ApiTags('ingest: imports')
@ApiBearerAuth()
@Controller('volume')
export class VolumePushController {
  constructor(private readonly imports: ImportService) {}

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
  @ApiResponse({
    status: 422,
    description: 'Rejected rows, each named: nothing stored',
    content: { 'application/problem+json': { example: rejectedExample } },
  })
  @ApiProblems(400, 401, 403, 413, 503)
  async push(
    @CurrentActor() actor: Actor,
    @ValidQuery(ImportQuery) query: ImportQuery,
    @ValidBody(VolumePushBody) body: VolumePushBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.imports.importPushed(actor, 'volume', query.mode, body);
    res.status('jobId' in result ? 202 : 200);
    return result;
  }
}
