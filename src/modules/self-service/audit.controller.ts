import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidQuery } from 'src/platform/http/validation';
import { AuditQuery, auditExample } from './audit.dto';
import { SelfServiceAudit } from './audit.service';
import { SelfServiceProblems } from './self-service.problems';

@ApiTags('self-service: audit')
@ApiBearerAuth()
@Controller('self-service/audit')
export class AuditController {
  constructor(private readonly audit: SelfServiceAudit) {}

  @Get()
  @Roles('admin', 'manager', 'supervisor', 'agent')
  @ApiOkResponse({
    description:
      'Oldest first: who requested, decided or changed what and when, per roster (`rosterId`) or per agent (`agentId`, default yourself)',
    schema: { example: auditExample },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    SelfServiceProblems.auditForbidden,
    SelfServiceProblems.agentNotFound,
    SelfServiceProblems.noAgentRecord,
  )
  read(@CurrentActor() actor: Actor, @ValidQuery(AuditQuery) query: AuditQuery) {
    return this.audit.read(actor, query);
  }
}
