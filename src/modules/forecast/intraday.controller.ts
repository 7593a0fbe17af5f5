import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidParam, ValidQuery } from 'src/platform/http/validation';
import { FORECAST_READERS } from './forecast-roles';
import { ForecastProblems } from './forecast.problems';
import { intradayExample, IntradayQuery } from './intraday.dto';
import { IntradayForecastService } from './intraday.service';

@ApiTags('forecast')
@ApiBearerAuth()
@Controller('queues')
export class IntradayForecastController {
  constructor(private readonly intraday: IntradayForecastService) {}

  @Get(':id/intraday-forecast')
  @Roles(...FORECAST_READERS)
  @ApiOkResponse({
    description:
      'One local day of the queue per slot: the day-ahead forecast (`forecast`, and `adjusted` with planner adjustments), the intraday update ' +
      '(`updated`, from `update.asOf` on: re-forecast from the arrivals so far whenever volume arrives by `POST /volume` or an import) and what arrived (`actual`). ' +
      '`update.level` is today’s level against the day-ahead forecast after shrinkage, `update.weight` how much today’s own arrivals count (m / (m + K) after m expected arrivals). ' +
      '`update` is null until a finished slot of the day has arrivals.',
    schema: { example: intradayExample },
  })
  @ApiProblems(400, 401, 403, 404, ForecastProblems.noDayAheadForecast, ForecastProblems.queueNotFound)
  view(@CurrentActor() actor: Actor, @ValidParam('id') id: string, @ValidQuery(IntradayQuery) query: IntradayQuery) {
    return this.intraday.view(actor, id, query);
  }
}
