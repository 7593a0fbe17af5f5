import { Module } from '@nestjs/common';
import { OrgModule } from 'src/modules/org/org.module';
import { DailyReportService } from './daily-report.service';
import { KpiAggregationReads } from './kpi-aggregation.reads';
import { KpiAggregation } from './kpi-aggregation.service';
import { KpiDueDays } from './kpi-due-days.reads';
import { KpiController } from './kpi.controller';
import { KpiRepository } from './kpi.repository';
import { KpiService } from './kpi.service';

/** KPI registry, the nightly set-based daily aggregation, roll-ups and the daily report. */
@Module({
  imports: [OrgModule],
  controllers: [KpiController],
  providers: [KpiAggregationReads, KpiDueDays, KpiAggregation, KpiRepository, KpiService, DailyReportService],
  exports: [KpiService, DailyReportService, KpiAggregation],
})
export class KpiModule {}
