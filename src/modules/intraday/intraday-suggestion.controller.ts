import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody, ValidQuery } from 'src/platform/http/validation';
import { ForecastProblems } from 'src/modules/forecast/forecast.problems';
import { AcceptSuggestionBody, acceptedSuggestionExample, LiveViewQuery, suggestionsExample } from './intraday.dto';
import { IntradayProblems } from './intraday.problems';
import { IntradaySuggestionService } from './intraday-suggestion.service';

@ApiTags('intraday')
@ApiBearerAuth()
@Controller('intraday/suggestions')
export class IntradaySuggestionController {
  constructor(private readonly suggestions: IntradaySuggestionService) {}

  @Get()
  @Roles('admin', 'manager', 'supervisor')
  @ApiOkResponse({
    description:
      'What to do about the rest of the day, best first, each with its effect on the projected service level (rest of the day and the slots it changes). ' +
      'When a slot to come is projected below target: move a break not yet taken within its window, start earlier, or work an extra shift on a day off; ' +
      'when none is: release an agent whose shift has not begun (voluntary time off) if every slot to come stays at target. Only changes the roster ' +
      'accepts (contract maximum, rest, days a week, break windows — the roster’s own rule check) are offered.',
    schema: { example: suggestionsExample },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    ForecastProblems.noDayAheadForecast,
    IntradayProblems.notRealTime,
    IntradayProblems.dayOver,
  )
  list(@CurrentActor() actor: Actor, @ValidQuery(LiveViewQuery) query: LiveViewQuery) {
    return this.suggestions.suggestions(actor, query);
  }

  @Post('accept')
  @HttpCode(200)
  @Roles('admin', 'manager', 'supervisor')
  @ApiOkResponse({
    description:
      'Publishes the suggested change as the roster’s next version, with a note (what, and the projected service level before → after). Checked by the roster as a ' +
      'manager’s edit is against the published version; a roster changed since the suggestion (`expectedRevision`) is 409. With a manager’s draft pending, the change is published beside it and carried into it (a shift it replaced there, or a rule it would break there, is a warning on the draft: `version.warnings` of GET /rosters/:id). Supervisors may move breaks of their team only.',
    schema: { example: acceptedSuggestionExample },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    IntradayProblems.staleSuggestion,
    IntradayProblems.kindMismatch,
    IntradayProblems.supervisorBreaksOnly,
    IntradayProblems.agentNotOnQueue,
    IntradayProblems.notOnRoster,
    IntradayProblems.dayOver,
  )
  accept(@CurrentActor() actor: Actor, @ValidBody(AcceptSuggestionBody) body: AcceptSuggestionBody) {
    return this.suggestions.accept(actor, body);
  }
}
