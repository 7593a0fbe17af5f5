import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody, ValidQuery } from 'src/platform/http/validation';
import { needsExample, requestExample } from './training-examples';
import { TrainingNeedsService } from './training-needs.service';
import { NEED_READERS, TOPIC_REQUESTERS } from './training-roles';
import { CreateRequestBody, NeedsQuery } from './training.dto';
import { TrainingProblems } from './training.problems';

@ApiTags('training')
@ApiBearerAuth()
@Controller('training')
export class TrainingNeedsController {
  constructor(private readonly needs: TrainingNeedsService) {}

  @Get('needs')
  @Roles(...NEED_READERS)
  @ApiOkResponse({
    description:
      'QC finding categories ranked by Σ severity weight (frequency × severity), with the agents affected, the gravest quotes and topics requested; a supervisor sees findings of their teams',
    schema: { example: needsExample },
  })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(NeedsQuery) query: NeedsQuery) {
    return this.needs.needs(actor, query);
  }

  @Post('requests')
  @Roles(...TOPIC_REQUESTERS)
  @ApiCreatedResponse({
    description:
      'The topic joins the needs list for the needs window; asking for the same topic twice within it is refused (409)',
    schema: { example: requestExample },
  })
  @ApiProblems(400, 401, 403, 409, TrainingProblems.alreadyAsked)
  request(@CurrentActor() actor: Actor, @ValidBody(CreateRequestBody) body: CreateRequestBody) {
    return this.needs.request(actor, body);
  }
}
