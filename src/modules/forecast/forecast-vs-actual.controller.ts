import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidParam, ValidQuery } from 'src/platform/http/validation';
import { FORECAST_READERS } from './forecast-roles';
import { ActualRangeQuery, forecastVsActualExample } from './forecast.dto';
import { ForecastVsActualService } from './forecast-vs-actual.service';
import { ForecastProblems } from './forecast.problems';

@ApiTags('forecast')
@ApiBearerAuth()
@Controller('queues')
export class ForecastVsActualController {
  constructor(private readonly comparison: ForecastVsActualService) {}

  @Get(':id/forecast-vs-actual')
  @Roles(...FORECAST_READERS)
  @ApiOkResponse({
    description:
      'Per slot the latest completed forecast version covering it beside the offered volume; WAPE over slots that have both',
    schema: { example: forecastVsActualExample },
  })
  @ApiProblems(400, 401, 403, 404, ForecastProblems.queueNotFound)
  compare(
    @CurrentActor() actor: Actor,
    @ValidParam('id') id: string,
    @ValidQuery(ActualRangeQuery) query: ActualRangeQuery,
  ) {
    return this.comparison.compare(actor, id, query);
  }
}
