import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { pageExample } from 'src/platform/http/pagination';
import { ValidBody, ValidQuery } from 'src/platform/http/validation';
import { CreateLeaveBody, leaveExample, ListLeaveQuery } from './leave.dto';
import { LeaveService } from './leave.service';
import { OrgProblems } from './org.problems';

@ApiTags('org: leave')
@ApiBearerAuth()
@Controller('leave')
export class LeaveController {
  constructor(private readonly leave: LeaveService) {}

  @Post()
  @Roles('admin', 'manager', 'supervisor', 'hr', 'agent')
  @ApiCreatedResponse({ schema: { example: leaveExample } })
  @ApiProblems(400, 401, 403, 404, 409, OrgProblems.noAgentRecord, OrgProblems.agentNotFound, OrgProblems.leaveOverlaps)
  request(@CurrentActor() actor: Actor, @ValidBody(CreateLeaveBody) body: CreateLeaveBody) {
    return this.leave.request(actor, body);
  }

  @Get()
  @Roles('admin', 'manager', 'supervisor', 'hr', 'agent')
  @ApiOkResponse({
    description: 'Agents see their own; supervisors their teams',
    schema: { example: pageExample(leaveExample) },
  })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListLeaveQuery) query: ListLeaveQuery) {
    return this.leave.list(actor, query);
  }

  // POST /leave/:id/decision and DELETE /leave/:id live in the time-off module (LeaveDecisionController):
  // approving lays the leave on published rosters and cancelling gives the shifts back, which this module cannot reach.
}
