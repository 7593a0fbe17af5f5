import { Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { pageExample } from 'src/platform/http/pagination';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { CreateEventBody, eventExample, ListEventsQuery, UpdateEventBody } from './forecast-event.dto';
import { ForecastEventService } from './forecast-event.service';
import { FORECAST_READERS, FORECAST_WRITERS } from './forecast-roles';
import { ForecastProblems } from './forecast.problems';

@ApiTags('forecast: calendar')
@ApiBearerAuth()
@Controller('forecast-events')
export class ForecastEventController {
  constructor(private readonly events: ForecastEventService) {}

  @Post()
  @Roles(...FORECAST_WRITERS)
  @ApiCreatedResponse({ schema: { example: eventExample } })
  @ApiProblems(400, 401, 403, 404, ForecastProblems.queueNotFound)
  create(@CurrentActor() actor: Actor, @ValidBody(CreateEventBody) body: CreateEventBody) {
    return this.events.create(actor, body);
  }

  @Get()
  @Roles(...FORECAST_READERS)
  @ApiOkResponse({ schema: { example: pageExample(eventExample) } })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListEventsQuery) query: ListEventsQuery) {
    return this.events.list(actor, query);
  }

  @Get(':id')
  @Roles(...FORECAST_READERS)
  @ApiOkResponse({ schema: { example: eventExample } })
  @ApiProblems(400, 401, 403, 404, ForecastProblems.eventNotFound)
  get(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.events.get(actor, id);
  }

  @Patch(':id')
  @Roles(...FORECAST_WRITERS)
  @ApiOkResponse({ schema: { example: { ...eventExample, multiplier: 4 } } })
  @ApiProblems(
    400,
    401,
    403,
    404,
    ForecastProblems.eventNotFound,
    ForecastProblems.queueNotFound,
    ForecastProblems.closedDayMultiplier,
  )
  update(
    @CurrentActor() actor: Actor,
    @ValidParam('id') id: string,
    @ValidBody(UpdateEventBody) body: UpdateEventBody,
  ) {
    return this.events.update(actor, id, body);
  }

  @Delete(':id')
  @Roles(...FORECAST_WRITERS)
  @ApiOkResponse({ description: 'The removed event', schema: { example: eventExample } })
  @ApiProblems(400, 401, 403, 404, ForecastProblems.eventNotFound)
  remove(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.events.remove(actor, id);
  }
}
