import type { Sql } from 'postgres';

/** Hand-made facts for KPI tests, written straight into the fact tables. */
export type SessionFact = {
  agentId: string;
  customer: string;
  startedAt: string;
  endedAt?: string;
  preSale?: boolean;
  resolved?: boolean;
  firstResponse?: number | null;
  meanResponse?: number | null;
  customerMessages?: number;
  agentMessages?: number;
  rating?: number | null;
  importId?: string | null;
};

export type OrderFact = {
  customer: string;
  createdAt: string;
  paidAt?: string | null;
  refundedAt?: string | null;
  amountCents: number;
  refundedCents?: number;
  outOfStock?: boolean;
  agentId?: string | null;
  sessionId?: string | null;
  importId?: string | null;
};

let counter = 0;
const QUEUE = '00000000-0000-4000-8000-000000000001';

export async function insertSession(sql: Sql, shopId: string, s: SessionFact): Promise<string> {
  counter += 1;
  const ended = s.endedAt ?? new Date(new Date(s.startedAt).getTime() + 10 * 60_000).toISOString();
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO chat_sessions (shop_id, external_id, queue_id, agent_id, customer_hash, started_at, ended_at, first_response_seconds, mean_response_seconds,
      customer_messages, agent_messages, pre_sale, resolved, rating, import_id)
    VALUES (${shopId}, ${`S-${counter}-${Date.now()}`}, ${QUEUE}, ${s.agentId}, ${s.customer}, ${s.startedAt}, ${ended},
      ${s.firstResponse === undefined ? 10 : s.firstResponse}, ${s.meanResponse === undefined ? 20 : s.meanResponse},
      ${s.customerMessages ?? 2}, ${s.agentMessages ?? 2}, ${s.preSale ?? true}, ${s.resolved ?? false}, ${s.rating ?? null}, ${s.importId ?? null})
    RETURNING id`;
  return row.id;
}

export async function insertOrder(sql: Sql, shopId: string, o: OrderFact): Promise<string> {
  counter += 1;
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO orders (shop_id, external_order_id, customer_hash, created_at, paid_at, refunded_at, amount_cents, refunded_cents, out_of_stock, attributed_agent_id, attributed_session_id, import_id)
    VALUES (${shopId}, ${`O-${counter}-${Date.now()}`}, ${o.customer}, ${o.createdAt}, ${o.paidAt ?? null}, ${o.refundedAt ?? null}, ${o.amountCents}, ${o.refundedCents ?? 0},
      ${o.outOfStock ?? false}, ${o.agentId ?? null}, ${o.sessionId ?? null}, ${o.importId ?? null})
    RETURNING id`;
  return row.id;
}

export async function insertComplaint(
  sql: Sql,
  shopId: string,
  agentId: string | null,
  receivedAt: string,
  atFault: boolean,
): Promise<void> {
  await sql`
    INSERT INTO complaints (shop_id, channel, customer_hash, agent_id, agent_at_fault, category, severity, department, received_at, first_response_due_at, resolve_due_at)
    VALUES (${shopId}, 'chat', 'cx', ${agentId}, ${atFault}, 'service_attitude', 'medium', 'service', ${receivedAt}, ${receivedAt}, ${receivedAt})`;
}

export async function insertQcReview(
  sql: Sql,
  shopId: string,
  agentId: string,
  sessionStartedAt: string,
  score: number,
  status: 'draft' | 'submitted',
  sessionId?: string,
): Promise<void> {
  const [rubric] = await sql<{ id: string }[]>`
    INSERT INTO qc_rubric_versions (shop_id, version, name) VALUES (${shopId}, 1, 'kpi test') ON CONFLICT (shop_id, version) DO UPDATE SET name = excluded.name RETURNING id`;
  counter += 1;
  await sql`
    INSERT INTO qc_reviews (shop_id, session_id, agent_id, session_started_at, reviewer_user_id, rubric_version_id, total_score, status)
    VALUES (${shopId}, coalesce(${sessionId ?? null}::uuid, gen_random_uuid()), ${agentId}, ${sessionStartedAt}, gen_random_uuid(), ${rubric.id}, ${score}, ${status})`;
}
