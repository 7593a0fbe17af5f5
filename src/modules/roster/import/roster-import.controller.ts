import { Controller, Get, HttpCode, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { currentLocale } from 'src/platform/i18n/request-locale';
import { ApiProblems } from 'src/platform/http/openapi';
import { importRefusals, missingColumnsExample } from 'src/modules/ingest/import.dto';
import { ValidQuery } from 'src/platform/http/validation';
import { ROSTER_WRITERS } from 'src/modules/roster/roster-roles';
import {
  ImportTemplateQuery,
  rosterImportExample,
  rosterImportRefusedExample,
  RosterImportQuery,
} from './roster-import.dto';
import { RosterImportProblems } from './roster-import.problems';
import { RosterImport } from './roster-import.service';
import { RosterImportTemplate } from './roster-import-template';
import { ROSTER_IMPORT_MAX_BYTES } from './roster-grid-reader';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rosters kept in Excel: the week's grid back in as a new draft version, and a blank grid to fill. */
@ApiTags('roster')
@ApiBearerAuth()
@Controller('rosters')
export class RosterImportController {
  constructor(
    private readonly imports: RosterImport,
    private readonly template: RosterImportTemplate,
  ) {}

  @Post('import')
  @HttpCode(201)
  @Roles(...ROSTER_WRITERS)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: ROSTER_IMPORT_MAX_BYTES, files: 1, fields: 5 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description:
      'The roster workbook (.xlsx, at most 2 MB) in the field "file": the roster export as it is or edited, or the template of `GET /rosters/import-template`. Cells: a shift template code or name with its times (`E 08:00–17:00`, breaks on further lines `餐 12:00` / `meal 12:00`), `休`/`Off`, `假`/`Leave`, or empty (day off). The grid may be on any of the first sheets; day headers are dates (date cells, or text such as `2026-12-07` or `12/07 周一`); a row names its agent by employee no. (by name when the number is left empty). Formulas, Excel error values pasted as values (`#REF!`, `#N/A`, `#VALUE!`, `#DIV/0!`, `#NAME?`, `#NULL!`, `#NUM!`: `roster-import.error-cell`, quoting the error; never read as an empty cell, i.e. a day off) and merged cells over the grid are refused at their cells. Agents the file does not list keep their shifts.',
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' } },
      example: { file: '(demo_roster_2026-12-07_v2.xlsx)' },
    },
  })
  @ApiResponse({
    status: 201,
    description:
      'Stored as the next draft version of the week’s roster; with mode=partial, `rejected` lists the cells left empty',
    schema: { example: rosterImportExample },
  })
  @ApiResponse({
    status: 422,
    description:
      'Cells refused (each named by sheet, cell and row with its reason), or a header without the employee-number column or a day of the week (`ingest.missing-columns`, each named in `errors`: `column Employee no. is required`, `column 2026-12-09 (Wed) is required`); nothing stored',
    content: importRefusals(rosterImportRefusedExample, missingColumnsExample('Employee no.', 'employeeNo')),
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    413,
    415,
    RosterImportProblems.fileRequired,
    RosterImportProblems.fileType,
    RosterImportProblems.noGrid,
    RosterImportProblems.notMonday,
    RosterImportProblems.rosterNotFound,
    RosterImportProblems.weekMismatch,
    RosterImportProblems.noRoster,
    RosterImportProblems.rosterNotReady,
    RosterImportProblems.cellsRejected,
  )
  import(
    @CurrentActor() actor: Actor,
    @ValidQuery(RosterImportQuery) query: RosterImportQuery,
    @UploadedFile() file: Express.Multer.File | undefined,
  ) {
    return this.imports.import(actor, file, query);
  }

  @Get('import-template')
  @Roles(...ROSTER_WRITERS)
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({
    description:
      'A blank roster of the week in the export’s grid layout (the week’s roster’s agents, else the shop’s), with the shift templates a cell may name',
    schema: { type: 'string', format: 'binary', example: '(xlsx bytes)' },
  })
  @ApiProblems(400, 401, 403)
  async importTemplate(
    @CurrentActor() actor: Actor,
    @ValidQuery(ImportTemplateQuery) query: ImportTemplateQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { fileName, content } = await this.template.build(actor, query, query.lang ?? currentLocale());
    res.setHeader('Content-Type', XLSX_TYPE);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    return new StreamableFile(content);
  }
}
