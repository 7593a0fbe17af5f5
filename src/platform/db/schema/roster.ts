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
import { shops } from './org';

/** A break rule of a shift template, as the solver reads it (minutes from the shift start). */
export type StoredBreakRule = {
  name: string;
  minutes: number;
  minShiftMinutes: number;
  earliestStartAfterMinutes: number;
  latestStartAfterMinutes: number;
  paid?: boolean;
};

/**
 * A shift template of a shop (early, late, night …): a fixed start or a start window, in local
 * clock minutes. Archived, never deleted: stored rosters keep pointing at it.
 */
export const shiftTemplates = pgTable(
  'shift_templates',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    startMinutes: smallint('start_minutes'),
    startEarliest: smallint('start_earliest'),
    startLatest: smallint('start_latest'),
    lengthMinutes: smallint('length_minutes').notNull(),
    breaks: jsonb('breaks').$type<StoredBreakRule[]>().notNull().default([]),
    late: boolean('late').notNull().default(false),
    colour: text('colour').notNull(),
    archivedAt: utc('archived_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('shift_templates_shop_code').on(t.shopId, t.code),
    check(
      'shift_templates_start',
      sql`(${t.startMinutes} is null) <> (${t.startEarliest} is null and ${t.startLatest} is null)`,
    ),
  ],
);

/**
 * One week's roster of a shop (some or all teams). The solve's inputs (the solver problem as
 * built) are kept so manual edits are checked against the same rules it was solved under.
 * `revision` counts every change: edits carry the one they read (optimistic concurrency).
 */
export const rosters = pgTable(
  'rosters',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    teamIds: jsonb('team_ids').$type<string[]>().notNull().default([]),
    demand: text('demand').notNull(),
    timeLimitSeconds: smallint('time_limit_seconds').notNull(),
    status: text('status').notNull(),
    error: text('error'),
    problem: jsonb('problem').$type<Record<string, unknown>>(),
    solve: jsonb('solve').$type<Record<string, unknown>>(),
    warnings: jsonb('warnings').$type<(string | { en: string; zh: string })[]>().notNull().default([]),
    revision: integer('revision').notNull().default(0),
    jobRunId: uuid('job_run_id'),
    /** A manager asked the running solve to stop and keep its best roster so far. */
    stopRequestedAt: utc('stop_requested_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('rosters_shop_week').on(t.shopId, t.weekStart),
    check('rosters_status', sql`${t.status} in ('queued', 'running', 'completed', 'failed')`),
  ],
);

/**
 * A numbered version of a roster: a draft changes in place; a published one never changes again.
 * Once a later publication of the same week has taken over all its agents it is `superseded`
 * (kept as history, pointing at the version that took the last of them).
 */
/** A warning on a draft version: the agent and local date it is about, its kind, and its text in both languages. */
export type DraftWarning = {
  kind: 'replaced' | 'not-carried';
  agentId: string;
  date: string;
  message: { en: string; zh: string };
  /** Set when a manager dismissed it (read, dealt with): kept as history, no longer shown. */
  dismissedAt?: string;
  dismissedBy?: string;
};

export const rosterVersions = pgTable(
  'roster_versions',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    rosterId: uuid('roster_id')
      .notNull()
      .references(() => rosters.id, { onDelete: 'cascade' }),
    version: smallint('version').notNull(),
    status: text('status').notNull(),
    /** The solver's evaluation: objective by term, coverage per slot and per day, rule violations. */
    evaluation: jsonb('evaluation').$type<Record<string, unknown>>().notNull(),
    /** Who made this version: the planner who generated the roster, or whoever's edit (or accepted change) started the draft. */
    createdBy: uuid('created_by'),
    publishedAt: utc('published_at'),
    publishedBy: uuid('published_by'),
    supersededAt: utc('superseded_at'),
    supersededBy: uuid('superseded_by'),
    /** Why this version exists, when a change made it rather than a planner (e.g. an accepted intraday suggestion). */
    note: text('note'),
    /**
     * What changed in this draft behind its author's back: a self-service change (time off, swap,
     * open shift) published beside it and carried into it, where it replaced the draft's own shift
     * or could not be carried (naming agent, date and why, in both languages).
     */
    warnings: jsonb('warnings').$type<DraftWarning[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('roster_versions_roster_version').on(t.rosterId, t.version),
    check('roster_versions_status', sql`${t.status} in ('draft', 'published', 'superseded')`),
  ],
);

/**
 * One truth per week: for each agent and roster week, the published version that says what the
 * agent works (the newest publication that rostered the agent). Everything that reads published
 * rosters (own shifts, KPI worked minutes, training placement, the next week's carry-over) joins it.
 */
export const rosterPublications = pgTable(
  'roster_publications',
  {
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    agentId: uuid('agent_id').notNull(),
    rosterId: uuid('roster_id')
      .notNull()
      .references(() => rosters.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => rosterVersions.id, { onDelete: 'cascade' }),
    publishedAt: utc('published_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.weekStart, t.agentId] }),
    index('roster_publications_version').on(t.versionId),
  ],
);

/** One agent's shift on one local day of a version, with its UTC span and breaks (UTC starts). */
export const rosterShifts = pgTable(
  'roster_shifts',
  {
    shopId: uuid('shop_id').notNull(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => rosterVersions.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id').notNull(),
    day: smallint('day').notNull(),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    shiftTemplateId: uuid('shift_template_id').notNull(),
    startMinutes: smallint('start_minutes').notNull(),
    lengthMinutes: smallint('length_minutes').notNull(),
    skill: text('skill'),
    startsAt: utc('starts_at').notNull(),
    endsAt: utc('ends_at').notNull(),
    breaks: jsonb('breaks')
      .$type<{ name: string; startMinutes: number; minutes: number; offsetMinutes?: number }[]>()
      .notNull()
      .default([]),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.agentId, t.day] }),
    index('roster_shifts_shop_agent_start').on(t.shopId, t.agentId, t.startsAt),
  ],
);
