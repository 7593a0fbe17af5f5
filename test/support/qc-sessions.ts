import { Db } from 'src/platform/db/db';
import type { TestApp } from './test-app';

export type QcFixture = {
  agentId: string;
  teammateId: string;
  otherTeamAgentId: string;
  teamId: string;
  otherTeamId: string;
  /** Sessions of the demo agent by index; see `seedQcDay` for which ones ended badly. */
  agentSessions: string[];
  teammateSessions: string[];
  otherTeamSessions: string[];
};

export const QC_SESSION_DATE = '2026-11-25';
export const QC_SAMPLE_DATE = '2026-11-26';
/** Local 2026-11-25 09:00 in Asia/Shanghai. */
const DAY_START = Date.parse('2026-11-25T01:00:00Z');

export const transcriptOf = (i: number) =>
  `客户：你好，这个能退款吗？\n客服：亲，七天无理由不包括这个哦，订单${i}\n客户：好吧`;

/**
 * One local day (2026-11-25, Asia/Shanghai) of chats for the demo shop: 30 for the demo agent
 * (every 6th rated 1, #1 complained about, #2 refunded, every 5th from #3 answered slowly), 5 for a
 * teammate, 3 for an agent of another team.
 */
export async function seedQcDay(t: TestApp): Promise<QcFixture> {
  const sql = t.app.get(Db).client;
  const shop = t.demoShopId;
  const [{ agent_id: agentId, team_id: teamId }] = await sql<{ agent_id: string; team_id: string }[]>`
    select u.agent_id, a.team_id from users u join agents a on a.id = u.agent_id where u.username = 'agent'`;
  const [{ id: teammateId }] = await sql<{ id: string }[]>`
    select id from agents where shop_id = ${shop} and team_id = ${teamId} and not is_supervisor and id <> ${agentId} order by employee_no limit 1`;
  const [{ id: otherTeamAgentId, team_id: otherTeamId }] = await sql<{ id: string; team_id: string }[]>`
    select id, team_id from agents where shop_id = ${shop} and team_id <> ${teamId} and not is_supervisor order by employee_no limit 1`;
  const [{ id: queueId }] = await sql<
    { id: string }[]
  >`select id from queues where shop_id = ${shop} and code = 'presales_chat'`;
  const insert = async (agent: string, prefix: string, count: number, bad: boolean) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const started = new Date(DAY_START + i * 10 * 60_000);
      const rating = bad && i % 6 === 0 ? 1 : 5;
      const firstResponse = bad && i % 5 === 3 ? 120 : 10;
      const [{ id }] = await sql<{ id: string }[]>`
        insert into chat_sessions (shop_id, external_id, queue_id, agent_id, customer_hash, started_at, ended_at, first_response_seconds, customer_messages, agent_messages, pre_sale, resolved, rating, transcript)
        values (${shop}, ${`${prefix}-${i}`}, ${queueId}, ${agent}, ${`cust-${prefix}-${i}`}, ${started.toISOString()}, ${new Date(started.getTime() + 5 * 60_000).toISOString()}, ${firstResponse}, 3, 3, true, true, ${rating}, ${transcriptOf(i)})
        returning id`;
      ids.push(id);
    }
    return ids;
  };
  const agentSessions = await insert(agentId, 'qa', 30, true);
  const teammateSessions = await insert(teammateId, 'qb', 5, false);
  const otherTeamSessions = await insert(otherTeamAgentId, 'qc', 3, false);
  await sql`
    insert into orders (shop_id, external_order_id, customer_hash, created_at, paid_at, refunded_at, amount_cents, refunded_cents, attributed_agent_id, attributed_session_id)
    values (${shop}, 'qc-order-1', 'cust-qa-2', '2026-11-25T05:00:00Z', '2026-11-25T05:01:00Z', '2026-11-25T09:00:00Z', 19900, 19900, ${agentId}, ${agentSessions[2]})`;
  await sql`
    insert into complaints (shop_id, channel, customer_hash, agent_id, agent_at_fault, category, severity, department, received_at, first_response_due_at, resolve_due_at)
    values (${shop}, 'chat', 'cust-qa-1', ${agentId}, true, 'service_attitude', 'high', 'service', '2026-11-25T08:00:00Z', '2026-11-25T09:00:00Z', '2026-11-28T16:00:00Z')`;
  return {
    agentId,
    teammateId,
    otherTeamAgentId,
    teamId,
    otherTeamId,
    agentSessions,
    teammateSessions,
    otherTeamSessions,
  };
}
