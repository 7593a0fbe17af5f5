import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { SessionPlanning } from './session-planning.service';
import { bookedExample, effectExample, proposalExample, sessionExample, sessionsExample } from './training-examples';
import { EFFECT_READERS, SESSION_PLANNERS, SESSION_READERS } from './training-roles';
import { TrainingSessionService } from './training-session.service';
import { AttendanceBody, BookBody, EffectQuery, ProposalBody, SessionsQuery } from './training.dto';
import { TrainingProblems } from './training.problems';

@ApiTags('training')
@ApiBearerAuth()
@Controller('training/sessions')
export class TrainingSessionController {
  constructor(
    private readonly planning: SessionPlanning,
    private readonly sessions: TrainingSessionService,
  ) {}

  @Post('proposals')
  @HttpCode(200)
  @Roles(...SESSION_PLANNERS)
  @ApiOkResponse({
    description:
      'The best start times in the published roster: invitees on shift and not on a break, trainer free, priced by the projected service level of each affected slot with and without them; never below the shop minimum unless allowBelowMinimum',
    schema: { example: proposalExample },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    422,
    TrainingProblems.trainerNotFound,
    TrainingProblems.agentNotFound,
    TrainingProblems.teamNotFound,
    TrainingProblems.sessionRefused,
  )
  propose(@CurrentActor() actor: Actor, @ValidBody(ProposalBody) body: ProposalBody) {
    return this.planning.propose(actor, body);
  }

  @Post()
  @Roles(...SESSION_PLANNERS)
  @ApiCreatedResponse({
    description:
      'Books one session at `start`, or a `plan` of repeated sessions; invitees it cannot take get a make-up coaching task for their team supervisor',
    schema: { example: bookedExample },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    422,
    TrainingProblems.notOnSlotGrid,
    TrainingProblems.trainerNotFound,
    TrainingProblems.agentNotFound,
    TrainingProblems.teamNotFound,
    TrainingProblems.draftNotFound,
    TrainingProblems.sessionRefused,
    TrainingProblems.noInviteeAtStart,
    TrainingProblems.noTimeInWindow,
  )
  book(@CurrentActor() actor: Actor, @ValidBody(BookBody) body: BookBody) {
    return this.planning.book(actor, body);
  }

  @Get()
  @Roles(...SESSION_READERS)
  @ApiOkResponse({
    description:
      'Sessions overlapping [from, to) with their attendees (the time each is away from the queues); agents see their own, supervisors their teams’',
    schema: { example: sessionsExample },
  })
  @ApiProblems(400, 401, 403, TrainingProblems.draftsForPlanners)
  list(@CurrentActor() actor: Actor, @ValidQuery(SessionsQuery) query: SessionsQuery) {
    return this.sessions.list(actor, query);
  }

  @Get(':id')
  @Roles(...SESSION_READERS)
  @ApiOkResponse({ schema: { example: sessionExample } })
  @ApiProblems(400, 401, 403, 404, TrainingProblems.sessionNotFound)
  get(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.sessions.get(actor, id);
  }

  @Put(':id/attendance')
  @Roles(...SESSION_PLANNERS)
  @ApiOkResponse({ description: 'Attended or absent per attendee', schema: { example: sessionExample } })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    422,
    TrainingProblems.sessionNotFound,
    TrainingProblems.attendanceOnlyBooked,
    TrainingProblems.attendanceRefused,
  )
  attendance(
    @CurrentActor() actor: Actor,
    @ValidParam('id') id: string,
    @ValidBody(AttendanceBody) body: AttendanceBody,
  ) {
    return this.sessions.attendance(actor, id, body);
  }

  @Get(':id/effect')
  @Roles(...EFFECT_READERS)
  @ApiOkResponse({
    description:
      "Attendees' QC score in the session's category N days before vs after, beside everyone else over the same days; null where a side has no reviews",
    schema: { example: effectExample },
  })
  @ApiProblems(400, 401, 403, 404, 409, TrainingProblems.sessionNotFound, TrainingProblems.effectOnlyBooked)
  effect(@CurrentActor() actor: Actor, @ValidParam('id') id: string, @ValidQuery(EffectQuery) query: EffectQuery) {
    return this.sessions.effect(actor, id, query);
  }
}
