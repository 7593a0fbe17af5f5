import { Module } from '@nestjs/common';
import { ForecastModule } from 'src/modules/forecast/forecast.module';
import { IngestModule } from 'src/modules/ingest/ingest.module';
import { OrgModule } from 'src/modules/org/org.module';
import { StaffingController } from './staffing.controller';
import { StaffingService } from './staffing.service';

/** Required agents per slot from forecasts (Erlang C/A, chat concurrency, deferred work); what-if. */
@Module({
  imports: [OrgModule, IngestModule, ForecastModule],
  controllers: [StaffingController],
  providers: [StaffingService],
  exports: [StaffingService],
})
export class StaffingModule {}
