import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { pageExample } from 'src/platform/http/pagination';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { APPROVERS, RANKING_READERS, RANKING_RUNNERS } from './ranking-roles';
import { acceptedRankingExample, CreateRankingBody, ListRankingsQuery, rankingExample } from './ranking.dto';
import { RankingService } from './ranking.service';
import { RankingProblems } from './ranking.problems';

@ApiTags('ranking')
@ApiBearerAuth()
@Controller('rankings')
export class RankingController {
  constructor(private readonly rankings: RankingService) {}

  @Post()
  @HttpCode(202)
  @Roles(...RANKING_RUNNERS)
  @ApiAcceptedResponse({
    description: 'A new version of the month’s ranking for the scorecard, computed by the `ranking.compute` job',
    schema: { example: acceptedRankingExample },
  })
  @ApiProblems(400, 401, 403, 404, 503, RankingProblems.scorecardNotFound)
  create(@CurrentActor() actor: Actor, @ValidBody(CreateRankingBody) body: CreateRankingBody) {
    return this.rankings.create(actor, body);
  }

  @Get()
  @Roles(...RANKING_READERS)
  @ApiOkResponse({
    description: 'Versions, newest month first',
    schema: { example: pageExample({ ...rankingExample, ranked: undefined, ineligible: undefined }) },
  })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListRankingsQuery) query: ListRankingsQuery) {
    return this.rankings.list(actor, query);
  }

  @Get(':id')
  @Roles(...RANKING_READERS)
  @ApiOkResponse({
    description:
      'Rank, agent, team, each metric’s value and points (0–100, percentile rank in the group), total, percentile, flags top N and bottom X % (末位); the ineligible apart. Supervisors see their teams’ rows.',
    schema: { example: rankingExample },
  })
  @ApiProblems(400, 401, 403, 404, RankingProblems.rankingNotFound)
  get(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.rankings.get(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...APPROVERS)
  @ApiOkResponse({
    description: 'Frozen: the version never changes again; the scorecard’s rules become proposed ledger entries',
    schema: { example: { ...rankingExample, ranked: undefined, ineligible: undefined, ledgerEntriesProposed: 4 } },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    RankingProblems.rankingNotFound,
    RankingProblems.notCompleted,
    RankingProblems.monthApproved,
    RankingProblems.changedWhileApproving,
  )
  approve(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.rankings.approve(actor, id);
  }
}
