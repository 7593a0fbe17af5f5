import { Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { queryBoolean } from 'src/platform/http/field-schemas';
import { ApiProblems } from 'src/platform/http/openapi';
import { RosterProblems as P } from './roster.problems';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { ROSTER_READERS, ROSTER_WRITERS } from './roster-roles';
import { CreateShiftTemplateBody, shiftTemplateExample, UpdateShiftTemplateBody } from './shift-template.dto';
import { ShiftTemplateService } from './shift-template.service';

const ListTemplatesQuery = z.strictObject({
  archived: queryBoolean.optional().meta({ description: 'Include archived templates' }),
});

@ApiTags('roster')
@ApiBearerAuth()
@Controller('shift-templates')
export class ShiftTemplateController {
  constructor(private readonly templates: ShiftTemplateService) {}

  @Get()
  @Roles(...ROSTER_READERS)
  @ApiOkResponse({ description: 'The shop’s shift templates, by start', schema: { example: [shiftTemplateExample] } })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListTemplatesQuery) query: z.infer<typeof ListTemplatesQuery>) {
    return this.templates.list(actor, query.archived ?? false);
  }

  @Get(':id')
  @Roles(...ROSTER_READERS)
  @ApiOkResponse({ schema: { example: shiftTemplateExample } })
  @ApiProblems(400, 401, 403, P.templateNotFound)
  get(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.templates.get(actor, id);
  }

  @Post()
  @Roles(...ROSTER_WRITERS)
  @ApiCreatedResponse({ schema: { example: shiftTemplateExample } })
  @ApiProblems(400, 401, 403, P.templateCodeTaken)
  create(@CurrentActor() actor: Actor, @ValidBody(CreateShiftTemplateBody) body: CreateShiftTemplateBody) {
    return this.templates.create(actor, body);
  }

  @Patch(':id')
  @Roles(...ROSTER_WRITERS)
  @ApiOkResponse({ schema: { example: shiftTemplateExample } })
  @ApiProblems(400, 401, 403, P.breakAfterShift, P.templateNotFound, P.templateCodeTaken, P.templateArchived)
  update(
    @CurrentActor() actor: Actor,
    @ValidParam('id') id: string,
    @ValidBody(UpdateShiftTemplateBody) body: UpdateShiftTemplateBody,
  ) {
    return this.templates.update(actor, id, body);
  }

  @Delete(':id')
  @Roles(...ROSTER_WRITERS)
  @ApiOkResponse({
    description: 'Archived (rosters that used it keep it)',
    schema: { example: { ...shiftTemplateExample, archived: true } },
  })
  @ApiProblems(400, 401, 403, P.templateNotFound)
  archive(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.templates.archive(actor, id);
  }
}
