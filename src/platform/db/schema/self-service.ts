import { sql } from 'drizzle-orm';
import { boolean, check, date, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, utc } from './columns';
import { shops } from './org';

/** Where a self-service change landed: the roster and the versions before and after it. */
export type PublishedChange = { rosterId: string; from: number; to: number };

/**
 * An agent's request for time off (a day, several days, or part of one day in local clock time).
 * Approved at once when the shop's allowance allows it, else it waits for a supervisor; approval
 * grants leave (`leave_id`) and frees the shifts in the published roster (`published`).
 */
export const timeOffRequests = pgTable('time_off_requests', {
  id: id(),
  shopId: uuid('shop_id').notNull().references(() => shops.id),
  agentId: uuid('agent_id').notNull(),
  kind: text('kind').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  /** Part of one day: local clock times `HH:MM` (both or neither). */
  startTime: text('start_time'),
  endTime: text('end_time'),
  reason: text('reason'),
  status: text('status').notNull(),
  autoApproved: boolean('auto_approved').notNull().default(false),
  requestedBy: uuid('requested_by').notNull(),
  decidedBy: uuid('decided_by'),
  decidedAt: utc('decided_at'),
  note: text('note'),
  leaveId: uuid('leave_id'),
  published: jsonb('published').$type<PublishedChange[]>().notNull().default([]),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('time_off_requests_shop_status').on(t.shopId, t.status),
  index('time_off_requests_shop_agent').on(t.shopId, t.agentId),
  check('time_off_requests_status', sql`${t.status} in ('pending', 'approved', 'rejected', 'cancelled')`),
  check('time_off_requests_range', sql`${t.startDate} <= ${t.endDate}`),
  check('time_off_requests_part_day', sql`(${t.startTime} is null) = (${t.endTime} is null) and (${t.startTime} is null or ${t.startDate} = ${t.endDate})`),
]);

/**
 * Who requested, decided or changed what, and when: one row per event of a self-service request,
 * readable per roster (`roster_ids`) and per agent (`agent_ids`).
 */
export const selfServiceEvents = pgTable('self_service_events', {
  id: id(),
  shopId: uuid('shop_id').notNull().references(() => shops.id),
  /** `time-off`, `shift-swap` or `open-shift`. */
  subject: text('subject').notNull(),
  subjectId: uuid('subject_id').notNull(),
  action: text('action').notNull(),
  actorUserId: uuid('actor_user_id'),
  agentIds: uuid('agent_ids').array().notNull(),
  rosterIds: uuid('roster_ids').array().notNull().default(sql`'{}'::uuid[]`),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  at: createdAt(),
}, (t) => [
  index('self_service_events_subject').on(t.shopId, t.subject, t.subjectId),
  index('self_service_events_agents').using('gin', t.agentIds),
  index('self_service_events_rosters').using('gin', t.rosterIds),
]);

/**
 * One line of a user's in-app feed (`/me/notifications`): its text in both languages, written with
 * names when it happens, and what it is about. `webhook` says whether the shop's robot for its kind
 * still has to be told (`pending`), was told (`sent`), or is not configured (`none`).
 */
export const notifications = pgTable('notifications', {
  id: id(),
  shopId: uuid('shop_id').notNull().references(() => shops.id),
  userId: uuid('user_id').notNull(),
  kind: text('kind').notNull(),
  message: jsonb('message').$type<{ en: string; zh: string }>().notNull(),
  subject: text('subject'),
  subjectId: uuid('subject_id'),
  readAt: utc('read_at'),
  webhook: text('webhook').notNull().default('none'),
  createdAt: createdAt(),
}, (t) => [
  index('notifications_user_created').on(t.userId, t.createdAt),
  index('notifications_webhook_pending').on(t.shopId).where(sql`${t.webhook} = 'pending'`),
  check('notifications_webhook', sql`${t.webhook} in ('none', 'pending', 'sent')`),
]);
