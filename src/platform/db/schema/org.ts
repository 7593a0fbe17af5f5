import {
  boolean,
  check,
  date,
  index,
  integer,
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

/** Contract minutes a leave stands for on one local date (the paid minutes of the shift it freed there). */
export type LeaveCredit = { date: string; minutes: number };

/** The tenant. Everything else carries shop_id. */
export const shops = pgTable(
  'shops',
  {
    id: id(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    slotMinutes: smallint('slot_minutes').notNull(),
    currency: text('currency').notNull(),
    language: text('language').notNull().default('zh'),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('shops_slot_minutes', sql`${t.slotMinutes} in (15, 30)`)],
);

export const skills = pgTable(
  'skills',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('skills_shop_code').on(t.shopId, t.code)],
);

export const teams = pgTable(
  'teams',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    name: text('name').notNull(),
    /** An agent record with is_supervisor; supervisors are scheduled like everyone else. */
    supervisorAgentId: uuid('supervisor_agent_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('teams_shop_name').on(t.shopId, t.name)],
);

export const agents = pgTable(
  'agents',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    employeeNo: text('employee_no').notNull(),
    name: text('name').notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    roleGroup: text('role_group').notNull(),
    isSupervisor: boolean('is_supervisor').notNull().default(false),
    active: boolean('active').notNull().default(true),
    hireDate: date('hire_date', { mode: 'string' }).notNull(),
    employmentType: text('employment_type').notNull(),
    minWeekMinutes: integer('min_week_minutes').notNull(),
    maxWeekMinutes: integer('max_week_minutes').notNull(),
    maxDaysPerWeek: smallint('max_days_per_week').notNull(),
    minRestHours: smallint('min_rest_hours').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('agents_shop_employee_no').on(t.shopId, t.employeeNo),
    index('agents_shop_team').on(t.shopId, t.teamId),
    check('agents_week_minutes', sql`${t.minWeekMinutes} <= ${t.maxWeekMinutes}`),
  ],
);

export const agentSkills = pgTable(
  'agent_skills',
  {
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skills.id),
    proficiency: smallint('proficiency').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.skillId] }), index('agent_skills_shop').on(t.shopId)],
);

/**
 * Leave: the local calendar dates it touches (inclusive, for lists and allowances) and the instants
 * it covers (`starts_at`–`ends_at`, half-open UTC; a whole day is the shop-local day 00:00–24:00).
 * No shift may overlap the instants. `credit` is the contract minutes it stands for, by the local
 * date of the shift it freed; null for leave planned before rostering (a working day's share a day).
 */
export const leaves = pgTable(
  'leaves',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    startsAt: utc('starts_at').notNull(),
    endsAt: utc('ends_at').notNull(),
    credit: jsonb('credit').$type<LeaveCredit[]>(),
    /**
     * The roster versions its approval published (each roster's version before and after): what it
     * took off or cut, so cancelling it can give those shifts back.
     */
    published: jsonb('published').$type<{ rosterId: string; from: number; to: number }[]>().notNull().default([]),
    status: text('status').notNull(),
    reason: text('reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: utc('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('leaves_shop_agent').on(t.shopId, t.agentId),
    check('leaves_range', sql`${t.startDate} <= ${t.endDate}`),
    check('leaves_instants', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/** Times an agent cannot or prefers (not) to work, by weekday or on one date, in local clock time. */
export const availability = pgTable(
  'availability',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    weekday: smallint('weekday'),
    onDate: date('on_date', { mode: 'string' }),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    weight: smallint('weight').notNull().default(1),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('availability_shop_agent').on(t.shopId, t.agentId),
    check('availability_when', sql`(${t.weekday} is null) <> (${t.onDate} is null)`),
  ],
);
