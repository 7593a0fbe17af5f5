import {
  check,
  date,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, updatedAt, utc } from './columns';
import { agents, shops, teams } from './org';

/** A topic an agent or supervisor asks to be trained on; it joins the needs ranked from QC findings. */
export const trainingRequests = pgTable(
  'training_requests',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    category: text('category').notNull(),
    note: text('note'),
    requestedBy: uuid('requested_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('training_requests_shop_created').on(t.shopId, t.createdAt)],
);

/** What taking the attendees off their queues costs, as priced when the session was placed. */
export type StoredSessionImpact = {
  lostContactsWithinTarget: number;
  worstServiceLevel: number | null;
  belowMinimum: boolean;
  minServiceLevel: number;
  slots: {
    slotStart: string;
    queueId: string;
    contacts: number;
    agentsBefore: number;
    agentsAfter: number;
    serviceLevelBefore: number;
    serviceLevelAfter: number;
  }[];
};

/**
 * A training session: booked by a trainer or manager, or drafted by the Monday nightly step for
 * next week (`draft_week`, replaced on every re-run). Booked sessions take their attendees off
 * their queues for [starts_at, ends_at): coverage subtracts them.
 */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    category: text('category').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull(),
    startsAt: utc('starts_at').notNull(),
    endsAt: utc('ends_at').notNull(),
    capacity: smallint('capacity').notNull(),
    trainerUserId: uuid('trainer_user_id'),
    /** Sessions booked together as one plan of repeated sessions share this id. */
    planId: uuid('plan_id'),
    draftWeek: date('draft_week', { mode: 'string' }),
    impact: jsonb('impact').$type<StoredSessionImpact>().notNull(),
    lostContactsWithinTarget: doublePrecision('lost_contacts_within_target').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('training_sessions_shop_start').on(t.shopId, t.startsAt),
    index('training_sessions_shop_draft_week').on(t.shopId, t.draftWeek),
    check('training_sessions_status', sql`${t.status} in ('draft', 'booked')`),
    check('training_sessions_range', sql`${t.startsAt} < ${t.endsAt}`),
    check('training_sessions_capacity', sql`${t.capacity} > 0`),
    check('training_sessions_draft', sql`(${t.status} = 'draft') = (${t.draftWeek} is not null)`),
  ],
);

/** An agent placed in a session; attendance is recorded afterwards. */
export const trainingAttendees = pgTable(
  'training_attendees',
  {
    shopId: uuid('shop_id').notNull(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id),
    attendance: text('attendance').notNull().default('invited'),
    markedBy: uuid('marked_by'),
    markedAt: utc('marked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.agentId] }),
    index('training_attendees_shop_agent').on(t.shopId, t.agentId),
    check('training_attendees_attendance', sql`${t.attendance} in ('invited', 'attended', 'absent')`),
  ],
);

/**
 * An invitee the session could not take (off shift at the time, or no room without breaking the
 * service minimum): their team supervisor coaches them one to one and closes the task with a note.
 */
export const trainingMakeupTasks = pgTable(
  'training_makeup_tasks',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id),
    teamId: uuid('team_id').references(() => teams.id),
    supervisorAgentId: uuid('supervisor_agent_id'),
    category: text('category').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('open'),
    note: text('note'),
    closedBy: uuid('closed_by'),
    closedAt: utc('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('training_makeup_tasks_session_agent').on(t.sessionId, t.agentId),
    index('training_makeup_tasks_shop_status').on(t.shopId, t.status),
    index('training_makeup_tasks_shop_agent').on(t.shopId, t.agentId),
    check('training_makeup_tasks_reason', sql`${t.reason} in ('off_shift', 'not_placed')`),
    check('training_makeup_tasks_status', sql`${t.status} in ('open', 'done')`),
    check(
      'training_makeup_tasks_closed_note',
      sql`${t.status} <> 'done' or (${t.note} is not null and length(trim(${t.note})) > 0)`,
    ),
  ],
);
