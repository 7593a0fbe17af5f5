import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { pageExample } from 'src/platform/http/pagination';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { makeupTaskExample } from './training-examples';
import { MakeupTaskService } from './makeup-task.service';
import { MAKEUP_READERS } from './training-roles';
import { CloseMakeupBody, ListMakeupQuery } from './training.dto';
import { TrainingProblems } from './training.problems';

@ApiTags('training')
@ApiBearerAuth()
@Controller('training/makeup-tasks')
export class MakeupTaskController {
  constructor(private readonly tasks: MakeupTaskService) {}

  @Get()
  @Roles(...MAKEUP_READERS)
  @ApiOkResponse({
    description: 'Agents see their own, supervisors their teams’, trainers and managers the shop',
    schema: { example: pageExample(makeupTaskExample) },
  })
  @ApiProblems(400, 401, 403, 404, TrainingProblems.agentNotFound)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListMakeupQuery) query: ListMakeupQuery) {
    return this.tasks.list(actor, query);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOkResponse({
    description: "Closed by the agent's team supervisor with a note of what was coached",
    schema: {
      example: {
        ...makeupTaskExample,
        status: 'done',
        note: '一对一讲解七天无理由政策',
        closedAt: '2026-12-02T09:30:00.000Z',
      },
    },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    TrainingProblems.makeupNotFound,
    TrainingProblems.makeupNotYours,
    TrainingProblems.makeupClosed,
  )
  close(@CurrentActor() actor: Actor, @ValidParam('id') id: string, @ValidBody(CloseMakeupBody) body: CloseMakeupBody) {
    return this.tasks.close(actor, id, body);
  }
}
