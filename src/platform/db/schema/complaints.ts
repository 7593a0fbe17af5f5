import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, updatedAt, utc } from './columns';
import { agents, shops } from './org';

/**
 * One customer complaint (投诉). The customer is kept only as a keyed hash. `agent_at_fault` is what
 * the KPI module counts against `agent_id`; due times are fixed at intake from the shop's rules.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    /** The source system's id, so a re-import updates instead of duplicating. */
    externalId: text('external_id'),
    channel: text('channel').notNull(),
    customerHash: text('customer_hash').notNull(),
    orderExternalId: text('order_external_id'),
    agentId: uuid('agent_id').references(() => agents.id),
    agentAtFault: boolean('agent_at_fault').notNull().default(false),
    category: text('category').notNull(),
    severity: text('severity').notNull(),
    negativeReview: boolean('negative_review').notNull().default(false),
    description: text('description'),
    department: text('department').notNull(),
    status: text('status').notNull().default('open'),
    receivedAt: utc('received_at').notNull(),
    firstResponseDueAt: utc('first_response_due_at').notNull(),
    resolveDueAt: utc('resolve_due_at').notNull(),
    firstRespondedAt: utc('first_responded_at'),
    resolvedAt: utc('resolved_at'),
    closedAt: utc('closed_at'),
    outcome: text('outcome'),
    customerFeedback: text('customer_feedback'),
    /** Set by the nightly step; re-running it recomputes both columns. */
    overdue: boolean('overdue').notNull().default(false),
    overdueReason: text('overdue_reason'),
    overdueFlaggedAt: utc('overdue_flagged_at'),
    importId: uuid('import_id'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('complaints_shop_external')
      .on(t.shopId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    index('complaints_shop_status').on(t.shopId, t.status),
    // KPI aggregation: complaints per agent and day.
    index('complaints_shop_agent_received').on(t.shopId, t.agentId, t.receivedAt),
    index('complaints_shop_received').on(t.shopId, t.receivedAt),
    check('complaints_status', sql`${t.status} in ('open', 'in_progress', 'waiting_customer', 'resolved', 'closed')`),
    check(
      'complaints_category',
      sql`${t.category} in ('product_quality', 'logistics', 'service_attitude', 'returns_refunds', 'wrong_description', 'other')`,
    ),
    check('complaints_severity', sql`${t.severity} in ('low', 'medium', 'high', 'critical')`),
    check(
      'complaints_department',
      sql`${t.department} in ('after_sales', 'logistics', 'warehouse', 'product', 'service')`,
    ),
  ],
);

/** Audit trail: every status change, reassignment and fault decision (who, when, from, to, note). */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    note: text('note'),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    at: utc('at').notNull().defaultNow(),
  },
  (t) => [index('complaint_events_complaint_at').on(t.complaintId, t.at), index('complaint_events_shop').on(t.shopId)],
);

/** Which department owns a category of complaint in a shop (defaults seeded on first use). */
export const complaintRoutingRules = pgTable(
  'complaint_routing_rules',
  {
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    category: text('category').notNull(),
    department: text('department').notNull(),
    updatedBy: uuid('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.category] })],
);

/**
 * Deadlines per category and severity: first response in elapsed minutes, resolution in calendar
 * days of the shop's zone (a local day may have 23 or 25 hours).
 */
export const complaintDeadlineRules = pgTable(
  'complaint_deadline_rules',
  {
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    category: text('category').notNull(),
    severity: text('severity').notNull(),
    firstResponseMinutes: integer('first_response_minutes').notNull(),
    resolveDays: smallint('resolve_days').notNull(),
    updatedBy: uuid('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.category, t.severity] }),
    check('complaint_deadline_rules_positive', sql`${t.firstResponseMinutes} > 0 and ${t.resolveDays} > 0`),
  ],
);
