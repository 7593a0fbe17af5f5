import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { ALL_ROLES, Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody, ValidParam } from 'src/platform/http/validation';
import { CreateSkillBody, skillExample, UpdateSkillBody } from './team.dto';
import { SkillService } from './skill.service';
import { OrgProblems } from './org.problems';

@ApiTags('org: skills')
@ApiBearerAuth()
@Controller('skills')
export class SkillController {
  constructor(private readonly skills: SkillService) {}

  @Post()
  @Roles('admin', 'manager')
  @ApiCreatedResponse({ schema: { example: skillExample } })
  @ApiProblems(400, 401, 403, 409, OrgProblems.skillCodeTaken)
  create(@CurrentActor() actor: Actor, @ValidBody(CreateSkillBody) body: CreateSkillBody) {
    return this.skills.create(actor, body);
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ schema: { example: [skillExample] } })
  @ApiProblems(401)
  list(@CurrentActor() actor: Actor) {
    return this.skills.list(actor);
  }

  @Patch(':id')
  @Roles('admin', 'manager')
  @ApiOkResponse({ schema: { example: skillExample } })
  @ApiProblems(400, 401, 403, 404, OrgProblems.skillNotFound)
  update(
    @CurrentActor() actor: Actor,
    @ValidParam('id') id: string,
    @ValidBody(UpdateSkillBody) body: UpdateSkillBody,
  ) {
    return this.skills.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'manager')
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404, 409, OrgProblems.skillNotFound, OrgProblems.skillInUse)
  remove(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.skills.remove(actor, id);
  }
}
