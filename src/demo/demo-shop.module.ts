import { Module } from '@nestjs/common';
import { ComplaintsModule } from 'src/modules/complaints/complaints.module';
import { ForecastModule } from 'src/modules/forecast/forecast.module';
import { IngestModule } from 'src/modules/ingest/ingest.module';
import { KpiModule } from 'src/modules/kpi/kpi.module';
import { OrgModule } from 'src/modules/org/org.module';
import { QcModule } from 'src/modules/qc/qc.module';
import { RankingModule } from 'src/modules/ranking/ranking.module';
import { RosterModule } from 'src/modules/roster/roster.module';
import { TrainingModule } from 'src/modules/training/training.module';
import { DemoActivity } from './demo-activity.service';
import { DemoHistorySeed } from './demo-history.seed';
import { DemoPlans } from './demo-plans.service';
import { DemoSetup } from './demo-setup.service';
import { DemoRepository } from './demo.repository';

/** The demo shop's starting data, made through the domain services (no routes of its own). */
@Module({
  imports: [
    OrgModule,
    IngestModule,
    KpiModule,
    RankingModule,
    QcModule,
    ComplaintsModule,
    TrainingModule,
    ForecastModule,
    RosterModule,
  ],
  providers: [DemoRepository, DemoHistorySeed, DemoActivity, DemoPlans, DemoSetup],
  exports: [DemoSetup],
})
export class DemoShopModule {}
