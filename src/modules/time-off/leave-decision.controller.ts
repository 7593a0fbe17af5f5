import { Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody, ValidParam } from 'src/platform/http/validation';
import { DecideLeaveBody, leaveExample } from 'src/modules/org/leave.dto';
import { OrgProblems } from 'src/modules/org/org.problems';
import { SelfServiceProblems } from 'src/modules/self-service/self-service.problems';
import { LeaveDecisions } from './leave-decision.service';
import { LeaveWithdrawal } from './leave-withdrawal.service';

/** The decision on leave from the leave list and its cancellation (here, not in org: both reach the published rosters). */
@ApiTags('org: leave')
@ApiBearerAuth()
@Controller('leave')
export class LeaveDecisionController {
  constructor(
    private readonly decisions: LeaveDecisions,
    private readonly withdrawal: LeaveWithdrawal,
  ) {}

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('admin', 'manager', 'supervisor', 'hr')
  @ApiOkResponse({
    description:
      'Approved leave takes the agent off the published shifts it overlaps (today on) as each roster’s next ' +
      'version with a note, carried into a pending draft as self-service changes are (`version.warnings` of ' +
      'GET /rosters/:id); `published` lists the versions made. A hard rule the freed shifts would break refuses ' +
      'the approval (409). Weeks not yet published are rostered around the leave later.',
    schema: {
      example: {
        ...leaveExample,
        status: 'approved',
        decidedAt: '2026-11-21T03:00:00.000Z',
        published: [{ rosterId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', from: 1, to: 2 }],
      },
    },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    OrgProblems.leaveNotFound,
    OrgProblems.leaveNotRequested,
    SelfServiceProblems.rulesBroken,
  )
  decide(
    @CurrentActor() actor: Actor,
    @ValidParam('id') id: string,
    @ValidBody(DecideLeaveBody) body: DecideLeaveBody,
  ) {
    return this.decisions.decide(actor, id, body);
  }

  @Delete(':id')
  @Roles('admin', 'manager', 'supervisor', 'hr', 'agent')
  @ApiOkResponse({
    description:
      'The leave, now cancelled (the agent their own, a supervisor their team’s, managers and HR any). Approved ' +
      'leave gives back the published shifts it took off or cut, from today on, as each roster’s next version with ' +
      'a note (`returned`); a shift since given to someone else, or one the agent may no longer work, stays as it is ' +
      'and is named in `warnings` (English and Chinese), which the managers are also told. A time-off request ' +
      'approved into this leave is cancelled with it.',
    schema: {
      example: {
        ...leaveExample,
        status: 'cancelled',
        returned: [{ rosterId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', from: 2, to: 3 }],
        warnings: [],
      },
    },
  })
  @ApiProblems(400, 401, 403, 404, 409, OrgProblems.leaveNotFound, OrgProblems.leaveAlreadyDone)
  cancel(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.withdrawal.cancel(actor, id);
  }
}
