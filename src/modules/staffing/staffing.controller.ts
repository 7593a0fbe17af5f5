import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody, ValidQuery } from 'src/platform/http/validation';
import { ChatSlowdownService } from './chat-slowdown.service';
import {
  requirementsExample,
  RequirementsQuery,
  slowdownExample,
  SlowdownQuery,
  WhatIfBody,
  whatIfExamples,
} from './staffing.dto';
import { StaffingProblems } from './staffing.problems';
import { StaffingService } from './staffing.service';

@ApiTags('staffing')
@ApiBearerAuth()
@Controller('staffing')
export class StaffingController {
  constructor(
    private readonly staffing: StaffingService,
    private readonly slowdown: ChatSlowdownService,
  ) {}

  @Get('requirements')
  @Roles('admin', 'manager', 'supervisor', 'trainer')
  @ApiOkResponse({
    description:
      'Per slot: forecast volume, raw agents, positions after shrinkage, service level, ASA, occupancy. A deferred queue answers `model: "deferred"` with work per slot, `peakAgents`, `spilloverAgents` and `oneFewer` (lateness with one agent fewer than the peak); its deadline is exact in minutes (`deadlineMinutes`, also as `deadlineSlots`, 1.5 for 45 minutes on 30-minute slots): the items of a slot count as arriving at its start and are due that long after it',
    schema: { example: requirementsExample },
  })
  @ApiProblems(400, 401, 403, 404, 409, StaffingProblems.slowdownTableShort, StaffingProblems.notQueueOfForecast)
  requirements(@CurrentActor() actor: Actor, @ValidQuery(RequirementsQuery) query: RequirementsQuery) {
    return this.staffing.requirements(actor, query);
  }

  @Get('chat-slowdown')
  @Roles('admin', 'manager', 'supervisor', 'trainer')
  @ApiOkResponse({
    description:
      "A chat queue's slowdown table measured from its sessions (nothing is stored): each session's handle time (its length) by the time-weighted mean number of chats " +
      'its agent had open meanwhile (rounded; every chat queue counts), the mean per level over the one-chat mean, fitted to never fall (weighted isotonic regression), ' +
      'levels with fewer than `minSessions` sessions left out or interpolated. `note` says why a table cannot be used for the queue (no one-chat baseline, or it stops below the queue’s concurrency)',
    schema: { example: slowdownExample },
  })
  @ApiProblems(400, 401, 403, 404, StaffingProblems.notChatQueue)
  chatSlowdown(@CurrentActor() actor: Actor, @ValidQuery(SlowdownQuery) query: SlowdownQuery) {
    return this.slowdown.view(actor, query);
  }

  @Post('chat-slowdown')
  @HttpCode(200)
  @Roles('admin', 'manager')
  @ApiOkResponse({
    description:
      'Measures as GET does and stores the table on the queue (`current`); requirements, what-if with `chat.queue` and training placement then use it',
    schema: { example: { ...slowdownExample, current: slowdownExample.table } },
  })
  @ApiProblems(400, 401, 403, 404, StaffingProblems.slowdownNotMeasurable, StaffingProblems.notChatQueue)
  measureChatSlowdown(@CurrentActor() actor: Actor, @ValidBody(SlowdownQuery) body: SlowdownQuery) {
    return this.slowdown.store(actor, body);
  }

  @Post('what-if')
  @HttpCode(200)
  @Roles('admin', 'manager', 'supervisor', 'trainer')
  @ApiOkResponse({
    description:
      'The same calculation for given inputs; nothing is stored. A real-time queue (Erlang C/A, chat concurrency) or, with `kind: "deferred"`, deferred work: ' +
      'agents per slot by the deadline and `oneFewer`, the lateness with one agent fewer than the peak in every slot (hours null: some work is never done). ' +
      'The deadline is exact in minutes: the items of a slot count as arriving at its start and are due `deadlineMinutes` later, ' +
      'so a deadline that is not whole slots (45 minutes on 30-minute slots: `deadlineSlots` 1.5) puts a due time inside a slot, ' +
      'and that slot gets enough agents to finish what is due by then',
    content: { 'application/json': { examples: whatIfExamples } },
  })
  @ApiProblems(400, 401, 403, 404, StaffingProblems.concurrencyBeyondTable)
  whatIf(@CurrentActor() actor: Actor, @ValidBody(WhatIfBody) body: WhatIfBody) {
    return this.staffing.whatIf(actor, body);
  }
}
