import { Controller, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody, ValidParam } from 'src/platform/http/validation';
import { QC_WORKERS, SETTINGS_WRITERS, SUMMARY_READERS } from './qc-roles';
import { QcSettingsService } from './qc-settings.service';
import { CreateRubricBody, QcSettingsBody, rubricExample, settingsExample } from './qc.dto';
import { RubricService } from './rubric.service';
import { QcProblems } from './qc.problems';

/** The shop's QC settings and rubric versions. */
@ApiTags('qc')
@ApiBearerAuth()
@Controller('qc')
export class QcSetupController {
  constructor(
    private readonly settings: QcSettingsService,
    private readonly rubrics: RubricService,
  ) {}

  @Get('settings')
  @Roles(...QC_WORKERS)
  @ApiOkResponse({
    description: "The shop's sampling and coaching settings (defaults until saved)",
    schema: { example: settingsExample },
  })
  @ApiProblems(401, 403)
  getSettings(@CurrentActor() actor: Actor) {
    return this.settings.get(actor);
  }

  @Put('settings')
  @Roles(...SETTINGS_WRITERS)
  @ApiOkResponse({ description: 'Changes only the fields sent', schema: { example: settingsExample } })
  @ApiProblems(400, 401, 403)
  putSettings(@CurrentActor() actor: Actor, @ValidBody(QcSettingsBody) body: QcSettingsBody) {
    return this.settings.update(actor, body);
  }

  @Get('rubrics')
  @Roles(...SUMMARY_READERS)
  @ApiOkResponse({
    description: 'Every version, newest first; the default rubric is created on first use',
    schema: { example: [rubricExample] },
  })
  @ApiProblems(401, 403)
  listRubrics(@CurrentActor() actor: Actor) {
    return this.rubrics.list(actor);
  }

  @Get('rubrics/:id')
  @Roles(...SUMMARY_READERS)
  @ApiOkResponse({ schema: { example: rubricExample } })
  @ApiProblems(400, 401, 403, 404, QcProblems.rubricNotFound)
  getRubric(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.rubrics.get(actor, id);
  }

  @Post('rubrics')
  @Roles(...QC_WORKERS)
  @ApiCreatedResponse({
    description: 'A new version; reviews already made keep the version they were scored with',
    schema: { example: rubricExample },
  })
  @ApiProblems(400, 401, 403)
  createRubric(@CurrentActor() actor: Actor, @ValidBody(CreateRubricBody) body: CreateRubricBody) {
    return this.rubrics.create(actor, body);
  }
}
