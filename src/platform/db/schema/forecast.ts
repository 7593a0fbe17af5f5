import {
  boolean,
  check,
  date,
  doublePrecision,
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
import { createdAt, id, utc } from './columns';
import { queues } from './ingest';
import { shops } from './org';

/**
 * One forecast of one queue: what was asked (method, local dates), what the engine chose, and its
 * backtest. Nightly refreshes carry their night's date, one version per (queue, night).
 */
export const forecastVersions = pgTable(
  'forecast_versions',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id),
    methodRequested: text('method_requested').notNull(),
    methodChosen: text('method_chosen'),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    horizonDays: smallint('horizon_days').notNull(),
    status: text('status').notNull(),
    error: text('error'),
    /** The backtest without its points, plus the WAPE of every candidate method. */
    backtest: jsonb('backtest').$type<Record<string, unknown>>(),
    nightlyDate: date('nightly_date', { mode: 'string' }),
    jobRunId: uuid('job_run_id'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    completedAt: utc('completed_at'),
  },
  (t) => [
    index('forecast_versions_shop_queue_created').on(t.shopId, t.queueId, t.createdAt),
    uniqueIndex('forecast_versions_queue_night').on(t.queueId, t.nightlyDate),
    check('forecast_versions_horizon', sql`${t.horizonDays} between 1 and 56`),
  ],
);

/** The model's value per slot of a version, with its prediction interval. */
export const forecastSlots = pgTable(
  'forecast_slots',
  {
    shopId: uuid('shop_id').notNull(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => forecastVersions.id, { onDelete: 'cascade' }),
    slotStart: utc('slot_start').notNull(),
    slotMinutes: smallint('slot_minutes').notNull(),
    forecast: doublePrecision('forecast').notNull(),
    lower: doublePrecision('lower').notNull(),
    upper: doublePrecision('upper').notNull(),
    closed: boolean('closed').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.slotStart] })],
);

/** A planner's change over a time range of a queue, applied to every version when read. */
export const forecastAdjustments = pgTable(
  'forecast_adjustments',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id),
    startsAt: utc('starts_at').notNull(),
    endsAt: utc('ends_at').notNull(),
    kind: text('kind').notNull(),
    value: doublePrecision('value').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    deletedBy: uuid('deleted_by'),
    deletedAt: utc('deleted_at'),
  },
  (t) => [
    index('forecast_adjustments_shop_queue_range').on(t.shopId, t.queueId, t.startsAt),
    check('forecast_adjustments_range', sql`${t.startsAt} < ${t.endsAt}`),
    check('forecast_adjustments_kind', sql`${t.kind} in ('percent', 'absolute')`),
  ],
);

/**
 * The shop's calendar: promotion days and holidays (with the planner's expected multiplier) and
 * days a queue is closed. No queue means every queue of the shop.
 */
export const forecastEvents = pgTable(
  'forecast_events',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    queueId: uuid('queue_id').references(() => queues.id),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    label: text('label'),
    multiplier: doublePrecision('multiplier'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('forecast_events_shop_date').on(t.shopId, t.date),
    check('forecast_events_kind', sql`${t.kind} in ('promotion', 'holiday', 'closed')`),
  ],
);

/**
 * The rest of one local day of a queue re-forecast from the arrivals so far, beside the day-ahead
 * version it started from: one row per (queue, day), replaced by every update.
 */
export const intradayForecasts = pgTable(
  'intraday_forecasts',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    baseVersionId: uuid('base_version_id')
      .notNull()
      .references(() => forecastVersions.id, { onDelete: 'cascade' }),
    /** End of the last slot whose arrivals were counted: the updated forecast starts here. */
    asOf: utc('as_of').notNull(),
    observed: doublePrecision('observed').notNull(),
    expected: doublePrecision('expected').notNull(),
    weight: doublePrecision('weight').notNull(),
    level: doublePrecision('level').notNull(),
    recent: doublePrecision('recent').notNull(),
    params: jsonb('params').$type<Record<string, number>>().notNull(),
    /** When the facts were read: an update computed from older facts never replaces a newer one. */
    factsReadAt: utc('facts_read_at').notNull(),
    updates: integer('updates').notNull().default(1),
    jobRunId: uuid('job_run_id'),
    updatedAt: utc('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('intraday_forecasts_queue_day').on(t.queueId, t.localDate),
    index('intraday_forecasts_shop_day').on(t.shopId, t.localDate),
  ],
);

/** Per remaining slot of the day: the day-ahead value (planner adjustments applied) and the update. */
export const intradayForecastSlots = pgTable(
  'intraday_forecast_slots',
  {
    shopId: uuid('shop_id').notNull(),
    intradayId: uuid('intraday_id')
      .notNull()
      .references(() => intradayForecasts.id, { onDelete: 'cascade' }),
    slotStart: utc('slot_start').notNull(),
    slotMinutes: smallint('slot_minutes').notNull(),
    dayAhead: doublePrecision('day_ahead').notNull(),
    forecast: doublePrecision('forecast').notNull(),
  },
  (t) => [primaryKey({ columns: [t.intradayId, t.slotStart] })],
);
