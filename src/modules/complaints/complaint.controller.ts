import { Body, Controller, Get, HttpCode, Patch, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { importRefusals, missingColumnsExample } from 'src/modules/ingest/import.dto';
import { pageExample } from 'src/platform/http/pagination';
import { openApiSchema, ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import {
  AttributionBody,
  complaintEventExample,
  complaintExample,
  ComplaintImportBody,
  ComplaintImportQuery,
  ComplaintIntakeBody,
  importReportExample,
  ListComplaintsQuery,
  ReassignBody,
  TransitionBody,
} from './complaint.dto';
import { ComplaintService } from './complaint.service';
import { ComplaintImport } from './complaint-import.service';
import { IMPORT_MAX_BYTES, importRowsOf } from './complaint-upload';
import { ComplaintProblems } from './complaints.problems';

const HANDLERS = ['admin', 'manager', 'supervisor', 'qc'] as const;
const detailExample = { ...complaintExample, events: [complaintEventExample] };

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintController {
  constructor(
    private readonly complaints: ComplaintService,
    private readonly imports: ComplaintImport,
  ) {}

  @Post()
  @Roles(...HANDLERS)
  @ApiCreatedResponse({ description: 'Recorded, routed, due times set', schema: { example: detailExample } })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    ComplaintProblems.agentNotFound,
    ComplaintProblems.rowRefused,
    ComplaintProblems.externalIdTaken,
  )
  create(@CurrentActor() actor: Actor, @ValidBody(ComplaintIntakeBody) body: ComplaintIntakeBody) {
    return this.complaints.create(actor, body);
  }

  @Post('import')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } }))
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    description:
      'JSON `{ "rows": [...] }` (row n is rows[n-1]) or a .csv/.json file in the field "file" (CSV: header of the field names; the first data row is row 2)',
    schema: {
      oneOf: [
        openApiSchema(ComplaintImportBody),
        { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
      ],
      example: {
        rows: [
          {
            channel: 'review',
            customerKey: 'tb_buyer_8842',
            category: 'logistics',
            severity: 'high',
            negativeReview: true,
          },
        ],
      },
    },
  })
  @ApiOkResponse({ schema: { example: importReportExample } })
  @ApiResponse({
    status: 422,
    description:
      'Rows rejected in mode=all, or a file or body without a required column (`ingest.missing-columns`, each named in `errors`: `column X is required` / `缺少必填列 X`): nothing stored',
    content: importRefusals(
      { type: '/problems/unprocessable', status: 422, errors: importReportExample.errors },
      missingColumnsExample('category'),
    ),
  })
  @ApiProblems(
    400,
    401,
    403,
    413,
    415,
    ComplaintProblems.importRefused,
    ComplaintProblems.fileNotJson,
    ComplaintProblems.fileType,
    ComplaintProblems.fileRows,
  )
  import(
    @CurrentActor() actor: Actor,
    @ValidQuery(ComplaintImportQuery) query: ComplaintImportQuery,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: unknown,
  ) {
    return this.imports.import(actor, query.mode, importRowsOf(file, body));
  }

  @Get()
  @Roles(...HANDLERS, 'agent')
  @ApiOkResponse({
    description: 'Agents see the complaints about them; supervisors their teams’ and unattributed ones',
    schema: { example: pageExample(complaintExample) },
  })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(ListComplaintsQuery) query: ListComplaintsQuery) {
    return this.complaints.list(actor, query);
  }

  @Get(':id')
  @Roles(...HANDLERS, 'agent')
  @ApiOkResponse({ description: 'With its audit trail', schema: { example: detailExample } })
  @ApiProblems(400, 401, 403, 404, ComplaintProblems.complaintNotFound)
  get(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.complaints.get(actor, id);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOkResponse({ schema: { example: detailExample } })
  @ApiProblems(
    400,
    401,
    403,
    404,
    ComplaintProblems.complaintNotFound,
    ComplaintProblems.illegalTransition,
    ComplaintProblems.changedMeanwhile,
  )
  transition(
    @CurrentActor() actor: Actor,
    @ValidParam('id') id: string,
    @ValidBody(TransitionBody) body: TransitionBody,
  ) {
    return this.complaints.transition(actor, id, body);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOkResponse({ schema: { example: { ...detailExample, department: 'warehouse' } } })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    ComplaintProblems.complaintNotFound,
    ComplaintProblems.closedNotReassigned,
    ComplaintProblems.alreadyWithDepartment,
    ComplaintProblems.changedMeanwhile,
  )
  reassign(@CurrentActor() actor: Actor, @ValidParam('id') id: string, @ValidBody(ReassignBody) body: ReassignBody) {
    return this.complaints.reassign(actor, id, body);
  }

  @Patch(':id/attribution')
  @Roles(...HANDLERS)
  @ApiOkResponse({ schema: { example: detailExample } })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    ComplaintProblems.complaintNotFound,
    ComplaintProblems.agentNotFound,
    ComplaintProblems.faultNeedsAgent,
    ComplaintProblems.nothingChanges,
    ComplaintProblems.changedMeanwhile,
  )
  attribute(
    @CurrentActor() actor: Actor,
    @ValidParam('id') id: string,
    @ValidBody(AttributionBody) body: AttributionBody,
  ) {
    return this.complaints.attribute(actor, id, body);
  }
}
