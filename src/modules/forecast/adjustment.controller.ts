import { Controller, Delete, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { pageExample } from 'src/platform/http/pagination';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { adjustmentExample, CreateAdjustmentBody, ListAdjustmentsQuery } from './adjustment.dto';
import { AdjustmentService } from './adjustment.service';
import { FORECAST_READERS, FORECAST_WRITERS } from './forecast-roles';
import { ForecastProblems } from './forecast.problems';

@ApiTags('forecast: adjustments')
@ApiBearerAuth()
@Controller('forecast-adjustments')
export class AdjustmentController {
  constructor(private readonly adjustments: AdjustmentService) {}

  @Post()
  @Roles(...FORECAST_WRITERS)
  @ApiCreatedResponse({
    description: 'Applies to every forecast version of the queue whose slots fall in the range',
    schema: { example: adjustmentExample },
  })
  @ApiProblems(400, 401, 403, 404, ForecastProblems.queueNotFound)
  create(@CurrentActor() actor: Actor, @ValidBody(CreateAdjustmentBody) body: CreateAdjustmentBody) {
    return this.adjustments.create(actor, body);
  }

  @Get()
  @Roles(...FORECAST_READERS)
  @ApiOkResponse({ schema: { example: pageExample(adjustmentExample) } })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListAdjustmentsQuery) query: ListAdjustmentsQuery) {
    return this.adjustments.list(actor, query);
  }

  @Get(':id')
  @Roles(...FORECAST_READERS)
  @ApiOkResponse({ schema: { example: adjustmentExample } })
  @ApiProblems(400, 401, 403, 404, ForecastProblems.adjustmentNotFound)
  get(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.adjustments.get(actor, id);
  }

  @Delete(':id')
  @Roles(...FORECAST_WRITERS)
  @ApiOkResponse({
    description: 'The adjustment, now removed (kept for the audit trail)',
    schema: {
      example: { ...adjustmentExample, deletedBy: adjustmentExample.createdBy, deletedAt: '2026-11-24T01:00:00.000Z' },
    },
  })
  @ApiProblems(400, 401, 403, 404, 409, ForecastProblems.adjustmentNotFound, ForecastProblems.adjustmentRemoved)
  remove(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.adjustments.remove(actor, id);
  }
}
