import { Controller, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { sendView } from 'src/platform/cache/view-cache';
import { ApiProblems } from 'src/platform/http/openapi';
import { pageExample } from 'src/platform/http/pagination';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import {
  CreateRosterBody,
  DiffQuery,
  EditRosterBody,
  ListRostersQuery,
  PublishRosterBody,
  ReadRosterQuery,
} from './roster.dto';
import {
  createdRosterExample,
  diffExample,
  dismissedWarningExample,
  editRefusedExample,
  rosterExample,
  rosterSummaryExample,
} from './roster-examples';
import { RosterEditing } from './roster-editing.service';
import { RosterPublishing } from './roster-publishing.service';
import { ROSTER_READERS, ROSTER_WRITERS } from './roster-roles';
import { RosterCommands } from './roster-commands.service';
import { DraftWarnings } from './roster-draft-warnings';
import { DraftWarningIdParam } from './roster-warning-ids';
import { RosterReading } from './roster-reading.service';
import { RosterProblems as P } from './roster.problems';
import { RosterRuleTexts } from './roster-refusals';

/** The rule codes a refused edit or publication names in `errors[].code`, for the docs. */
const RULE_CODES = Object.entries(RosterRuleTexts)
  .map(([code, t]) => `\`${code}\`: ${t.en} / ${t.zh}`)
  .join('\n\n');

@ApiTags('roster')
@ApiBearerAuth()
@Controller('rosters')
export class RosterController {
  constructor(
    private readonly commands: RosterCommands,
    private readonly rosters: RosterReading,
    private readonly editing: RosterEditing,
    private readonly publishing: RosterPublishing,
    private readonly warnings: DraftWarnings,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles(...ROSTER_WRITERS)
  @ApiAcceptedResponse({
    description: 'The roster and its `roster.generate` job; follow the job at statusUrl, then read the roster',
    schema: { example: createdRosterExample },
  })
  @ApiProblems(
    400,
    401,
    403,
    P.teamNotFound,
    P.noAgents,
    P.lockedAgentNotRostered,
    P.dateOutsideWeek,
    P.unknownTemplate,
    P.noTemplates,
    P.noDemand,
    503,
  )
  create(@CurrentActor() actor: Actor, @ValidBody(CreateRosterBody) body: CreateRosterBody) {
    return this.commands.create(actor, body);
  }

  @Get()
  @Roles(...ROSTER_READERS)
  @ApiOkResponse({
    description: 'Newest week first; supervisors see the rosters of their teams',
    schema: { example: pageExample(rosterSummaryExample) },
  })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListRostersQuery) query: ListRostersQuery) {
    return this.rosters.list(actor, query);
  }

  @Get(':id')
  @Roles(...ROSTER_READERS)
  @ApiOkResponse({
    description:
      'Per agent per day the shift (UTC and local) and its breaks; per slot requirement, scheduled and gap; objective by term; bound and gap; warnings and rules that could not be kept',
    schema: { example: rosterExample },
  })
  @ApiProblems(400, 401, 403, P.notFound, P.versionNotFound)
  async get(
    @CurrentActor() actor: Actor,
    @ValidParam('id') id: string,
    @ValidQuery(ReadRosterQuery) query: ReadRosterQuery,
    @Res() res: Response,
  ) {
    // Sent as stored bytes: re-encoding a week's view per request was most of a cached read's cost.
    sendView(res, await this.rosters.getSerialised(actor, id, query));
  }

  @Patch(':id')
  @Roles(...ROSTER_WRITERS)
  @ApiOkResponse({
    description: 'Saved and re-scored; an edit of a published version creates the next draft version',
    schema: { example: rosterExample },
  })
  @ApiBadRequestResponse({
    description: `\`${P.editBreaksRules.code}\`: the edit breaks a hard rule; nothing was saved. Each rule is in \`errors[]\` (its \`code\`, and a \`message\` naming agent and number, date, shift and times, and the rule with its numbers) and in \`violations\` (with \`facts\`). Also \`${P.agentNotOnRoster.code}\`, \`${P.dateOutsideWeek.code}\`, \`${P.templateNotOnRoster.code}\`, \`${P.startFixed.code}\`, \`${P.startOutsideWindow.code}\`. Rule codes:\n\n${RULE_CODES}`,
    content: { 'application/problem+json': { example: editRefusedExample } },
  })
  @ApiProblems(401, 403, P.notFound, P.notSolvedForEdit, P.staleRevision)
  edit(@CurrentActor() actor: Actor, @ValidParam('id') id: string, @ValidBody(EditRosterBody) body: EditRosterBody) {
    return this.editing.edit(actor, id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles(...ROSTER_WRITERS)
  @ApiOkResponse({
    description: 'The newest version is published and never changes again',
    schema: { example: rosterExample },
  })
  @ApiProblems(
    400,
    401,
    403,
    P.notFound,
    P.notSolvedForPublish,
    P.staleRevision,
    P.alreadyPublished,
    P.publishBreaksRules,
  )
  publish(
    @CurrentActor() actor: Actor,
    @ValidParam('id') id: string,
    @ValidBody(PublishRosterBody) body: PublishRosterBody,
  ) {
    return this.publishing.publish(actor, id, body);
  }

  @Post(':id/stop')
  @HttpCode(202)
  @Roles(...ROSTER_WRITERS)
  @ApiAcceptedResponse({
    description:
      'The running solve stops within a second or two and stores its best roster so far (its `solve.stoppedBy` is `aborted`); follow its job as before',
    schema: {
      example: {
        id: '0b6f3c5e-8d1a-4f2b-9c7e-2a4d6e8f0a1b',
        status: 'running',
        stopRequestedAt: '2026-11-27T02:30:00.000Z',
      },
    },
  })
  @ApiProblems(401, 403, P.notFound, P.notRunning)
  stop(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.commands.stop(actor, id);
  }

  @Get(':id/diff')
  @Roles(...ROSTER_READERS)
  @ApiOkResponse({
    description: 'Agent-days whose shift differs between two versions',
    schema: { example: diffExample },
  })
  @ApiProblems(400, 401, 403, P.notFound, P.versionNotFound, P.notSuperseded)
  diff(@CurrentActor() actor: Actor, @ValidParam('id') id: string, @ValidQuery(DiffQuery) query: DiffQuery) {
    return this.rosters.diff(actor, id, query);
  }

  @Post(':id/warnings/:warningId/dismiss')
  @HttpCode(200)
  @Roles(...ROSTER_WRITERS)
  @ApiOkResponse({
    description:
      'A warning a self-service change left on a draft (`version.warnings` of GET /rosters/:id, by its `id`) is dismissed: stored with who and when, and no longer shown. Dismissing it again answers the first dismissal.',
    schema: { example: dismissedWarningExample },
  })
  @ApiProblems(400, 401, 403, P.notFound, P.warningNotFound)
  dismissWarning(
    @CurrentActor() actor: Actor,
    @ValidParam('id') id: string,
    @ValidParam('warningId', DraftWarningIdParam) warningId: string,
  ) {
    return this.warnings.dismiss(actor, id, warningId);
  }
}
