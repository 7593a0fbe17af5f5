import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { pageExample } from 'src/platform/http/pagination';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { CoachingService } from './coaching.service';
import { COACHING_READERS } from './qc-roles';
import { CloseCoachingBody, coachingExample, ListCoachingQuery } from './qc.dto';
import { QcProblems } from './qc.problems';

@ApiTags('qc')
@ApiBearerAuth()
@Controller('qc/coaching-tasks')
export class CoachingController {
  constructor(private readonly coaching: CoachingService) {}

  @Get()
  @Roles(...COACHING_READERS)
  @ApiOkResponse({
    description: 'Agents see their own, supervisors their teams, QC and managers the shop',
    schema: { example: pageExample(coachingExample) },
  })
  @ApiProblems(400, 401, 403, 404, QcProblems.agentNotFound)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListCoachingQuery) query: ListCoachingQuery) {
    return this.coaching.list(actor, query);
  }

  @Get(':id')
  @Roles(...COACHING_READERS)
  @ApiOkResponse({ schema: { example: coachingExample } })
  @ApiProblems(400, 401, 403, 404, QcProblems.coachingNotFound)
  get(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.coaching.get(actor, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOkResponse({
    description: "Closed by the agent's team supervisor with a note of what was coached",
    schema: {
      example: { ...coachingExample, status: 'done', note: '已复盘退款政策话术', closedAt: '2026-11-27T09:30:00.000Z' },
    },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    QcProblems.coachingNotFound,
    QcProblems.coachingNotYours,
    QcProblems.coachingClosed,
  )
  close(
    @CurrentActor() actor: Actor,
    @ValidParam('id') id: string,
    @ValidBody(CloseCoachingBody) body: CloseCoachingBody,
  ) {
    return this.coaching.close(actor, id, body);
  }
}
