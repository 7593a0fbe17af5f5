import { Module } from '@nestjs/common';
import { ForecastModule } from 'src/modules/forecast/forecast.module';
import { QueuesModule } from 'src/modules/queues/queues.module';
import { OrgModule } from 'src/modules/org/org.module';
import { ChatSlowdownReads } from './chat-slowdown.reads';
import { ChatSlowdownService } from './chat-slowdown.service';
import { StaffingController } from './staffing.controller';
import { StaffingService } from './staffing.service';

/** Required agents per slot from forecasts (Erlang C/A, chat concurrency, deferred work); what-if. */
@Module({
  imports: [OrgModule, QueuesModule, ForecastModule],
  controllers: [StaffingController],
  providers: [StaffingService, ChatSlowdownService, ChatSlowdownReads],
  exports: [StaffingService],
})
export class StaffingModule {}
