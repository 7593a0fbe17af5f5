import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { pageExample } from 'src/platform/http/pagination';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { FORECAST_READERS, FORECAST_WRITERS } from './forecast-roles';
import {
  accuracyExample,
  CreateForecastBody,
  createdForecastsExample,
  forecastExample,
  ListForecastsQuery,
  SlotRangeQuery,
  slotsExample,
} from './forecast.dto';
import { ForecastService } from './forecast.service';
import { ForecastProblems } from './forecast.problems';

@ApiTags('forecast')
@ApiBearerAuth()
@Controller('forecasts')
export class ForecastController {
  constructor(private readonly forecasts: ForecastService) {}

  @Post()
  @HttpCode(202)
  @Roles(...FORECAST_WRITERS)
  @ApiAcceptedResponse({
    description: 'One forecast version and one `forecast.generate` job per queue; follow the job at its statusUrl',
    schema: { example: createdForecastsExample },
  })
  @ApiProblems(400, 401, 403, 404, 503, ForecastProblems.noActiveQueue, ForecastProblems.queueNotFound)
  create(@CurrentActor() actor: Actor, @ValidBody(CreateForecastBody) body: CreateForecastBody) {
    return this.forecasts.create(actor, body);
  }

  @Get()
  @Roles(...FORECAST_READERS)
  @ApiOkResponse({ description: 'Newest first', schema: { example: pageExample(forecastExample) } })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListForecastsQuery) query: ListForecastsQuery) {
    return this.forecasts.list(actor, query);
  }

  @Get(':id')
  @Roles(...FORECAST_READERS)
  @ApiOkResponse({ schema: { example: forecastExample } })
  @ApiProblems(400, 401, 403, 404, ForecastProblems.forecastNotFound)
  get(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.forecasts.get(actor, id);
  }

  @Get(':id/slots')
  @Roles(...FORECAST_READERS)
  @ApiOkResponse({
    description:
      'Per slot (UTC start): the model value, the value with planner adjustments, the interval, and the adjustments that applied',
    schema: { example: slotsExample },
  })
  @ApiProblems(400, 401, 403, 404, 409, ForecastProblems.forecastNotFound, ForecastProblems.notCompleted)
  slots(@CurrentActor() actor: Actor, @ValidParam('id') id: string, @ValidQuery(SlotRangeQuery) query: SlotRangeQuery) {
    return this.forecasts.slots(actor, id, query);
  }

  @Get(':id/accuracy')
  @Roles(...FORECAST_READERS)
  @ApiOkResponse({
    description:
      'Rolling-origin backtest of the chosen method over the last four weeks of history (weekday 1 = Monday, local hours). ' +
      'Event days (promotions, holidays) and the days of their after-effect wave are left out of the backtest and of the baseline the methods are fitted on; ' +
      'the wave is learnt per event kind and label for this queue, up to 7 days (`eventWaves`: days after the event day, 0 = none; an event kind never seen leaves out 7). ' +
      '`intraday`: the constants of within-day updating learnt on the same days.',
    schema: { example: accuracyExample },
  })
  @ApiProblems(400, 401, 403, 404, 409, ForecastProblems.forecastNotFound, ForecastProblems.notCompleted)
  accuracy(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.forecasts.accuracy(actor, id);
  }
}
