import { writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  applyDecorators,
  Body,
  Controller,
  Get,
  Inject,
  Post,
  Req,
  Res,
  StreamableFile,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles, STAFF_ROLES } from 'src/platform/auth/roles';
import type { AppConfig } from 'src/platform/config/app-config';
import { APP_CONFIG } from 'src/platform/config/config.module';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidParam, ValidQuery } from 'src/platform/http/validation';
import { acceptedExample } from 'src/platform/jobs/jobs.dto';
import {
  ImportQuery,
  importRecordExample,
  importRefusals,
  kindParam,
  ListImportsQuery,
  missingColumnsExample,
  rejectedExample,
  reportExample,
} from './import.dto';
import { ImportService } from './import.service';
import { IngestProblems } from './ingest.problems';
import { ImportTemplates } from './import-templates';
import type { ImportKindName } from './kinds/import-kind';
import { DiscardUploadOnError, UploadLimitFilter } from './import-upload';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What every import route shares: a file or `{ rows }`, answered inline or as a job. */
const ImportEndpoint = () =>
  applyDecorators(
    UseFilters(UploadLimitFilter),
    UseInterceptors(FileInterceptor('file'), DiscardUploadOnError),
    ApiConsumes('multipart/form-data', 'application/json'),
    ApiBody({
      description: 'A file (.csv UTF-8, .xlsx or .json) in the field "file", or JSON `{ "rows": [...] }`',
      schema: {
        type: 'object',
        properties: { file: { type: 'string', format: 'binary' }, rows: { type: 'array', items: { type: 'object' } } },
      },
    }),
    ApiOkResponse({ description: 'Imported within the request', schema: { example: reportExample } }),
    ApiAcceptedResponse({ description: 'A large file: imported by a job', schema: { example: acceptedExample } }),
    ApiResponse({
      status: 422,
      description:
        'All-or-nothing import with rejected rows, or a file without a required column (`ingest.missing-columns`, each named in `errors`: `column X is required` / `缺少必填列 X`): nothing stored',
      content: importRefusals(rejectedExample, missingColumnsExample('offered')),
    }),
    ApiProblems(400, 401, 403, 413, 415, 503),
  );

@ApiTags('ingest: imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportController {
  constructor(
    private readonly imports: ImportService,
    private readonly templates: ImportTemplates,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('templates/:kind')
  @Roles(...STAFF_ROLES)
  @ApiProduces(XLSX)
  @ApiOkResponse({
    description:
      'An .xlsx with a title block (the shop, what the template is and what a row is for, the time zone times are read in; 中文 and English), then the headers (中文 and English key) and one example row. The title lines may be kept or deleted: the import reads the headers either way',
    content: { [XLSX]: { example: '(binary workbook)' } },
  })
  @ApiProblems(400, 401, 403)
  async template(
    @CurrentActor() actor: Actor,
    @ValidParam('kind', kindParam) kind: ImportKindName,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const content = await this.templates.build(actor.shopId, kind);
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', `attachment; filename="import-${kind}.xlsx"`);
    return new StreamableFile(content);
  }

  /** Queue definitions are configuration, as `POST /queues` is: managers only. */
  @Post('queues')
  @Roles('admin', 'manager')
  @ImportEndpoint()
  uploadQueues(
    @CurrentActor() actor: Actor,
    @ValidQuery(ImportQuery) query: ImportQuery,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.receive(actor, 'queues', query, file, body, req, res);
  }

  /** Operational facts: supervisors bring in their team's daily exports too. */
  @Post(':kind')
  @Roles('admin', 'manager', 'supervisor')
  @ImportEndpoint()
  upload(
    @CurrentActor() actor: Actor,
    @ValidParam('kind', kindParam) kind: ImportKindName,
    @ValidQuery(ImportQuery) query: ImportQuery,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.receive(actor, kind, query, file, body, req, res);
  }

  @Get()
  @Roles('admin', 'manager', 'supervisor', 'hr')
  @ApiOkResponse({ schema: { example: [importRecordExample] } })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListImportsQuery) query: ListImportsQuery) {
    return this.imports.list(actor, query.limit, query.offset);
  }

  @Get(':id')
  @Roles('admin', 'manager', 'supervisor', 'hr')
  @ApiOkResponse({ schema: { example: importRecordExample } })
  @ApiProblems(400, 401, 403, 404, IngestProblems.importNotFound)
  get(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.imports.get(actor, id);
  }

  private async receive(
    actor: Actor,
    kind: ImportKindName,
    query: ImportQuery,
    file: Express.Multer.File | undefined,
    body: unknown,
    req: Request,
    res: Response,
  ) {
    const upload = file
      ? { path: file.path, originalName: file.originalname, size: file.size }
      : await this.jsonBody(req, body);
    const result = await this.imports.importUpload(actor, kind, query.mode, upload);
    res.status('jobId' in result ? 202 : 200);
    return result;
  }

  /** A JSON body goes through the same reader as an uploaded .json file. */
  private async jsonBody(req: Request, body: unknown) {
    if (
      !req.is('application/json') ||
      body === undefined ||
      body === null ||
      (typeof body === 'object' && !Object.keys(body).length)
    ) {
      throw IngestProblems.fileRequired.at('file', { field: '"file"', rows: '"rows"' });
    }
    const text = JSON.stringify(body);
    const path = join(this.config.dataDir, 'uploads', `${randomUUID()}-body.json`);
    await writeFile(path, text);
    return { path, originalName: 'body.json', size: Buffer.byteLength(text) };
  }
}
