import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { ALL_ROLES, Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { IngestProblems } from './ingest.problems';
import { pageExample } from 'src/platform/http/pagination';
import { ValidParam, ValidQuery } from 'src/platform/http/validation';
import { ListOrdersQuery, ListSessionsQuery, orderExample, sessionExample } from './fact.dto';
import { FactService } from './fact.service';

@ApiTags('ingest: sessions and orders')
@ApiBearerAuth()
@Controller()
export class FactController {
  constructor(private readonly facts: FactService) {}

  @Get('sessions')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({
    description: 'Agents see their own sessions, supervisors their teams',
    schema: { example: pageExample(sessionExample) },
  })
  @ApiProblems(400, 401)
  sessions(@CurrentActor() actor: Actor, @ValidQuery(ListSessionsQuery) query: ListSessionsQuery) {
    return this.facts.sessions(actor, query);
  }

  @Get('sessions/:id/transcript')
  @Roles('admin', 'manager', 'supervisor', 'qc')
  @ApiOkResponse({
    schema: {
      example: {
        id: sessionExample.id,
        agentId: sessionExample.agentId,
        transcript: '顾客: 这款有M码吗?\n客服: 有的亲, 现在下单今天发货',
      },
    },
  })
  @ApiProblems(400, 401, 403, 404, IngestProblems.sessionNotFound)
  transcript(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.facts.transcript(actor, id);
  }

  @Get('orders')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({
    description: 'Amounts in integer cents; agents see orders attributed to them',
    schema: { example: pageExample(orderExample) },
  })
  @ApiProblems(400, 401)
  orders(@CurrentActor() actor: Actor, @ValidQuery(ListOrdersQuery) query: ListOrdersQuery) {
    return this.facts.orders(actor, query);
  }
}
