import type { ImportKindName, StagedValue } from './kinds/import-kind';

/** Column lists of each kind's staging table, in the order ImportKind.stage returns values. */
export const stagingColumns: Record<ImportKindName, [string, string][]> = {
  queues: [
    ['code', 'text'],
    ['name', 'text'],
    ['channel', 'text'],
    ['kind', 'text'],
    ['chat_concurrency', 'smallint'],
    ['default_handle_seconds', 'integer'],
    ['service_level_percent', 'smallint'],
    ['service_level_seconds', 'integer'],
    ['deadline_minutes', 'integer'],
    ['patience_seconds', 'integer'],
    ['required_skill_id', 'uuid'],
  ],
  volume: [
    ['queue_id', 'uuid'],
    ['slot_start', 'timestamptz'],
    ['slot_minutes', 'smallint'],
    ['offered', 'integer'],
    ['handled', 'integer'],
    ['abandoned', 'integer'],
    ['mean_handle_seconds', 'numeric'],
  ],
  sessions: [
    ['id', 'uuid'],
    ['external_id', 'text'],
    ['queue_id', 'uuid'],
    ['agent_id', 'uuid'],
    ['customer_hash', 'text'],
    ['started_at', 'timestamptz'],
    ['ended_at', 'timestamptz'],
    ['first_response_seconds', 'numeric'],
    ['mean_response_seconds', 'numeric'],
    ['customer_messages', 'integer'],
    ['agent_messages', 'integer'],
    ['pre_sale', 'boolean'],
    ['resolved', 'boolean'],
    ['rating', 'smallint'],
    ['transcript', 'text'],
  ],
  orders: [
    ['id', 'uuid'],
    ['external_order_id', 'text'],
    ['customer_hash', 'text'],
    ['created_at', 'timestamptz'],
    ['paid_at', 'timestamptz'],
    ['refunded_at', 'timestamptz'],
    ['amount_cents', 'bigint'],
    ['refunded_cents', 'bigint'],
    ['out_of_stock', 'boolean'],
  ],
  ratings: [
    ['session_external_id', 'text'],
    ['rating', 'smallint'],
  ],
  'agent-states': [
    ['agent_id', 'uuid'],
    ['state', 'text'],
    ['started_at', 'timestamptz'],
    ['ended_at', 'timestamptz'],
  ],
};

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const NEEDS_ESCAPE_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyField(v: StagedValue): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  // Most cells need no escaping: test once, replace only when needed.
  return NEEDS_ESCAPE.test(v) ? v.replace(NEEDS_ESCAPE_ALL, (c) => ESCAPES[c]) : v;
}

/** One line of PostgreSQL's COPY text format. */
export const copyLine = (rowNumber: number, values: StagedValue[]) =>
  `${rowNumber}\t${values.map(copyField).join('\t')}\n`;
