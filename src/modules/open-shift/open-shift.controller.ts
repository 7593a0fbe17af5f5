import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { pageExample } from 'src/platform/http/pagination';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { SelfServiceProblems as S } from 'src/modules/self-service/self-service.problems';
import {
  AssignBody,
  ListOpenShiftsQuery,
  openShiftExample,
  PostGapsBody,
  PostOpenShiftsBody,
  VolunteerBody,
} from './open-shift.dto';
import { OpenShiftProblems as P } from './open-shift.problems';
import { OpenShiftService } from './open-shift.service';

const open = {
  ...openShiftExample,
  status: 'open',
  statusLabel: '待认领',
  assignedAgentId: null,
  volunteers: [],
  published: [],
};

@ApiTags('self-service: open shifts')
@ApiBearerAuth()
@Controller('open-shifts')
export class OpenShiftController {
  constructor(private readonly shifts: OpenShiftService) {}

  @Post()
  @Roles('admin', 'manager')
  @ApiCreatedResponse({
    description: 'Uncovered hours posted as `count` open shifts of a template on a day of the roster’s week',
    schema: { example: { items: [open] } },
  })
  @ApiProblems(400, 401, 403, 404, S.pastDay, P.dateOutsideWeek, P.unknownTemplate)
  post(@CurrentActor() actor: Actor, @ValidBody(PostOpenShiftsBody) body: PostOpenShiftsBody) {
    return this.shifts.post(actor, body);
  }

  @Post('from-gaps')
  @Roles('admin', 'manager')
  @ApiCreatedResponse({
    description:
      'One open shift per agent missing from the day cover of the roster’s newest version (today on; those still open not posted twice)',
    schema: { example: { items: [open, open] } },
  })
  @ApiProblems(400, 401, 403, 404)
  postGaps(@CurrentActor() actor: Actor, @ValidBody(PostGapsBody) body: PostGapsBody) {
    return this.shifts.postGaps(actor, body);
  }

  @Get()
  @Roles('admin', 'manager', 'supervisor', 'agent')
  @ApiOkResponse({
    description: 'Newest first; agents and supervisors see those open to their team (`?status=open` to pick one up)',
    schema: { example: pageExample(openShiftExample) },
  })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListOpenShiftsQuery) query: ListOpenShiftsQuery) {
    return this.shifts.list(actor, query);
  }

  @Post(':id/volunteer')
  @HttpCode(200)
  @Roles('admin', 'manager', 'supervisor', 'agent')
  @ApiOkResponse({
    description:
      'Checked against every hard rule and skill; under policy `first` assigned at once (a new published version), else waiting for the manager’s pick',
    schema: { example: openShiftExample },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    P.notFound,
    S.decided,
    S.noAgentRecord,
    S.agentNotFound,
    S.pastDay,
    S.unpublishedWeek,
    P.notOnRoster,
    S.skillLacking,
    S.alreadyWorks,
    S.rulesBroken,
  )
  volunteer(@CurrentActor() actor: Actor, @ValidParam('id') id: string, @ValidBody(VolunteerBody) body: VolunteerBody) {
    return this.shifts.volunteer(actor, id, body);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('admin', 'manager', 'supervisor')
  @ApiOkResponse({
    description: 'One of the volunteers picked, checked again now and published as the roster’s next version',
    schema: { example: { ...openShiftExample, policy: 'manager' } },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    P.notFound,
    S.decided,
    S.agentNotFound,
    P.notVolunteered,
    S.pastDay,
    S.unpublishedWeek,
    P.notOnRoster,
    S.skillLacking,
    S.alreadyWorks,
    S.rulesBroken,
  )
  assign(@CurrentActor() actor: Actor, @ValidParam('id') id: string, @ValidBody(AssignBody) body: AssignBody) {
    return this.shifts.pick(actor, id, body);
  }

  @Delete(':id')
  @Roles('admin', 'manager')
  @ApiOkResponse({
    description: 'Withdrawn while open',
    schema: { example: { ...open, status: 'cancelled', statusLabel: '已取消' } },
  })
  @ApiProblems(400, 401, 403, 404, 409, P.notFound, S.decided)
  cancel(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.shifts.cancel(actor, id);
  }
}
