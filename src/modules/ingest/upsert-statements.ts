import type { ImportKindName } from './kinds/import-kind';

/**
 * Staging → table, one statement per kind, keyed by the natural key. A row that did not change is
 * not touched (so re-importing a file changes nothing), and the counts tell inserted from updated.
 * Parameters: $1 shop id, $2 import id.
 */
const counted = (insert: string) => `WITH up AS (${insert} RETURNING (xmax = 0) AS inserted)
SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`;

const changed = (table: string, columns: string[]) =>
  `(${columns.map((c) => `${table}.${c}`).join(', ')}) IS DISTINCT FROM (${columns.map((c) => `excluded.${c}`).join(', ')})`;
const assign = (columns: string[]) => columns.map((c) => `${c} = excluded.${c}`).join(', ');

const sessionColumns = [
  'queue_id',
  'agent_id',
  'customer_hash',
  'started_at',
  'ended_at',
  'first_response_seconds',
  'mean_response_seconds',
  'customer_messages',
  'agent_messages',
  'pre_sale',
  'resolved',
  'rating',
  'transcript',
];
const orderColumns = [
  'customer_hash',
  'created_at',
  'paid_at',
  'refunded_at',
  'amount_cents',
  'refunded_cents',
  'out_of_stock',
];
const volumeColumns = ['slot_minutes', 'offered', 'handled', 'abandoned', 'mean_handle_seconds'];
const queueColumns = [
  'name',
  'channel',
  'kind',
  'chat_concurrency',
  'default_handle_seconds',
  'service_level_percent',
  'service_level_seconds',
  'deadline_minutes',
  'patience_seconds',
  'required_skill_id',
];

export const upsertStatement: Record<ImportKindName, string> = {
  sessions: counted(`INSERT INTO chat_sessions (id, shop_id, external_id, ${sessionColumns.join(', ')}, import_id)
    SELECT id, $1, external_id, ${sessionColumns.join(', ')}, $2 FROM staging
    ON CONFLICT (shop_id, external_id) DO UPDATE SET ${assign(sessionColumns)}, import_id = excluded.import_id
    WHERE ${changed('chat_sessions', sessionColumns)}`),
  orders: counted(`INSERT INTO orders (id, shop_id, external_order_id, ${orderColumns.join(', ')}, import_id)
    SELECT id, $1, external_order_id, ${orderColumns.join(', ')}, $2 FROM staging
    ON CONFLICT (shop_id, external_order_id) DO UPDATE SET ${assign(orderColumns)}, import_id = excluded.import_id
    WHERE ${changed('orders', orderColumns)}`),
  volume: counted(`INSERT INTO volume_slots (shop_id, queue_id, slot_start, ${volumeColumns.join(', ')}, import_id)
    SELECT $1, queue_id, slot_start, ${volumeColumns.join(', ')}, $2 FROM staging
    ON CONFLICT (queue_id, slot_start) DO UPDATE SET ${assign(volumeColumns)}, import_id = excluded.import_id
    WHERE ${changed('volume_slots', volumeColumns)}`),
  queues: counted(`INSERT INTO queues (shop_id, code, ${queueColumns.join(', ')})
    SELECT $1, code, ${queueColumns.join(', ')} FROM staging WHERE $2::uuid IS NOT NULL
    ON CONFLICT (shop_id, code) DO UPDATE SET ${assign(queueColumns)}, updated_at = now()
    WHERE ${changed('queues', queueColumns)}`),
  'agent-states': counted(`INSERT INTO agent_states (shop_id, agent_id, started_at, ended_at, state, import_id)
    SELECT $1, agent_id, started_at, ended_at, state, $2 FROM staging
    ON CONFLICT (shop_id, agent_id, started_at) DO UPDATE SET ended_at = excluded.ended_at, state = excluded.state, import_id = excluded.import_id
    WHERE (agent_states.ended_at, agent_states.state) IS DISTINCT FROM (excluded.ended_at, excluded.state)`),
  ratings: `WITH up AS (
      UPDATE chat_sessions c SET rating = s.rating FROM staging s
      WHERE c.shop_id = $1 AND c.external_id = s.session_external_id AND c.rating IS DISTINCT FROM s.rating AND $2::uuid IS NOT NULL
      RETURNING 1)
    SELECT 0 AS inserted, count(*)::int AS updated FROM up`,
};

/**
 * Orders to the agent of the customer's last pre-sale session before the order, if the order came
 * before 24:00 (shop time) of the inquiry day plus the window. Set-based for orders in a range:
 * sessions of the reachable time span are joined by customer hash (a hash join; no per-customer
 * index is kept on sessions). Parameters: $1 shop, $2 zone, $3 window days, $4..$5 order range.
 */
export const attributionStatement = `
WITH candidate AS (
  SELECT DISTINCT ON (o.id) o.id AS order_id, s.agent_id, s.id AS session_id
  FROM orders o
  JOIN chat_sessions s ON s.shop_id = o.shop_id AND s.customer_hash = o.customer_hash AND s.pre_sale
    AND s.started_at <= o.created_at
    AND s.started_at >= $4::timestamptz - make_interval(days => $3::int + 2)
    AND o.created_at < ((((s.started_at AT TIME ZONE $2)::date + ($3::int + 1))::timestamp) AT TIME ZONE $2)
  WHERE o.shop_id = $1 AND o.created_at >= $4::timestamptz AND o.created_at <= $5::timestamptz
  ORDER BY o.id, s.started_at DESC
), matched AS (
  SELECT o.id AS order_id, c.agent_id, c.session_id
  FROM orders o LEFT JOIN candidate c ON c.order_id = o.id
  WHERE o.shop_id = $1 AND o.created_at >= $4::timestamptz AND o.created_at <= $5::timestamptz
), changed AS (
  UPDATE orders o SET attributed_agent_id = m.agent_id, attributed_session_id = m.session_id
  FROM matched m
  WHERE o.id = m.order_id AND (o.attributed_agent_id, o.attributed_session_id) IS DISTINCT FROM (m.agent_id, m.session_id)
  RETURNING 1
)
SELECT count(*)::int AS changed FROM changed`;
