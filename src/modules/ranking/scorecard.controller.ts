import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody, ValidParam } from 'src/platform/http/validation';
import { RANKING_READERS, SCORECARD_WRITERS } from './ranking-roles';
import { CreateScorecardBody, scorecardExample, UpdateScorecardBody } from './ranking.dto';
import { ScorecardService } from './scorecard.service';
import { RankingProblems } from './ranking.problems';

@ApiTags('ranking')
@ApiBearerAuth()
@Controller('scorecards')
export class ScorecardController {
  constructor(private readonly scorecards: ScorecardService) {}

  @Post()
  @Roles(...SCORECARD_WRITERS)
  @ApiCreatedResponse({
    description:
      'A scorecard for one role group: weighted KPIs (direction from the registry), eligibility floor, flags, tie rule, reward/penalty rules',
    schema: { example: scorecardExample },
  })
  @ApiProblems(400, 401, 403, 409, RankingProblems.unknownKpi, RankingProblems.scorecardNameTaken)
  create(@CurrentActor() actor: Actor, @ValidBody(CreateScorecardBody) body: CreateScorecardBody) {
    return this.scorecards.create(actor, body);
  }

  @Get()
  @Roles(...RANKING_READERS)
  @ApiOkResponse({ schema: { example: [scorecardExample] } })
  @ApiProblems(401, 403)
  list(@CurrentActor() actor: Actor) {
    return this.scorecards.list(actor);
  }

  @Get(':id')
  @Roles(...RANKING_READERS)
  @ApiOkResponse({ schema: { example: scorecardExample } })
  @ApiProblems(400, 401, 403, 404, RankingProblems.scorecardNotFound)
  get(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.scorecards.get(actor, id);
  }

  @Patch(':id')
  @Roles(...SCORECARD_WRITERS)
  @ApiOkResponse({
    description:
      'Changes weights, floors, flags or reward rules for the next ranking run; runs already made keep the scorecard they were made with',
    schema: { example: scorecardExample },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    RankingProblems.scorecardNotFound,
    RankingProblems.unknownKpi,
    RankingProblems.scorecardNameTaken,
  )
  update(
    @CurrentActor() actor: Actor,
    @ValidParam('id') id: string,
    @ValidBody(UpdateScorecardBody) body: UpdateScorecardBody,
  ) {
    return this.scorecards.update(actor, id, body);
  }
}
