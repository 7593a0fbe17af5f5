import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, utc } from './columns';
import { shops } from './org';

/**
 * Excel exports: requested, built by the `export.build` job, downloaded. The file is kept in the
 * database so any API replica can serve what any worker built.
 */
export const exportFiles = pgTable(
  'export_files',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    lang: text('lang').notNull(),
    status: text('status').notNull(),
    /** Who asked, with the role they asked as: the builder scopes the data as it would for them. */
    requestedBy: uuid('requested_by').notNull(),
    requestedRole: text('requested_role').notNull(),
    requestedAgentId: uuid('requested_agent_id'),
    jobRunId: uuid('job_run_id'),
    fileName: text('file_name'),
    sizeBytes: integer('size_bytes'),
    content: bytea('content'),
    error: text('error'),
    createdAt: createdAt(),
    finishedAt: utc('finished_at'),
  },
  (t) => [index('export_files_shop_created').on(t.shopId, t.createdAt)],
);
