import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody, ValidQuery } from 'src/platform/http/validation';
import { requirementsExample, RequirementsQuery, WhatIfBody, whatIfExamples } from './staffing.dto';
import { StaffingService } from './staffing.service';

@ApiTags('staffing')
@ApiBearerAuth()
@Controller('staffing')
export class StaffingController {
  constructor(private readonly staffing: StaffingService) {}

  @Get('requirements')
  @Roles('admin', 'manager', 'supervisor', 'trainer')
  @ApiOkResponse({ description: 'Per slot: forecast volume, raw agents, positions after shrinkage, service level, ASA, occupancy. A deferred queue answers `model: "deferred"` with work per slot, `peakAgents`, `spilloverAgents` and `oneFewer` (lateness with one agent fewer than the peak)', schema: { example: requirementsExample } })
  @ApiProblems(400, 401, 403, 404, 409)
  requirements(@CurrentActor() actor: Actor, @ValidQuery(RequirementsQuery) query: RequirementsQuery) {
    return this.staffing.requirements(actor, query);
  }

  @Post('what-if')
  @HttpCode(200)
  @Roles('admin', 'manager', 'supervisor', 'trainer')
  @ApiOkResponse({
    description:
      'The same calculation for given inputs; nothing is stored. A real-time queue (Erlang C/A, chat concurrency) or, with `kind: "deferred"`, deferred work: ' +
      'agents per slot by the deadline and `oneFewer`, the lateness with one agent fewer than the peak in every slot (hours null: some work is never done)',
    content: { 'application/json': { examples: whatIfExamples } },
  })
  @ApiProblems(400, 401, 403)
  whatIf(@ValidBody(WhatIfBody) body: WhatIfBody) {
    return this.staffing.whatIf(body);
  }
}
