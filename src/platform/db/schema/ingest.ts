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
import { bytea, createdAt, id, updatedAt, utc } from './columns';
import { agents, shops, skills } from './org';

/** A stream of work: real-time (chat, phone) is answered in seconds, deferred (e-mail, reviews) by a deadline. */
export const queues = pgTable(
  'queues',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    channel: text('channel').notNull(),
    kind: text('kind').notNull(),
    chatConcurrency: smallint('chat_concurrency').notNull().default(1),
    defaultHandleSeconds: integer('default_handle_seconds').notNull(),
    serviceLevelPercent: smallint('service_level_percent').notNull().default(80),
    serviceLevelSeconds: integer('service_level_seconds').notNull().default(30),
    deadlineMinutes: integer('deadline_minutes'),
    patienceSeconds: integer('patience_seconds'),
    /** Chat only: measured slowdown by concurrency, [1, f(2), f(3), …] (handle time at k chats ÷ alone); null → the shop's linear factor. */
    chatSlowdown: jsonb('chat_slowdown').$type<number[]>(),
    requiredSkillId: uuid('required_skill_id').references(() => skills.id),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('queues_shop_code').on(t.shopId, t.code)],
);

/** Arrivals per slot; a slot is its UTC start and its length. */
export const volumeSlots = pgTable(
  'volume_slots',
  {
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id),
    slotStart: utc('slot_start').notNull(),
    slotMinutes: smallint('slot_minutes').notNull(),
    offered: integer('offered').notNull(),
    handled: integer('handled').notNull(),
    abandoned: integer('abandoned').notNull(),
    meanHandleSeconds: numeric('mean_handle_seconds', { precision: 10, scale: 2 }),
    importId: uuid('import_id'),
  },
  (t) => [
    primaryKey({ columns: [t.queueId, t.slotStart] }),
    index('volume_slots_shop_start').on(t.shopId, t.slotStart),
  ],
);

/** One customer conversation with one agent. The customer is kept only as a keyed hash. */
export const chatSessions = pgTable(
  'chat_sessions',
  {
    id: id(),
    shopId: uuid('shop_id').notNull(),
    externalId: text('external_id').notNull(),
    queueId: uuid('queue_id').notNull(),
    agentId: uuid('agent_id').notNull(),
    customerHash: text('customer_hash').notNull(),
    startedAt: utc('started_at').notNull(),
    endedAt: utc('ended_at').notNull(),
    firstResponseSeconds: numeric('first_response_seconds', { precision: 10, scale: 2 }),
    meanResponseSeconds: numeric('mean_response_seconds', { precision: 10, scale: 2 }),
    customerMessages: integer('customer_messages').notNull(),
    agentMessages: integer('agent_messages').notNull(),
    preSale: boolean('pre_sale').notNull(),
    resolved: boolean('resolved').notNull(),
    rating: smallint('rating'),
    transcript: text('transcript'),
    importId: uuid('import_id'),
  },
  (t) => [
    // Few indexes on purpose: each one costs every imported row. Attribution joins by hash over a
    // time range (shop_started), and per-agent figures are aggregated per day from the same index.
    uniqueIndex('chat_sessions_shop_external').on(t.shopId, t.externalId),
    index('chat_sessions_shop_started').on(t.shopId, t.startedAt),
    check('chat_sessions_rating', sql`${t.rating} between 1 and 5`),
  ],
);

/** Orders in integer cents; attributed to the agent of the customer's last pre-sale session in the window. */
export const orders = pgTable(
  'orders',
  {
    id: id(),
    shopId: uuid('shop_id').notNull(),
    externalOrderId: text('external_order_id').notNull(),
    customerHash: text('customer_hash').notNull(),
    createdAt: utc('created_at').notNull(),
    paidAt: utc('paid_at'),
    refundedAt: utc('refunded_at'),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    refundedCents: bigint('refunded_cents', { mode: 'number' }).notNull().default(0),
    outOfStock: boolean('out_of_stock').notNull().default(false),
    attributedAgentId: uuid('attributed_agent_id').references(() => agents.id),
    attributedSessionId: uuid('attributed_session_id'),
    importId: uuid('import_id'),
  },
  (t) => [
    uniqueIndex('orders_shop_external').on(t.shopId, t.externalOrderId),
    index('orders_shop_created').on(t.shopId, t.createdAt),
    check('orders_refund_not_above_amount', sql`${t.refundedCents} <= ${t.amountCents}`),
  ],
);

/** Who imported what, when, and how it went. */
export const imports = pgTable(
  'imports',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    mode: text('mode').notNull(),
    checksum: text('checksum').notNull(),
    status: text('status').notNull(),
    rows: integer('rows').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    errors: jsonb('errors').$type<unknown[]>().notNull().default([]),
    jobRunId: uuid('job_run_id'),
    /**
     * Where a large upload waits for its job (removed once imported): `postgres:<upload id>` for one
     * kept in `import_upload_chunks`, else a path in the embedded server's own upload folder.
     */
    storedFile: text('stored_file'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    finishedAt: utc('finished_at'),
  },
  (t) => [index('imports_shop_created').on(t.shopId, t.createdAt)],
);

/**
 * Uploads waiting for their import job, in pieces of up to 1 MiB, so a worker on any host can read
 * them (streamed in and out a piece at a time, never the whole file in memory). Pieces of an
 * upload no import needs any more are removed with the import's end or by the hourly sweep.
 */
export const importUploadChunks = pgTable(
  'import_upload_chunks',
  {
    uploadId: uuid('upload_id').notNull(),
    seq: integer('seq').notNull(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.seq] })],
);
