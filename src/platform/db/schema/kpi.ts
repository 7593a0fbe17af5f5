import { bigint, date, index, integer, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { utc } from './columns';

/**
 * Per agent and LOCAL day (shop zone): counts and sums only, never rates, so week/month/team/shop
 * roll-ups are exact sums of numerators and denominators. Money in integer cents. Each group of
 * columns is written by one set-based statement per fact table and day (re-run replaces it).
 * No foreign keys (like the fact tables): the nightly upsert touches thousands of rows at once.
 */
export const kpiAgentDays = pgTable(
  'kpi_agent_days',
  {
    shopId: uuid('shop_id').notNull(),
    agentId: uuid('agent_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    /** The agent's team and role group when the day was computed (history keeps its team). */
    teamId: uuid('team_id'),
    roleGroup: text('role_group'),
    // chat_sessions, by the local day the session started
    sessions: integer('sessions').notNull().default(0),
    inquiries: integer('inquiries').notNull().default(0),
    preSaleInquiries: integer('pre_sale_inquiries').notNull().default(0),
    firstResponseSum: numeric('first_response_sum', { precision: 16, scale: 2 }).notNull().default('0'),
    firstResponseCount: integer('first_response_count').notNull().default(0),
    responseSum: numeric('response_sum', { precision: 18, scale: 2 }).notNull().default('0'),
    responsePairs: integer('response_pairs').notNull().default(0),
    customerMessages: integer('customer_messages').notNull().default(0),
    agentMessages: integer('agent_messages').notNull().default(0),
    afterSaleSessions: integer('after_sale_sessions').notNull().default(0),
    resolvedSessions: integer('resolved_sessions').notNull().default(0),
    ratings: integer('ratings').notNull().default(0),
    satisfiedRatings: integer('satisfied_ratings').notNull().default(0),
    // orders, by the local day of the inquiry they are attributed to
    orderedCustomers: integer('ordered_customers').notNull().default(0),
    orders: integer('orders').notNull().default(0),
    payingCustomers: integer('paying_customers').notNull().default(0),
    paidCents: bigint('paid_cents', { mode: 'number' }).notNull().default(0),
    refundedCents: bigint('refunded_cents', { mode: 'number' }).notNull().default(0),
    outOfStockOrders: integer('out_of_stock_orders').notNull().default(0),
    // complaints at fault, by the local day received
    complaints: integer('complaints').notNull().default(0),
    // submitted QC reviews, by the local day the reviewed session started
    qcReviews: integer('qc_reviews').notNull().default(0),
    qcScoreSum: numeric('qc_score_sum', { precision: 12, scale: 2 }).notNull().default('0'),
    // the newest published roster version, by the local day the shift starts (breaks taken off)
    workedMinutes: integer('worked_minutes').notNull().default(0),
    // published shifts against agent states, by the local day each second lies in (adherence module's definitions)
    scheduledSeconds: integer('scheduled_seconds').notNull().default(0),
    adherentSeconds: integer('adherent_seconds').notNull().default(0),
    plannedWorkSeconds: integer('planned_work_seconds').notNull().default(0),
    loggedWorkSeconds: integer('logged_work_seconds').notNull().default(0),
    computedAt: utc('computed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.day, t.agentId] }),
    index('kpi_agent_days_shop_agent_day').on(t.shopId, t.agentId, t.day),
  ],
);

/** Imports the nightly step has already turned into recomputed days (finished_at watermark per shop). */
export const kpiImportWatermarks = pgTable('kpi_import_watermarks', {
  shopId: uuid('shop_id').primaryKey(),
  seenUntil: utc('seen_until').notNull(),
});

/**
 * Counts every change to a shop's kpi_agent_days (each day's aggregation transaction adds one), so
 * a cached KPI answer can be checked against one row instead of re-reading the month.
 */
export const kpiRevisions = pgTable('kpi_revisions', {
  shopId: uuid('shop_id').primaryKey(),
  revision: bigint('revision', { mode: 'number' }).notNull().default(0),
});
