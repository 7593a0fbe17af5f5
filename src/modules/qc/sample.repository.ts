import { Injectable } from '@nestjs/common';
import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { qcSampleRuns, qcSamples } from 'src/platform/db/schema';
import type { Candidate, Outcome, SampledSession } from './engine/daily-sample';

export type OutcomeRules = { lowRatingMax: number; slowFirstResponseSeconds: number };
export type SampleRun = typeof qcSampleRuns.$inferSelect;
export type StoredSample = typeof qcSamples.$inferSelect & { reviewed: boolean };

/** The day's sessions with their bad outcomes, and the samples drawn from them. */
@Injectable()
export class SampleRepository {
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

  /** Sessions of [from, to) already sampled on another day. */
  async sampledElsewhere(shopId: string, fromDate: Date, toDate: Date, sampleDate: string): Promise<string[]> {
    const [from, to] = [fromDate.toISOString(), toDate.toISOString()];
    const rows = await this.db.q.execute<{ session_id: string }>(sql`
      select session_id from qc_samples
      where shop_id = ${shopId} and session_started_at >= ${from}::timestamptz and session_started_at < ${to}::timestamptz and sample_date <> ${sampleDate}::date`);
    return rows.map((r) => r.session_id);
  }

  /** One draw per shop at a time: a manual run and the night's cannot interleave. */
  async lock(shopId: string): Promise<void> {
    await this.db.q.execute(sql`select pg_advisory_xact_lock(hashtext(${`qc-sample:${shopId}`}))`);
  }

  /** The run of (shop, day), created or refreshed; a re-run keeps its id so kept samples stay attached. */
  async upsertRun(values: typeof qcSampleRuns.$inferInsert): Promise<SampleRun> {
    const [row] = await this.db.q
      .insert(qcSampleRuns)
      .values(values)
      .onConflictDoUpdate({
        target: [qcSampleRuns.shopId, qcSampleRuns.sampleDate],
        set: {
          seed: values.seed,
          settings: values.settings,
          sessionDate: values.sessionDate,
          jobRunId: values.jobRunId,
          mix: [],
          updatedAt: sql`now()`,
        },
      })
      .returning();
    return row;
  }

  /** Drops the run's samples nobody has reviewed yet; returns the reviewed ones, which stay. */
  async resetRun(shopId: string, runId: string): Promise<{ sessionId: string; agentId: string }[]> {
    const reviewed = sql`exists (select 1 from qc_reviews r where r.sample_id = "qc_samples"."id")`;
    await this.db.q
      .delete(qcSamples)
      .where(and(eq(qcSamples.shopId, shopId), eq(qcSamples.runId, runId), sql`not ${reviewed}`));
    return this.db.q
      .select({ sessionId: qcSamples.sessionId, agentId: qcSamples.agentId })
      .from(qcSamples)
      .where(and(eq(qcSamples.shopId, shopId), eq(qcSamples.runId, runId)));
  }

  async insertSamples(
    shopId: string,
    run: SampleRun,
    samples: SampledSession[],
    positionOffset: ReadonlyMap<string, number>,
  ): Promise<void> {
    for (let i = 0; i < samples.length; i += 2_000) {
      await this.db.q.insert(qcSamples).values(
        samples.slice(i, i + 2_000).map((s) => ({
          shopId,
          runId: run.id,
          sampleDate: run.sampleDate,
          agentId: s.agentId,
          sessionId: s.sessionId,
          sessionStartedAt: s.startedAt,
          weight: s.weight,
          inclusionProbability: s.inclusionProbability,
          reason: s.reason,
          outcomes: s.outcomes,
          position: s.position + (positionOffset.get(s.agentId) ?? 0),
        })),
      );
    }
  }

  async saveMix(runId: string, mix: unknown[]): Promise<void> {
    await this.db.q
      .update(qcSampleRuns)
      .set({ mix, updatedAt: sql`now()` })
      .where(eq(qcSampleRuns.id, runId));
  }

  async findRun(shopId: string, sampleDate: string): Promise<SampleRun | undefined> {
    const [row] = await this.db.q
      .select()
      .from(qcSampleRuns)
      .where(and(eq(qcSampleRuns.shopId, shopId), eq(qcSampleRuns.sampleDate, sampleDate)))
      .limit(1);
    return row;
  }

  async list(shopId: string, sampleDate: string, agentIds?: string[]): Promise<StoredSample[]> {
    if (agentIds && !agentIds.length) return [];
    return this.db.q
      .select({
        ...getTableColumns(qcSamples),
        reviewed: sql<boolean>`exists (select 1 from qc_reviews r where r.sample_id = "qc_samples"."id")`,
      })
      .from(qcSamples)
      .where(
        and(
          eq(qcSamples.shopId, shopId),
          eq(qcSamples.sampleDate, sampleDate),
          agentIds ? inArray(qcSamples.agentId, agentIds) : undefined,
        ),
      )
      .orderBy(asc(qcSamples.agentId), asc(qcSamples.position));
  }

  async findBySession(shopId: string, sessionId: string): Promise<typeof qcSamples.$inferSelect | undefined> {
    const [row] = await this.db.q
      .select()
      .from(qcSamples)
      .where(and(eq(qcSamples.shopId, shopId), eq(qcSamples.sessionId, sessionId)))
      .limit(1);
    return row;
  }
}
