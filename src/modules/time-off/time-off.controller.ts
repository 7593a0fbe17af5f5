import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { pageExample } from 'src/platform/http/pagination';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { SelfServiceProblems } from 'src/modules/self-service/self-service.problems';
import { CreateTimeOffBody, DecideTimeOffBody, ListTimeOffQuery, timeOffExample } from './time-off.dto';
import { TimeOffProblems } from './time-off.problems';
import { TimeOffService } from './time-off.service';

@ApiTags('self-service: time off')
@ApiBearerAuth()
@Controller('time-off-requests')
export class TimeOffController {
  constructor(private readonly timeOff: TimeOffService) {}

  @Post()
  @Roles('admin', 'manager', 'supervisor', 'agent')
  @ApiCreatedResponse({
    description:
      'Approved at once (leave granted, shifts freed in a new published roster version) when the allowance or cover allows it, else waiting for the supervisor. A whole day frees the shifts starting on it (a night already running into it from the day before stays; the leave starts when it ends); part of a day frees a shift it covers and cuts one it overlaps to the longest template clear of it, or is refused (`time-off.cannot-shorten`)',
    schema: { example: timeOffExample },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    SelfServiceProblems.noAgentRecord,
    SelfServiceProblems.pastDay,
    SelfServiceProblems.unpublishedWeek,
    SelfServiceProblems.rulesBroken,
    TimeOffProblems.overlaps,
    TimeOffProblems.allowanceExceeded,
    TimeOffProblems.cannotShorten,
    TimeOffProblems.notFound,
  )
  request(@CurrentActor() actor: Actor, @ValidBody(CreateTimeOffBody) body: CreateTimeOffBody) {
    return this.timeOff.request(actor, body);
  }

  @Get()
  @Roles('admin', 'manager', 'supervisor', 'agent')
  @ApiOkResponse({
    description:
      'Newest first; agents see their own, supervisors their teams’ (the approval inbox is `?status=pending`)',
    schema: { example: pageExample(timeOffExample) },
  })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListTimeOffQuery) query: ListTimeOffQuery) {
    return this.timeOff.list(actor, query);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('admin', 'manager', 'supervisor')
  @ApiOkResponse({
    description:
      'Approval grants the leave and publishes the roster without the freed shifts; the rules are checked again now',
    schema: { example: { ...timeOffExample, autoApproved: false, note: '已安排同事顶班' } },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    TimeOffProblems.notFound,
    SelfServiceProblems.decided,
    SelfServiceProblems.pastDay,
    SelfServiceProblems.unpublishedWeek,
    SelfServiceProblems.rulesBroken,
    TimeOffProblems.allowanceExceeded,
    TimeOffProblems.cannotShorten,
  )
  decide(
    @CurrentActor() actor: Actor,
    @ValidParam('id') id: string,
    @ValidBody(DecideTimeOffBody) body: DecideTimeOffBody,
  ) {
    return this.timeOff.decide(actor, id, body);
  }

  @Delete(':id')
  @Roles('admin', 'manager', 'supervisor', 'agent')
  @ApiOkResponse({
    description:
      'The request, cancelled: while it waits, by its agent or whoever may decide it; once approved, its leave is ' +
      'cancelled and the published shifts it took are given back (`returned`, `warnings`, as DELETE /leave/:id)',
    schema: {
      example: {
        ...timeOffExample,
        status: 'cancelled',
        statusLabel: '已取消',
        autoApproved: false,
        leaveId: null,
        published: [],
      },
    },
  })
  @ApiProblems(400, 401, 403, 404, 409, TimeOffProblems.notFound, SelfServiceProblems.decided)
  cancel(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.timeOff.cancel(actor, id);
  }
}
