import { Module } from '@nestjs/common';
import { KpiModule } from 'src/modules/kpi/kpi.module';
import { OrgModule } from 'src/modules/org/org.module';
import { QcModule } from 'src/modules/qc/qc.module';
import { RankingModule } from 'src/modules/ranking/ranking.module';
import { RosterModule } from 'src/modules/roster/roster.module';
import { TrainingModule } from 'src/modules/training/training.module';
import { DailyReportExport } from './builders/daily-report.export';
import { QcSummaryExport } from './builders/qc-summary.export';
import { RankingExport } from './builders/ranking.export';
import { RosterExport } from './builders/roster.export';
import { TrainingPlanExport } from './builders/training-plan.export';
import { EXPORT_BUILDERS } from './export-builder';
import { ExportController } from './export.controller';
import { ExportRepository } from './export.repository';
import { ExportService } from './export.service';

const builders = [RosterExport, RankingExport, DailyReportExport, QcSummaryExport, TrainingPlanExport];

/** Excel exports from templates, built in jobs; each builder reads through its module's service. */
@Module({
  imports: [OrgModule, KpiModule, RankingModule, QcModule, TrainingModule, RosterModule],
  controllers: [ExportController],
  providers: [
    ExportRepository,
    ExportService,
    ...builders,
    { provide: EXPORT_BUILDERS, useFactory: (...all: unknown[]) => all, inject: builders },
  ],
  exports: [ExportService],
})
export class ExportModule {}
