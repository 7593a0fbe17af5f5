import { Module } from '@nestjs/common';
import { ForecastModule } from 'src/modules/forecast/forecast.module';
import { QueuesModule } from 'src/modules/queues/queues.module';
import { OrgModule } from 'src/modules/org/org.module';
import { RosterModule } from 'src/modules/roster/roster.module';
import { IntradayDayService } from './intraday-day.service';
import { IntradayReads } from './intraday.reads';
import { IntradayViewController } from './intraday-view.controller';
import { IntradayViewService } from './intraday-view.service';
import { IntradaySuggestionController } from './intraday-suggestion.controller';
import { IntradaySuggestionService } from './intraday-suggestion.service';

/** The live day of a queue (forecast, update, actuals, staffing, adherence) and what to do about its gaps. */
@Module({
  imports: [OrgModule, QueuesModule, ForecastModule, RosterModule],
  controllers: [IntradayViewController, IntradaySuggestionController],
  providers: [IntradayReads, IntradayDayService, IntradayViewService, IntradaySuggestionService],
})
export class IntradayModule {}
