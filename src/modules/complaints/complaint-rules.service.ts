import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { ShopService } from 'src/modules/org/shop.service';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  ComplaintCategory,
  ComplaintSeverity,
  DEFAULT_DEADLINES,
  DEFAULT_ROUTING,
  DeadlineRule,
  Department,
} from './engine/complaint-catalogue';
import { NEGATIVE_REVIEW_DAYS } from './engine/complaint-deadlines';
import { DeadlineRuleBody, RoutingRuleBody } from './complaint-rules.dto';
import { ComplaintRulesRepository, DeadlineRuleRow, RoutingRule } from './complaint-rules.repository';

export type ShopComplaintRules = {
  timeZone: string;
  departmentFor: (category: ComplaintCategory) => Department;
  deadlineFor: (category: ComplaintCategory, severity: ComplaintSeverity) => DeadlineRule;
};

const EXPECTED_DEADLINES = COMPLAINT_CATEGORIES.length * COMPLAINT_SEVERITIES.length;

/** Routing and deadline settings per shop. A shop starts from the defaults, seeded on first use. */
@Injectable()
export class ComplaintRules {
  constructor(
    private readonly rules: ComplaintRulesRepository,
    private readonly shops: ShopService,
  ) {}

  async view(actor: Actor): Promise<{
    timeZone: string;
    negativeReviewMaxDays: number;
    routing: RoutingRule[];
    deadlines: DeadlineRuleRow[];
  }> {
    const shop = await this.shops.context(actor.shopId);
    const { routing, deadlines } = await this.load(actor.shopId);
    return { timeZone: shop.timeZone, negativeReviewMaxDays: NEGATIVE_REVIEW_DAYS, routing, deadlines };
  }

  async setRouting(actor: Actor, category: ComplaintCategory, body: RoutingRuleBody) {
    await this.load(actor.shopId);
    await this.rules.setRouting(actor.shopId, category, body.department, actor.userId);
    return this.view(actor);
  }

  async setDeadline(actor: Actor, category: ComplaintCategory, severity: ComplaintSeverity, body: DeadlineRuleBody) {
    await this.load(actor.shopId);
    await this.rules.setDeadline(actor.shopId, category, severity, body, actor.userId);
    return this.view(actor);
  }

  /** What intake needs: the shop's zone and its rules as lookups. */
  async forShop(shopId: string): Promise<ShopComplaintRules> {
    const shop = await this.shops.context(shopId);
    const { routing, deadlines } = await this.load(shopId);
    const departments = new Map(routing.map((r) => [r.category, r.department as Department]));
    const rules = new Map(
      deadlines.map((d) => [
        `${d.category}:${d.severity}`,
        { firstResponseMinutes: d.firstResponseMinutes, resolveDays: d.resolveDays },
      ]),
    );
    return {
      timeZone: shop.timeZone,
      departmentFor: (category) => departments.get(category) ?? DEFAULT_ROUTING[category],
      deadlineFor: (category, severity) => rules.get(`${category}:${severity}`) ?? DEFAULT_DEADLINES[severity],
    };
  }

  private async load(shopId: string): Promise<{ routing: RoutingRule[]; deadlines: DeadlineRuleRow[] }> {
    let [routing, deadlines] = await Promise.all([this.rules.routing(shopId), this.rules.deadlines(shopId)]);
    if (routing.length < COMPLAINT_CATEGORIES.length || deadlines.length < EXPECTED_DEADLINES) {
      await this.rules.seed(
        shopId,
        COMPLAINT_CATEGORIES.map((category) => ({ category, department: DEFAULT_ROUTING[category] })),
        COMPLAINT_CATEGORIES.flatMap((category) =>
          COMPLAINT_SEVERITIES.map((severity) => ({ category, severity, ...DEFAULT_DEADLINES[severity] })),
        ),
      );
      [routing, deadlines] = await Promise.all([this.rules.routing(shopId), this.rules.deadlines(shopId)]);
    }
    return { routing, deadlines };
  }
}
