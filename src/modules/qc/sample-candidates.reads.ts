import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import type { Candidate, Outcome } from './engine/daily-sample';

export type OutcomeRules = { lowRatingMax: number; slowFirstResponseSeconds: number };

/**
 * The day's sessions to sample from, with their bad outcomes: read from ingest's sessions and
 * orders and the complaints module's complaints.
 */
@Injectable()
export class SampleCandidateReads {
  constructor(private readonly db: Db) {}

  /**
   * Sessions started in [from, to) with their outcomes, in one statement: a low rating, a slow first
   * answer, a refund on an order attributed to the session (orders come within two days of it), a
   * complaint by the same customer against the same agent within a week of the session.
   */
  async candidates(shopId: string, fromDate: Date, toDate: Date, rules: OutcomeRules): Promise<Candidate[]> {
    const [from, to] = [fromDate.toISOString(), toDate.toISOString()];
    const rows = await this.db.q.execute<{
      id: string;
      agent_id: string;
      started_at: Date | string;
      low: boolean;
      slow: boolean;
      refund: boolean;
      complaint: boolean;
    }>(sql`
      with day as (
        select id, agent_id, customer_hash, started_at, ended_at, rating, first_response_seconds
        from chat_sessions where shop_id = ${shopId} and started_at >= ${from}::timestamptz and started_at < ${to}::timestamptz
      ),
      refunded as (
        select distinct attributed_session_id as session_id from orders
        where shop_id = ${shopId} and created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz + interval '2 days'
          and refunded_cents > 0 and attributed_session_id is not null
      ),
      complained as (
        select distinct d.id as session_id from day d
        join complaints c on c.shop_id = ${shopId} and c.agent_id = d.agent_id and c.customer_hash = d.customer_hash
          and c.received_at >= d.started_at and c.received_at < d.ended_at + interval '7 days'
      )
      select d.id, d.agent_id, d.started_at,
        coalesce(d.rating <= ${rules.lowRatingMax}, false) as low,
        coalesce(d.first_response_seconds > ${rules.slowFirstResponseSeconds}, false) as slow,
        r.session_id is not null as refund,
        c.session_id is not null as complaint
      from day d left join refunded r on r.session_id = d.id left join complained c on c.session_id = d.id`);
    return rows.map((r) => {
      const outcomes: Outcome[] = [];
      if (r.low) outcomes.push('lowRating');
      if (r.complaint) outcomes.push('complaint');
      if (r.refund) outcomes.push('refund');
      if (r.slow) outcomes.push('slowResponse');
      return { sessionId: r.id, agentId: r.agent_id, startedAt: new Date(r.started_at), outcomes };
    });
  }
}
