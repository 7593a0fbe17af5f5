import { Module } from '@nestjs/common';
import { OrgModule } from 'src/modules/org/org.module';
import { AdjustmentController } from './adjustment.controller';
import { AdjustmentRepository } from './adjustment.repository';
import { AdjustmentService } from './adjustment.service';
import { ForecastEventController } from './forecast-event.controller';
import { ForecastEventRepository } from './forecast-event.repository';
import { ForecastEventService } from './forecast-event.service';
import { ForecastGeneration } from './forecast-generation.service';
import { ForecastHistoryRepository } from './forecast-history.repository';
import { ForecastRefresh } from './forecast-refresh.service';
import { ForecastVsActualController } from './forecast-vs-actual.controller';
import { ForecastVsActualService } from './forecast-vs-actual.service';
import { ForecastController } from './forecast.controller';
import { ForecastRepository } from './forecast.repository';
import { ForecastService } from './forecast.service';

/** Forecast versions per queue (API and jobs), planner adjustments, the event calendar, and the nightly refresh. */
@Module({
  imports: [OrgModule],
  controllers: [ForecastController, ForecastVsActualController, AdjustmentController, ForecastEventController],
  providers: [
    ForecastRepository, ForecastHistoryRepository, ForecastService, ForecastGeneration, ForecastRefresh, ForecastVsActualService,
    AdjustmentRepository, AdjustmentService,
    ForecastEventRepository, ForecastEventService,
  ],
  exports: [ForecastService],
})
export class ForecastModule {}
