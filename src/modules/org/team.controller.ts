import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles, STAFF_ROLES } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { pageExample } from 'src/platform/http/pagination';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { CreateTeamBody, ListTeamsQuery, teamExample, UpdateTeamBody } from './team.dto';
import { TeamService } from './team.service';
import { OrgProblems } from './org.problems';

@ApiTags('org: teams')
@ApiBearerAuth()
@Controller('teams')
export class TeamController {
  constructor(private readonly teams: TeamService) {}

  @Post()
  @Roles('admin', 'manager')
  @ApiCreatedResponse({ schema: { example: teamExample } })
  @ApiProblems(400, 401, 403, 409, OrgProblems.agentUnknown, OrgProblems.notSupervisor)
  create(@CurrentActor() actor: Actor, @ValidBody(CreateTeamBody) body: CreateTeamBody) {
    return this.teams.create(actor, body);
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ schema: { example: pageExample(teamExample) } })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListTeamsQuery) query: ListTeamsQuery) {
    return this.teams.list(actor, query);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ schema: { example: teamExample } })
  @ApiProblems(400, 401, 403, 404, OrgProblems.teamNotFound)
  get(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.teams.get(actor, id);
  }

  @Patch(':id')
  @Roles('admin', 'manager')
  @ApiOkResponse({ schema: { example: teamExample } })
  @ApiProblems(400, 401, 403, 404, OrgProblems.teamNotFound, OrgProblems.agentUnknown, OrgProblems.notSupervisor)
  update(@CurrentActor() actor: Actor, @ValidParam('id') id: string, @ValidBody(UpdateTeamBody) body: UpdateTeamBody) {
    return this.teams.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'manager')
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404, 409, OrgProblems.teamNotFound, OrgProblems.teamHasAgents)
  remove(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.teams.remove(actor, id);
  }
}
