import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles, STAFF_ROLES } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { QueuesProblems } from './queues.problems';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { CreateQueueBody, queueExample, RangeQuery, UpdateQueueBody, volumeExample } from './queue.dto';
import { QueueService } from './queue.service';

@ApiTags('ingest: queues')
@ApiBearerAuth()
@Controller('queues')
export class QueueController {
  constructor(private readonly queues: QueueService) {}

  @Post()
  @Roles('admin', 'manager')
  @ApiCreatedResponse({ schema: { example: queueExample } })
  @ApiProblems(400, 401, 403, 409, QueuesProblems.codeTaken, QueuesProblems.skillUnknown)
  create(@CurrentActor() actor: Actor, @ValidBody(CreateQueueBody) body: CreateQueueBody) {
    return this.queues.create(actor, body);
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ schema: { example: [queueExample] } })
  @ApiProblems(401, 403)
  list(@CurrentActor() actor: Actor) {
    return this.queues.list(actor);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ schema: { example: queueExample } })
  @ApiProblems(400, 401, 403, 404, QueuesProblems.notFound)
  get(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.queues.get(actor, id);
  }

  @Patch(':id')
  @Roles('admin', 'manager')
  @ApiOkResponse({ schema: { example: queueExample } })
  @ApiProblems(
    400,
    401,
    403,
    404,
    QueuesProblems.notFound,
    QueuesProblems.deadlineRequired,
    QueuesProblems.slowdownChatOnly,
    QueuesProblems.slowdownTooShort,
  )
  update(
    @CurrentActor() actor: Actor,
    @ValidParam('id') id: string,
    @ValidBody(UpdateQueueBody) body: UpdateQueueBody,
  ) {
    return this.queues.update(actor, id, body);
  }

  @Get(':id/volume')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ description: 'Actual volume per slot (UTC slot starts)', schema: { example: volumeExample } })
  @ApiProblems(400, 401, 403, 404, QueuesProblems.notFound)
  volume(@CurrentActor() actor: Actor, @ValidParam('id') id: string, @ValidQuery(RangeQuery) query: RangeQuery) {
    return this.queues.volume(actor, id, query);
  }
}
