import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { ALL_ROLES, Roles } from 'src/platform/auth/roles';
import { sendView } from 'src/platform/cache/view-cache';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidQuery } from 'src/platform/http/validation';
import { DailyReportService } from './daily-report.service';
import { KPI_READERS, DAILY_REPORT_READERS } from './kpi-roles';
import { dailyReportExample, DailyReportQuery, definitionsExample, KpiQuery, kpiRowsExample } from './kpi.dto';
import { KpiService } from './kpi.service';
import { KpiProblems } from './kpi.problems';

@ApiTags('kpi')
@ApiBearerAuth()
@Controller()
export class KpiController {
  constructor(
    private readonly kpis: KpiService,
    private readonly dailyReport: DailyReportService,
  ) {}

  @Get('kpis/definitions')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({
    description: 'The KPI registry: name, Chinese name, formula, unit, direction, attribution window',
    schema: { example: definitionsExample },
  })
  @ApiProblems(401)
  definitions() {
    return this.kpis.definitionViews();
  }

  @Get('kpis')
  @Roles(...KPI_READERS)
  @ApiOkResponse({
    description:
      'Per agent, team or shop and per day, week, month or the whole range. Rates come from summed numerators and denominators; a zero denominator is null. Money in integer cents. Agents: own rows only; supervisors: their teams (no shop level).',
    schema: { example: kpiRowsExample },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    KpiProblems.agentsOwnOnly,
    KpiProblems.supervisorsTeamsOnly,
    KpiProblems.agentNotFound,
    KpiProblems.agentOutOfScope,
    KpiProblems.teamNotFound,
    KpiProblems.teamOutOfScope,
  )
  async query(@CurrentActor() actor: Actor, @ValidQuery(KpiQuery) query: KpiQuery, @Res() res: Response) {
    sendView(res, await this.kpis.querySerialised(actor, query));
  }

  @Get('reports/daily')
  @Roles(...DAILY_REPORT_READERS)
  @ApiOkResponse({
    description:
      'The daily report (日报) per team and for the shop (not for supervisors, who get their teams), with the change against the same weekday last week',
    schema: { example: dailyReportExample },
  })
  @ApiProblems(400, 401, 403, KpiProblems.agentsOwnOnly, KpiProblems.supervisorsTeamsOnly)
  daily(@CurrentActor() actor: Actor, @ValidQuery(DailyReportQuery) query: DailyReportQuery) {
    return this.dailyReport.report(actor, query);
  }
}
