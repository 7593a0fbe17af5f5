import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles, STAFF_ROLES } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { pageExample } from 'src/platform/http/pagination';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { acceptedExample, jobNameParam, jobRunExample, ListJobsQuery, RunJobBody } from './jobs.dto';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ schema: { example: pageExample(jobRunExample) } })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListJobsQuery) query: ListJobsQuery) {
    return this.jobs.list(actor, query);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ description: 'Status, progress, and the result or error', schema: { example: jobRunExample } })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.jobs.get(actor, id);
  }

  @Post(':name/run')
  @HttpCode(202)
  @Roles('admin', 'manager')
  @ApiAcceptedResponse({ schema: { example: acceptedExample } })
  @ApiProblems(400, 401, 403, 404, 503)
  run(
    @CurrentActor() actor: Actor,
    @ValidParam('name', jobNameParam) name: string,
    @ValidBody(RunJobBody) body: RunJobBody,
  ) {
    return this.jobs.runNow(actor, name, body);
  }
}
