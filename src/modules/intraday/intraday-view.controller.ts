import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidQuery } from 'src/platform/http/validation';
import { ForecastProblems } from 'src/modules/forecast/forecast.problems';
import { liveViewExample, LiveViewQuery } from './intraday.dto';
import { IntradayProblems } from './intraday.problems';
import { IntradayViewService } from './intraday-view.service';

export const INTRADAY_ROLES = ['admin', 'manager', 'supervisor'] as const;

@ApiTags('intraday')
@ApiBearerAuth()
@Controller('intraday')
export class IntradayViewController {
  constructor(private readonly view: IntradayViewService) {}

  @Get()
  @Roles(...INTRADAY_ROLES)
  @ApiOkResponse({
    description:
      'A real-time queue’s day per slot: the day-ahead forecast (planner adjustments applied), the intraday update, what arrived, agents required (staffing engine, ' +
      'on the update where there is one), scheduled (newest published roster, less breaks and training, time-weighted) and logged in (online or busy), and for the slots ' +
      'not yet over the projected service level and answer time with the scheduled agents. `outOfAdherence`: agents on shift now whose state is not the one their ' +
      'scheduled activity expects (supervisors see their teams’).',
    schema: { example: liveViewExample },
  })
  @ApiProblems(400, 401, 403, 404, ForecastProblems.noDayAheadForecast, IntradayProblems.notRealTime)
  read(@CurrentActor() actor: Actor, @ValidQuery(LiveViewQuery) query: LiveViewQuery) {
    return this.view.view(actor, query);
  }
}
