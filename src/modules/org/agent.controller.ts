import { Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { ALL_ROLES, Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { pageExample } from 'src/platform/http/pagination';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { agentExample, CreateAgentBody, ListAgentsQuery, UpdateAgentBody } from './agent.dto';
import { AgentService } from './agent.service';
import { OrgProblems } from './org.problems';

@ApiTags('org: agents')
@ApiBearerAuth()
@Controller('agents')
export class AgentController {
  constructor(private readonly agents: AgentService) {}

  @Post()
  @Roles('admin', 'manager', 'hr')
  @ApiCreatedResponse({ schema: { example: agentExample } })
  @ApiProblems(400, 401, 403, 409, OrgProblems.employeeNoTaken, OrgProblems.teamUnknown, OrgProblems.skillUnknown)
  create(@CurrentActor() actor: Actor, @ValidBody(CreateAgentBody) body: CreateAgentBody) {
    return this.agents.create(actor, body);
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ description: 'Agents see only their own record', schema: { example: pageExample(agentExample) } })
  @ApiProblems(400, 401)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListAgentsQuery) query: ListAgentsQuery) {
    return this.agents.list(actor, query);
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ schema: { example: agentExample } })
  @ApiProblems(401, 404, OrgProblems.noAgentRecord, OrgProblems.agentNotFound)
  me(@CurrentActor() actor: Actor) {
    return this.agents.me(actor);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ schema: { example: agentExample } })
  @ApiProblems(400, 401, 404, OrgProblems.agentNotFound)
  get(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.agents.get(actor, id);
  }

  @Patch(':id')
  @Roles('admin', 'manager', 'hr')
  @ApiOkResponse({ schema: { example: agentExample } })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    OrgProblems.agentNotFound,
    OrgProblems.agentChanged,
    OrgProblems.employeeNoTaken,
    OrgProblems.teamUnknown,
    OrgProblems.skillUnknown,
  )
  update(
    @CurrentActor() actor: Actor,
    @ValidParam('id') id: string,
    @ValidBody(UpdateAgentBody) body: UpdateAgentBody,
  ) {
    return this.agents.update(actor, id, body);
  }

  @Delete(':id')
  @Roles('admin', 'manager', 'hr')
  @ApiOkResponse({
    description: 'The agent, now inactive (history is kept)',
    schema: { example: { ...agentExample, active: false } },
  })
  @ApiProblems(400, 401, 403, 404, OrgProblems.agentNotFound)
  deactivate(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.agents.deactivate(actor, id);
  }
}
