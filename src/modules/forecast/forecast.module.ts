import { Module } from '@nestjs/common';
import { OrgModule } from 'src/modules/org/org.module';
import { AdjustmentController } from './adjustment.controller';
import { AdjustmentRepository } from './adjustment.repository';
import { AdjustmentService } from './adjustment.service';
import { ForecastEventController } from './forecast-event.controller';
import { ForecastEventRepository } from './forecast-event.repository';
import { ForecastEventService } from './forecast-event.service';
import { ForecastGeneration } from './forecast-generation.service';
import { ForecastHistoryReads } from './forecast-history.reads';
import { ForecastRefresh } from './forecast-refresh.service';
import { ForecastVsActualController } from './forecast-vs-actual.controller';
import { ForecastVsActualService } from './forecast-vs-actual.service';
import { ForecastController } from './forecast.controller';
import { ForecastRepository } from './forecast.repository';
import { ForecastService } from './forecast.service';
import { IntradayForecastController } from './intraday.controller';
import { IntradayRepository } from './intraday.repository';
import { IntradayForecastService } from './intraday.service';

/** Forecast versions per queue (API and jobs), their intraday updates, planner adjustments, the event calendar, and the nightly refresh. */
@Module({
  imports: [OrgModule],
  controllers: [
    ForecastController,
    ForecastVsActualController,
    IntradayForecastController,
    AdjustmentController,
    ForecastEventController,
  ],
  providers: [
    ForecastRepository,
    ForecastHistoryReads,
    ForecastService,
    ForecastGeneration,
    ForecastRefresh,
    ForecastVsActualService,
    AdjustmentRepository,
    AdjustmentService,
    ForecastEventRepository,
    ForecastEventService,
    IntradayRepository,
    IntradayForecastService,
  ],
  exports: [ForecastService, IntradayForecastService],
})
export class ForecastModule {}
