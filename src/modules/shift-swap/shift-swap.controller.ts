import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { pageExample } from 'src/platform/http/pagination';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { SelfServiceProblems as S } from 'src/modules/self-service/self-service.problems';
import { AcceptSwapBody, DecideSwapBody, ListSwapsQuery, OfferSwapBody, shiftSwapExample } from './shift-swap.dto';
import { ShiftSwapProblems as P } from './shift-swap.problems';
import { ShiftSwapService } from './shift-swap.service';

const open = {
  ...shiftSwapExample,
  takerId: null,
  takerName: null,
  returnDate: null,
  status: 'open',
  statusLabel: '待同事接班',
  acceptedAt: null,
};
const approved = {
  ...shiftSwapExample,
  status: 'approved',
  statusLabel: '已批准',
  decidedBy: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  decidedAt: '2027-02-26T04:00:00.000Z',
  published: [{ rosterId: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e', from: 3, to: 4 }],
};

@ApiTags('self-service: shift swaps')
@ApiBearerAuth()
@Controller('shift-swaps')
export class ShiftSwapController {
  constructor(private readonly swaps: ShiftSwapService) {}

  @Post()
  @Roles('admin', 'manager', 'supervisor', 'agent')
  @ApiCreatedResponse({
    description: 'A published shift offered to a named team mate or the whole team (they are told in their feed)',
    schema: { example: open },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    S.noAgentRecord,
    S.agentNotFound,
    S.pastDay,
    S.unpublishedWeek,
    S.noShift,
    S.otherTeam,
    S.skillLacking,
    P.ownShift,
    P.alreadyOffered,
  )
  offer(@CurrentActor() actor: Actor, @ValidBody(OfferSwapBody) body: OfferSwapBody) {
    return this.swaps.offer(actor, body);
  }

  @Get()
  @Roles('admin', 'manager', 'supervisor', 'agent')
  @ApiOkResponse({
    description:
      'Newest first; agents see their own swaps and offers to them or their team (`?status=open`), supervisors their teams’ (the approval inbox is `?status=pending`)',
    schema: { example: pageExample(shiftSwapExample) },
  })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListSwapsQuery) query: ListSwapsQuery) {
    return this.swaps.list(actor, query);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('admin', 'manager', 'supervisor', 'agent')
  @ApiOkResponse({
    description:
      'Taken (optionally with a shift given back): both rosters after the swap pass every hard rule and skill, then it waits for the supervisor, or is approved at once where `shiftSwapAutoApprove` allows and cover per skill does not drop',
    schema: { example: shiftSwapExample },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    P.notFound,
    S.decided,
    S.noAgentRecord,
    S.agentNotFound,
    S.pastDay,
    S.unpublishedWeek,
    S.noShift,
    S.otherTeam,
    S.skillLacking,
    S.rulesBroken,
    P.ownShift,
    P.notForYou,
    S.alreadyWorks,
  )
  accept(@CurrentActor() actor: Actor, @ValidParam('id') id: string, @ValidBody(AcceptSwapBody) body: AcceptSwapBody) {
    return this.swaps.accept(actor, id, body);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles('admin', 'manager', 'supervisor', 'agent')
  @ApiOkResponse({
    description: 'The named colleague turns the offer down; the offerer is told',
    schema: { example: { ...open, toAgentId: shiftSwapExample.takerId, status: 'declined', statusLabel: '已被拒绝' } },
  })
  @ApiProblems(400, 401, 403, 404, 409, P.notFound, S.decided)
  decline(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.swaps.decline(actor, id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('admin', 'manager', 'supervisor')
  @ApiOkResponse({
    description:
      'Approval checks every rule again and publishes the swap as the roster’s next version (its diff shows both agents); both are told',
    schema: { example: approved },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    P.notFound,
    S.decided,
    S.pastDay,
    S.unpublishedWeek,
    S.noShift,
    S.otherTeam,
    S.skillLacking,
    S.rulesBroken,
    S.alreadyWorks,
  )
  decide(@CurrentActor() actor: Actor, @ValidParam('id') id: string, @ValidBody(DecideSwapBody) body: DecideSwapBody) {
    return this.swaps.decide(actor, id, body);
  }

  @Delete(':id')
  @Roles('admin', 'manager', 'supervisor', 'agent')
  @ApiOkResponse({
    description: 'Withdrawn by the offerer before it is decided',
    schema: { example: { ...open, status: 'cancelled', statusLabel: '已取消' } },
  })
  @ApiProblems(400, 401, 403, 404, 409, P.notFound, P.notYours, S.decided)
  cancel(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.swaps.cancel(actor, id);
  }
}
