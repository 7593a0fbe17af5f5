import { Injectable } from '@nestjs/common';
import { and, asc, eq, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { complaintDeadlineRules, complaintRoutingRules } from 'src/platform/db/schema';

export type RoutingRule = { category: string; department: string; updatedAt: Date };
export type DeadlineRuleRow = {
  category: string;
  severity: string;
  firstResponseMinutes: number;
  resolveDays: number;
  updatedAt: Date;
};

/** A shop's routing and deadline rules; defaults are inserted once and never overwrite a shop's own. */
@Injectable()
export class ComplaintRulesRepository {
  constructor(private readonly db: Db) {}

  routing(shopId: string): Promise<RoutingRule[]> {
    return this.db.q
      .select({
        category: complaintRoutingRules.category,
        department: complaintRoutingRules.department,
        updatedAt: complaintRoutingRules.updatedAt,
      })
      .from(complaintRoutingRules)
      .where(eq(complaintRoutingRules.shopId, shopId))
      .orderBy(asc(complaintRoutingRules.category));
  }

  deadlines(shopId: string): Promise<DeadlineRuleRow[]> {
    const t = complaintDeadlineRules;
    return this.db.q
      .select({
        category: t.category,
        severity: t.severity,
        firstResponseMinutes: t.firstResponseMinutes,
        resolveDays: t.resolveDays,
        updatedAt: t.updatedAt,
      })
      .from(t)
      .where(eq(t.shopId, shopId))
      .orderBy(asc(t.category), asc(t.severity));
  }

  async seed(
    shopId: string,
    routing: { category: string; department: string }[],
    deadlines: { category: string; severity: string; firstResponseMinutes: number; resolveDays: number }[],
  ): Promise<void> {
    await this.db.q
      .insert(complaintRoutingRules)
      .values(routing.map((r) => ({ shopId, ...r })))
      .onConflictDoNothing();
    await this.db.q
      .insert(complaintDeadlineRules)
      .values(deadlines.map((d) => ({ shopId, ...d })))
      .onConflictDoNothing();
  }

  async setRouting(shopId: string, category: string, department: string, updatedBy: string): Promise<void> {
    await this.db.q
      .update(complaintRoutingRules)
      .set({ department, updatedBy, updatedAt: sql`now()` })
      .where(and(eq(complaintRoutingRules.shopId, shopId), eq(complaintRoutingRules.category, category)));
  }

  async setDeadline(
    shopId: string,
    category: string,
    severity: string,
    rule: { firstResponseMinutes: number; resolveDays: number },
    updatedBy: string,
  ): Promise<void> {
    const t = complaintDeadlineRules;
    await this.db.q
      .update(t)
      .set({ ...rule, updatedBy, updatedAt: sql`now()` })
      .where(and(eq(t.shopId, shopId), eq(t.category, category), eq(t.severity, severity)));
  }
}
