import { Injectable } from '@nestjs/common';
import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { qcSampleRuns, qcSamples } from 'src/platform/db/schema';
import type { SampledSession } from './engine/daily-sample';

export type SampleRun = typeof qcSampleRuns.$inferSelect;
export type StoredSample = typeof qcSamples.$inferSelect & { reviewed: boolean };

/** The samples drawn from a day's sessions, and their runs. */
@Injectable()
export class SampleRepository {
  constructor(private readonly db: Db) {}

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
        // Any review of the session: one made in the sample is of its session too, and one made before the
        // draw counts as well (the draw does not leave reviewed sessions out).
        reviewed: sql<boolean>`exists (select 1 from qc_reviews r where r.shop_id = "qc_samples"."shop_id" and r.session_id = "qc_samples"."session_id")`,
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
