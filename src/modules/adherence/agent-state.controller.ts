import { Controller, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { z } from 'zod';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody, ValidQuery } from 'src/platform/http/validation';
import { acceptedExample } from 'src/platform/jobs/jobs.dto';
import { ImportQuery, pushBody, rejectedExample, reportExample } from 'src/modules/ingest/import.dto';
import { ImportService } from 'src/modules/ingest/import.service';

const AgentStatePushBody = pushBody(
  'Agent states as the chat workbench reports them: agent (employee no.), state (online, busy, away, offline), from, to (blank or absent: still in it)',
  [
    { agent: 'CS0002', state: 'online', from: '2026-11-30 09:00:00', to: '2026-11-30 11:58:30' },
    { agent: 'CS0002', state: 'away', from: '2026-11-30 11:58:30' },
  ],
);
type AgentStatePushBody = z.infer<typeof AgentStatePushBody>;

@ApiTags('adherence')
@ApiBearerAuth()
@Controller('agent-states')
export class AgentStateController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @Roles('admin', 'manager', 'supervisor')
  @ApiOkResponse({
    description:
      'Agent states as they change. Stored like an import of kind `agent-states` (same checks, all-or-nothing unless `?mode=partial`); ' +
      'the same agent and `from` again replaces that report (e.g. its `to` once the state ends). A later report ends the one before it. ' +
      'They feed adherence and conformance (KPIs `adherence`, `conformance`) and the live view (`GET /intraday`).',
    schema: {
      example: {
        ...reportExample,
        kind: 'agent-states',
        rows: 2,
        inserted: 2,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        errors: [],
        reattributed: 0,
      },
    },
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
    @ValidBody(AgentStatePushBody) body: AgentStatePushBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.imports.importPushed(actor, 'agent-states', query.mode, body);
    res.status('jobId' in result ? 202 : 200);
    return result;
  }
}
