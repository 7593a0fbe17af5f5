import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, utc } from './columns';
import { shops } from './org';

/** Where a self-service change landed: the roster and the versions before and after it. */
export type PublishedChange = { rosterId: string; from: number; to: number };

/**
 * An agent's request for time off (a day, several days, or part of a day in local clock time).
 * Approved at once when the shop's allowance allows it, else it waits for a supervisor; approval
 * grants leave (`leave_id`) and frees the shifts in the published roster (`published`).
 */
export const timeOffRequests = pgTable(
  'time_off_requests',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    agentId: uuid('agent_id').notNull(),
    kind: text('kind').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** Part of a day: local clock times `HH:MM` (both or neither), ending on the start date or, past midnight, the next. */
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
  },
  (t) => [
    index('time_off_requests_shop_status').on(t.shopId, t.status),
    index('time_off_requests_shop_agent').on(t.shopId, t.agentId),
    check('time_off_requests_status', sql`${t.status} in ('pending', 'approved', 'rejected', 'cancelled')`),
    check('time_off_requests_range', sql`${t.startDate} <= ${t.endDate}`),
    check(
      'time_off_requests_part_day',
      sql`(${t.startTime} is null) = (${t.endTime} is null) and (${t.startTime} is null or ${t.endDate} <= ${t.startDate} + 1)`,
    ),
  ],
);

/**
 * Who requested, decided or changed what, and when: one row per event of a self-service request,
 * readable per roster (`roster_ids`) and per agent (`agent_ids`).
 */
export const selfServiceEvents = pgTable(
  'self_service_events',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    /** `time-off`, `shift-swap` or `open-shift`. */
    subject: text('subject').notNull(),
    subjectId: uuid('subject_id').notNull(),
    action: text('action').notNull(),
    actorUserId: uuid('actor_user_id'),
    agentIds: uuid('agent_ids').array().notNull(),
    rosterIds: uuid('roster_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: createdAt(),
  },
  (t) => [
    index('self_service_events_subject').on(t.shopId, t.subject, t.subjectId),
    index('self_service_events_agents').using('gin', t.agentIds),
    index('self_service_events_rosters').using('gin', t.rosterIds),
  ],
);

/**
 * One line of a user's in-app feed (`/me/notifications`): its text in both languages, written with
 * names when it happens, and what it is about. `webhook` says whether the shop's robot for its kind
 * still has to be told (`pending`), was told (`sent`), or is not configured (`none`).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    message: jsonb('message').$type<{ en: string; zh: string }>().notNull(),
    subject: text('subject'),
    subjectId: uuid('subject_id'),
    readAt: utc('read_at'),
    webhook: text('webhook').notNull().default('none'),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_created').on(t.userId, t.createdAt),
    index('notifications_webhook_pending')
      .on(t.shopId)
      .where(sql`${t.webhook} = 'pending'`),
    check('notifications_webhook', sql`${t.webhook} in ('none', 'pending', 'sent')`),
  ],
);

/**
 * A shift one agent offers (`offerer_id`, their published shift on `offer_date`), to a named team
 * mate (`to_agent_id`) or to anyone of the team. A colleague takes it (`taker_id`), optionally
 * giving one of theirs back (`return_date`); the swap, checked against every hard rule, then waits
 * for the supervisor (`pending`) unless the shop approves swaps at once.
 */
export const shiftSwaps = pgTable(
  'shift_swaps',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    offererId: uuid('offerer_id').notNull(),
    offerDate: date('offer_date', { mode: 'string' }).notNull(),
    toAgentId: uuid('to_agent_id'),
    takerId: uuid('taker_id'),
    returnDate: date('return_date', { mode: 'string' }),
    status: text('status').notNull(),
    reason: text('reason'),
    autoApproved: boolean('auto_approved').notNull().default(false),
    requestedBy: uuid('requested_by').notNull(),
    acceptedAt: utc('accepted_at'),
    decidedBy: uuid('decided_by'),
    decidedAt: utc('decided_at'),
    note: text('note'),
    published: jsonb('published').$type<PublishedChange[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('shift_swaps_shop_status').on(t.shopId, t.status),
    index('shift_swaps_shop_offerer').on(t.shopId, t.offererId),
    check(
      'shift_swaps_status',
      sql`${t.status} in ('open', 'pending', 'approved', 'rejected', 'declined', 'cancelled')`,
    ),
  ],
);

/**
 * Uncovered hours a manager posts as a shift anyone of the roster's teams may volunteer for:
 * the first valid volunteer gets it (`first`) or the manager picks one (`manager`).
 */
export const openShifts = pgTable(
  'open_shifts',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    rosterId: uuid('roster_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    shiftTemplateId: uuid('shift_template_id').notNull(),
    /** Local clock start in minutes after midnight. */
    startMinutes: integer('start_minutes').notNull(),
    skill: text('skill'),
    policy: text('policy').notNull(),
    status: text('status').notNull(),
    assignedAgentId: uuid('assigned_agent_id'),
    postedBy: uuid('posted_by').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: utc('decided_at'),
    published: jsonb('published').$type<PublishedChange[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('open_shifts_shop_status').on(t.shopId, t.status, t.date),
    check('open_shifts_policy', sql`${t.policy} in ('first', 'manager')`),
    check('open_shifts_status', sql`${t.status} in ('open', 'filled', 'cancelled')`),
  ],
);

/** An agent who offered to work an open shift (checked against the rules when they volunteered). */
export const openShiftVolunteers = pgTable(
  'open_shift_volunteers',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    openShiftId: uuid('open_shift_id')
      .notNull()
      .references(() => openShifts.id),
    agentId: uuid('agent_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('open_shift_volunteers_once').on(t.openShiftId, t.agentId)],
);
