import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { pageExample } from 'src/platform/http/pagination';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { LedgerService } from './ledger.service';
import { APPROVERS, LEDGER_READERS, LEDGER_WRITERS } from './ranking-roles';
import { CreateLedgerEntryBody, ledgerEntryExample, ListLedgerQuery } from './ranking.dto';
import { RankingProblems } from './ranking.problems';

@ApiTags('ranking')
@ApiBearerAuth()
@Controller('ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get()
  @Roles(...LEDGER_READERS)
  @ApiOkResponse({
    description: 'Reward/penalty entries; agents see their own, supervisors their teams’',
    schema: { example: pageExample(ledgerEntryExample) },
  })
  @ApiProblems(400, 401, 403, RankingProblems.agentOutOfScope)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListLedgerQuery) query: ListLedgerQuery) {
    return this.ledger.list(actor, query);
  }

  @Post()
  @Roles(...LEDGER_WRITERS)
  @ApiCreatedResponse({
    description: 'A manual entry with its reason, proposed until HR decides',
    schema: {
      example: { ...ledgerEntryExample, source: 'manual', rankingRunId: null, ruleIndex: null, status: 'proposed' },
    },
  })
  @ApiProblems(400, 401, 403, 404, RankingProblems.agentNotFound)
  create(@CurrentActor() actor: Actor, @ValidBody(CreateLedgerEntryBody) body: CreateLedgerEntryBody) {
    return this.ledger.create(actor, body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...APPROVERS)
  @ApiOkResponse({ schema: { example: ledgerEntryExample } })
  @ApiProblems(400, 401, 403, 404, 409, RankingProblems.entryNotFound, RankingProblems.entryDecided)
  approve(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.ledger.decide(actor, id, 'approved');
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...APPROVERS)
  @ApiOkResponse({ schema: { example: { ...ledgerEntryExample, status: 'rejected' } } })
  @ApiProblems(400, 401, 403, 404, 409, RankingProblems.entryNotFound, RankingProblems.entryDecided)
  reject(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.ledger.decide(actor, id, 'rejected');
  }
}
