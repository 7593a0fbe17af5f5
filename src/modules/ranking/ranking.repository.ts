import { Injectable } from '@nestjs/common';
import { and, asc, count, desc, eq, inArray, sql, SQL } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { agents, rankingRows, rankingRuns, teams } from 'src/platform/db/schema';
import type { ListRankingsQuery } from './ranking.dto';

export type RankingRun = typeof rankingRuns.$inferSelect;
export type NewRankingRow = typeof rankingRows.$inferInsert;
export type RankingRowView = typeof rankingRows.$inferSelect & {
  agentName: string | null;
  employeeNo: string | null;
  teamName: string | null;
};

/** Rows per insert: 14 parameters a row stays far below PostgreSQL's 65 535. */
const INSERT_CHUNK = 2_000;

@Injectable()
export class RankingRepository {
  constructor(private readonly db: Db) {}

  /**
   * The next version of (scorecard, month), numbered under a transaction-scoped advisory lock so
   * two simultaneous requests cannot take the same number.
   */
  async insertNextVersion(values: Omit<typeof rankingRuns.$inferInsert, 'version'>): Promise<RankingRun> {
    await this.lockMonth(values.scorecardId, values.month);
    const [{ latest }] = await this.db.q
      .select({ latest: sql<number>`coalesce(max(${rankingRuns.version}), 0)::int` })
      .from(rankingRuns)
      .where(
        and(
          eq(rankingRuns.shopId, values.shopId),
          eq(rankingRuns.scorecardId, values.scorecardId),
          eq(rankingRuns.month, values.month),
        ),
      );
    const [row] = await this.db.q
      .insert(rankingRuns)
      .values({ ...values, version: Number(latest) + 1 })
      .returning();
    return row;
  }

  /** Serialises numbering and approval of one (scorecard, month) until the transaction ends. */
  async lockMonth(scorecardId: string, month: string): Promise<void> {
    await this.db.q.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`ranking:${scorecardId}:${month}`}))`);
  }

  async find(shopId: string, id: string): Promise<RankingRun | undefined> {
    const [row] = await this.db.q
      .select()
      .from(rankingRuns)
      .where(and(eq(rankingRuns.shopId, shopId), eq(rankingRuns.id, id)))
      .limit(1);
    return row;
  }

  async approvedVersion(shopId: string, scorecardId: string, month: string): Promise<RankingRun | undefined> {
    const [row] = await this.db.q
      .select()
      .from(rankingRuns)
      .where(
        and(
          eq(rankingRuns.shopId, shopId),
          eq(rankingRuns.scorecardId, scorecardId),
          eq(rankingRuns.month, month),
          eq(rankingRuns.status, 'approved'),
        ),
      )
      .limit(1);
    return row;
  }

  async update(id: string, values: Partial<typeof rankingRuns.$inferInsert>): Promise<void> {
    await this.db.q.update(rankingRuns).set(values).where(eq(rankingRuns.id, id));
  }

  /** Approves only a completed run: the status check and the change are one statement. */
  async approve(shopId: string, id: string, userId: string): Promise<RankingRun | undefined> {
    const [row] = await this.db.q
      .update(rankingRuns)
      .set({ status: 'approved', approvedBy: userId, approvedAt: new Date() })
      .where(and(eq(rankingRuns.shopId, shopId), eq(rankingRuns.id, id), eq(rankingRuns.status, 'completed')))
      .returning();
    return row;
  }

  async list(shopId: string, query: ListRankingsQuery): Promise<{ rows: RankingRun[]; total: number }> {
    const filters: (SQL | undefined)[] = [
      eq(rankingRuns.shopId, shopId),
      query.month ? eq(rankingRuns.month, query.month) : undefined,
      query.scorecardId ? eq(rankingRuns.scorecardId, query.scorecardId) : undefined,
    ];
    const where = and(...filters);
    const [rows, [{ total }]] = await Promise.all([
      this.db.q
        .select()
        .from(rankingRuns)
        .where(where)
        .orderBy(desc(rankingRuns.month), desc(rankingRuns.createdAt), desc(rankingRuns.version))
        .limit(query.limit)
        .offset(query.offset),
      this.db.q.select({ total: count() }).from(rankingRuns).where(where),
    ]);
    return { rows, total };
  }

  /** Replaces the run's rows (a retried job leaves no leftovers). */
  async replaceRows(runId: string, rows: NewRankingRow[]): Promise<void> {
    await this.db.q.delete(rankingRows).where(eq(rankingRows.runId, runId));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK)
      await this.db.q.insert(rankingRows).values(rows.slice(i, i + INSERT_CHUNK));
  }

  rows(shopId: string, runId: string, agentIds?: string[]): Promise<RankingRowView[]> {
    return this.db.q
      .select({
        shopId: rankingRows.shopId,
        runId: rankingRows.runId,
        agentId: rankingRows.agentId,
        teamId: rankingRows.teamId,
        eligible: rankingRows.eligible,
        rank: rankingRows.rank,
        metrics: rankingRows.metrics,
        total: rankingRows.total,
        percentile: rankingRows.percentile,
        top: rankingRows.top,
        bottom: rankingRows.bottom,
        daysWorked: rankingRows.daysWorked,
        inquiries: rankingRows.inquiries,
        ineligibleReasons: rankingRows.ineligibleReasons,
        agentName: agents.name,
        employeeNo: agents.employeeNo,
        teamName: teams.name,
      })
      .from(rankingRows)
      .leftJoin(agents, eq(agents.id, rankingRows.agentId))
      .leftJoin(teams, eq(teams.id, rankingRows.teamId))
      .where(
        and(
          eq(rankingRows.shopId, shopId),
          eq(rankingRows.runId, runId),
          agentIds ? (agentIds.length ? inArray(rankingRows.agentId, agentIds) : sql`false`) : undefined,
        ),
      )
      .orderBy(asc(rankingRows.rank), asc(agents.employeeNo));
  }
}
