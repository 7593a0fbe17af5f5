import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { availabilityExample, CreateAvailabilityBody, ListAvailabilityQuery } from './availability.dto';
import { AvailabilityService } from './availability.service';
import { OrgProblems } from './org.problems';

const PEOPLE_PLANNERS = ['admin', 'manager', 'supervisor', 'hr', 'agent'] as const;

@ApiTags('org: availability and preferences')
@ApiBearerAuth()
@Controller('availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Post()
  @Roles(...PEOPLE_PLANNERS)
  @ApiCreatedResponse({ schema: { example: availabilityExample } })
  @ApiProblems(400, 401, 403, 404, OrgProblems.agentNotFound)
  create(@CurrentActor() actor: Actor, @ValidBody(CreateAvailabilityBody) body: CreateAvailabilityBody) {
    return this.availability.create(actor, body);
  }

  @Get()
  @Roles(...PEOPLE_PLANNERS)
  @ApiOkResponse({ schema: { example: [availabilityExample] } })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListAvailabilityQuery) query: ListAvailabilityQuery) {
    return this.availability.list(actor, query);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...PEOPLE_PLANNERS)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 401, 403, 404, OrgProblems.availabilityNotFound)
  remove(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.availability.remove(actor, id);
  }
}
