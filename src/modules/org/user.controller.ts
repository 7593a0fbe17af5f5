import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody, ValidParam } from 'src/platform/http/validation';
import { CreateUserBody, UpdateUserBody, userExample } from './user.dto';
import { UserService } from './user.service';
import { OrgProblems } from './org.problems';

@ApiTags('org: users')
@ApiBearerAuth()
@Controller('users')
export class UserController {
  constructor(private readonly users: UserService) {}

  @Post()
  @Roles('admin', 'manager')
  @ApiCreatedResponse({ schema: { example: userExample } })
  @ApiProblems(400, 401, 403, 409, OrgProblems.adminOnly, OrgProblems.usernameTaken, OrgProblems.agentUnknown)
  create(@CurrentActor() actor: Actor, @ValidBody(CreateUserBody) body: CreateUserBody) {
    return this.users.create(actor, body);
  }

  @Get()
  @Roles('admin', 'manager')
  @ApiOkResponse({ schema: { example: [userExample] } })
  @ApiProblems(401, 403)
  list(@CurrentActor() actor: Actor) {
    return this.users.list(actor);
  }

  @Patch(':id')
  @Roles('admin', 'manager')
  @ApiOkResponse({ schema: { example: userExample } })
  @ApiProblems(400, 401, 403, 404, OrgProblems.userNotFound, OrgProblems.adminOnly, OrgProblems.agentUnknown)
  update(@CurrentActor() actor: Actor, @ValidParam('id') id: string, @ValidBody(UpdateUserBody) body: UpdateUserBody) {
    return this.users.update(actor, id, body);
  }
}
