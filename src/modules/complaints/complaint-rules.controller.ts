import { Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody, ValidParam } from 'src/platform/http/validation';
import type { ComplaintCategory, ComplaintSeverity } from './engine/complaint-catalogue';
import {
  categoryParam,
  complaintRulesExample,
  DeadlineRuleBody,
  RoutingRuleBody,
  severityParam,
} from './complaint-rules.dto';
import { ComplaintRules } from './complaint-rules.service';

/** Per-shop routing (category → department) and deadlines (category × severity). Changes apply to complaints received afterwards. */
@ApiTags('complaints: rules')
@ApiBearerAuth()
@Controller('complaint-rules')
export class ComplaintRulesController {
  constructor(private readonly rules: ComplaintRules) {}

  @Get()
  @Roles('admin', 'manager', 'supervisor', 'qc')
  @ApiOkResponse({ schema: { example: complaintRulesExample } })
  @ApiProblems(401, 403)
  view(@CurrentActor() actor: Actor) {
    return this.rules.view(actor);
  }

  @Put('routing/:category')
  @Roles('admin', 'manager')
  @ApiOkResponse({ schema: { example: complaintRulesExample } })
  @ApiProblems(400, 401, 403)
  setRouting(
    @CurrentActor() actor: Actor,
    @ValidParam('category', categoryParam) category: ComplaintCategory,
    @ValidBody(RoutingRuleBody) body: RoutingRuleBody,
  ) {
    return this.rules.setRouting(actor, category, body);
  }

  @Put('deadlines/:category/:severity')
  @Roles('admin', 'manager')
  @ApiOkResponse({ schema: { example: complaintRulesExample } })
  @ApiProblems(400, 401, 403)
  setDeadline(
    @CurrentActor() actor: Actor,
    @ValidParam('category', categoryParam) category: ComplaintCategory,
    @ValidParam('severity', severityParam) severity: ComplaintSeverity,
    @ValidBody(DeadlineRuleBody) body: DeadlineRuleBody,
  ) {
    return this.rules.setDeadline(actor, category, severity, body);
  }
}
