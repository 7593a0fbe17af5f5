import { Module } from '@nestjs/common';
import { KpiModule } from 'src/modules/kpi/kpi.module';
import { OrgModule } from 'src/modules/org/org.module';
import { LedgerController } from './ledger.controller';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';
import { RankingComputation } from './ranking-computation.service';
import { RankingController } from './ranking.controller';
import { RankingRepository } from './ranking.repository';
import { RankingService } from './ranking.service';
import { ScorecardController } from './scorecard.controller';
import { ScorecardRepository } from './scorecard.repository';
import { ScorecardService } from './scorecard.service';

/** Scorecards, monthly rankings (versions, HR approval) and the reward/penalty ledger. */
@Module({
  imports: [OrgModule, KpiModule],
  controllers: [ScorecardController, RankingController, LedgerController],
  providers: [
    ScorecardRepository,
    ScorecardService,
    RankingRepository,
    RankingService,
    RankingComputation,
    LedgerRepository,
    LedgerService,
  ],
  exports: [RankingService, LedgerService, ScorecardService],
})
export class RankingModule {}
