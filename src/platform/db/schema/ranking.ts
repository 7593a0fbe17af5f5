import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, updatedAt, utc } from './columns';
import { shops } from './org';

export type ScorecardMetric = { metric: string; weight: number };
export type RewardRule = {
  flag: 'top' | 'bottom';
  kind: 'bonus' | 'penalty' | 'improvement_plan';
  amountCents: number;
  note: string;
};

/** How one role group of a shop is ranked each month: weighted KPIs, eligibility floor, flags, rules. */
export const scorecards = pgTable(
  'scorecards',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    name: text('name').notNull(),
    roleGroup: text('role_group').notNull(),
    metrics: jsonb('metrics').$type<ScorecardMetric[]>().notNull(),
    minDaysWorked: smallint('min_days_worked').notNull(),
    minInquiries: integer('min_inquiries').notNull(),
    topN: smallint('top_n').notNull(),
    bottomPercent: smallint('bottom_percent').notNull(),
    tieRule: text('tie_rule').notNull(),
    rewardRules: jsonb('reward_rules').$type<RewardRule[]>().notNull().default([]),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('scorecards_shop_name').on(t.shopId, t.name),
    check('scorecards_role_group', sql`${t.roleGroup} in ('pre_sales', 'after_sales')`),
  ],
);

/** One computation of a month for a scorecard; approved by HR it is frozen, a re-run is a new version. */
export const rankingRuns = pgTable(
  'ranking_runs',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    scorecardId: uuid('scorecard_id')
      .notNull()
      .references(() => scorecards.id),
    month: text('month').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    /** The scorecard as it was when this version ran. */
    scorecard: jsonb('scorecard').$type<Record<string, unknown>>().notNull(),
    error: text('error'),
    jobRunId: uuid('job_run_id'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    completedAt: utc('completed_at'),
    approvedBy: uuid('approved_by'),
    approvedAt: utc('approved_at'),
  },
  (t) => [
    uniqueIndex('ranking_runs_version').on(t.shopId, t.scorecardId, t.month, t.version),
    check('ranking_runs_status', sql`${t.status} in ('queued', 'running', 'completed', 'failed', 'approved')`),
  ],
);

export const rankingRows = pgTable(
  'ranking_rows',
  {
    shopId: uuid('shop_id').notNull(),
    runId: uuid('run_id')
      .notNull()
      .references(() => rankingRuns.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id').notNull(),
    teamId: uuid('team_id'),
    eligible: boolean('eligible').notNull(),
    rank: integer('rank'),
    /** Per metric: its value and points (0–100). */
    metrics: jsonb('metrics').$type<Record<string, { value: number | null; points: number | null }>>().notNull(),
    total: numeric('total', { precision: 7, scale: 3, mode: 'number' }),
    percentile: numeric('percentile', { precision: 6, scale: 2, mode: 'number' }),
    top: boolean('top').notNull().default(false),
    bottom: boolean('bottom').notNull().default(false),
    daysWorked: integer('days_worked').notNull(),
    inquiries: integer('inquiries').notNull(),
    ineligibleReasons: jsonb('ineligible_reasons').$type<string[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.runId, t.agentId] }), index('ranking_rows_shop').on(t.shopId)],
);

/** Reward/penalty ledger: from ranking flags by rule, or by hand with a reason; HR approves. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    agentId: uuid('agent_id').notNull(),
    month: text('month').notNull(),
    kind: text('kind').notNull(),
    /** Integer cents; positive for a bonus, negative for a penalty, 0 for an improvement plan. */
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    source: text('source').notNull(),
    rankingRunId: uuid('ranking_run_id'),
    /** Which rule of the run's scorecard produced it: one entry per run, agent and rule. */
    ruleIndex: smallint('rule_index'),
    status: text('status').notNull().default('proposed'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    decidedBy: uuid('decided_by'),
    decidedAt: utc('decided_at'),
  },
  (t) => [
    index('ledger_entries_shop_month').on(t.shopId, t.month),
    uniqueIndex('ledger_entries_rule').on(t.rankingRunId, t.agentId, t.ruleIndex),
    check('ledger_entries_kind', sql`${t.kind} in ('bonus', 'penalty', 'improvement_plan')`),
    check('ledger_entries_status', sql`${t.status} in ('proposed', 'approved', 'rejected')`),
    check('ledger_entries_source', sql`${t.source} in ('rule', 'manual')`),
  ],
);
