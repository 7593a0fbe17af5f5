import { Controller, Get, HttpCode, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles, STAFF_ROLES } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { pageExample } from 'src/platform/http/pagination';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import {
  CreateExportBody,
  CreateExportQuery,
  createdExportExample,
  exportExample,
  kindsExample,
  ListExportsQuery,
} from './export.dto';
import { ExportService, XLSX_TYPE } from './export.service';
import { ExportProblems } from './export.problems';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Get('kinds')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({
    description: 'The kinds of export your role may ask for, with their parameters',
    schema: { example: kindsExample },
  })
  @ApiProblems(401, 403)
  kinds(@CurrentActor() actor: Actor) {
    return this.exports.kinds(actor);
  }

  @Post()
  @HttpCode(202)
  @Roles(...STAFF_ROLES)
  @ApiAcceptedResponse({
    description: 'The workbook is built by an `export.build` job; download it from fileUrl once the job is completed',
    schema: { example: createdExportExample },
  })
  @ApiProblems(400, 401, 403, 404, 503, ExportProblems.unknownKind, ExportProblems.kindForbidden)
  create(
    @CurrentActor() actor: Actor,
    @ValidBody(CreateExportBody) body: CreateExportBody,
    @ValidQuery(CreateExportQuery) query: CreateExportQuery,
  ) {
    return this.exports.request(actor, { ...body, lang: body.lang ?? query.lang });
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({
    description: 'Your exports, newest first (managers see the shop’s)',
    schema: { example: pageExample(exportExample) },
  })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListExportsQuery) query: ListExportsQuery) {
    return this.exports.list(actor, query);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ schema: { example: exportExample } })
  @ApiProblems(400, 401, 403, 404, ExportProblems.exportNotFound)
  get(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.exports.get(actor, id);
  }

  @Get(':id/file')
  @Roles(...STAFF_ROLES)
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({
    description: 'The workbook, named after shop, kind and period',
    schema: { type: 'string', format: 'binary', example: '(xlsx bytes)' },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    ExportProblems.exportNotFound,
    ExportProblems.notReady,
    ExportProblems.fileMissing,
  )
  async file(
    @CurrentActor() actor: Actor,
    @ValidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { fileName, content } = await this.exports.file(actor, id);
    res.setHeader('Content-Type', XLSX_TYPE);
    // An ASCII name for old clients, the exact (possibly Chinese) name for the rest (RFC 6266).
    const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    return new StreamableFile(content);
  }
}
