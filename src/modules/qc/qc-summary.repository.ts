import { Injectable } from '@nestjs/common';
import { and, eq, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { teams } from 'src/platform/db/schema';

export type AgentSummaryRow = {
  teamId: string | null;
  teamName: string | null;
  agentId: string;
  name: string;
  sessionsReviewed: number;
  reviews: number;
  meanScore: number | null;
  weightedMeanScore: number | null;
  fails: number;
  scoreSum: number;
  weightSum: number;
  weightedSum: number;
};
export type FindingCountRow = { teamId: string | null; category: string; severity: string; count: number };
export type SummaryScope = { shopId: string; from: Date; to: Date; teamIds?: string[]; agentIds?: string[] };

/** A parenthesised list of uuid parameters (callers never pass an empty one). */
const idList = (ids: string[]) =>
  sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * The daily QC summary, set-based: one statement over the day's submitted reviews per agent and
 * one over their findings. A session reviewed twice counts once in sessions and in the means (its
 * reviews are averaged first), and the weighted mean divides each by its inclusion probability.
 */
@Injectable()
export class QcSummaryRepository {
  constructor(private readonly db: Db) {}

  async team(shopId: string, teamId: string): Promise<{ id: string; supervisorAgentId: string | null } | undefined> {
    const [row] = await this.db.q
      .select({ id: teams.id, supervisorAgentId: teams.supervisorAgentId })
      .from(teams)
      .where(and(eq(teams.shopId, shopId), eq(teams.id, teamId)))
      .limit(1);
    return row;
  }

  async perAgent(scope: SummaryScope): Promise<AgentSummaryRow[]> {
    const rows = await this.db.q.execute<Record<string, unknown>>(sql`
      with per_session as (
        select r.agent_id, r.session_id, avg(r.total_score) as score, max(r.sampling_weight)::numeric as weight, bool_or(r.failed) as failed, count(*) as reviews
        from qc_reviews r
        where r.shop_id = ${scope.shopId} and r.status = 'submitted' and r.session_started_at >= ${scope.from.toISOString()}::timestamptz and r.session_started_at < ${scope.to.toISOString()}::timestamptz
          ${scope.agentIds ? sql`and r.agent_id in ${idList(scope.agentIds)}` : sql``}
        group by r.agent_id, r.session_id
      )
      select a.team_id, t.name as team_name, a.id as agent_id, a.name,
        count(*)::int as sessions_reviewed, sum(p.reviews)::int as reviews,
        round(avg(p.score), 2) as mean_score,
        round(sum(p.score * p.weight) / nullif(sum(p.weight), 0), 2) as weighted_mean_score,
        count(*) filter (where p.failed)::int as fails,
        sum(p.score) as score_sum, sum(p.weight) as weight_sum, sum(p.score * p.weight) as weighted_sum
      from per_session p join agents a on a.id = p.agent_id left join teams t on t.id = a.team_id
      where a.shop_id = ${scope.shopId} ${scope.teamIds ? sql`and a.team_id in ${idList(scope.teamIds)}` : sql``}
      group by a.team_id, t.name, a.id, a.name
      order by t.name nulls last, a.name`);
    return rows.map((r) => ({
      teamId: r.team_id as string | null,
      teamName: r.team_name as string | null,
      agentId: r.agent_id as string,
      name: r.name as string,
      sessionsReviewed: Number(r.sessions_reviewed),
      reviews: Number(r.reviews),
      meanScore: num(r.mean_score),
      weightedMeanScore: num(r.weighted_mean_score),
      fails: Number(r.fails),
      scoreSum: Number(r.score_sum),
      weightSum: Number(r.weight_sum),
      weightedSum: Number(r.weighted_sum),
    }));
  }

  async findingCounts(scope: SummaryScope): Promise<FindingCountRow[]> {
    const rows = await this.db.q.execute<Record<string, unknown>>(sql`
      select a.team_id, f.category, f.severity, count(*)::int as count
      from qc_findings f join qc_reviews r on r.id = f.review_id join agents a on a.id = f.agent_id
      where f.shop_id = ${scope.shopId} and r.status = 'submitted' and f.session_started_at >= ${scope.from.toISOString()}::timestamptz and f.session_started_at < ${scope.to.toISOString()}::timestamptz
        ${scope.agentIds ? sql`and f.agent_id in ${idList(scope.agentIds)}` : sql``}
        ${scope.teamIds ? sql`and a.team_id in ${idList(scope.teamIds)}` : sql``}
      group by a.team_id, f.category, f.severity
      order by count(*) desc, f.category, f.severity`);
    return rows.map((r) => ({
      teamId: r.team_id as string | null,
      category: r.category as string,
      severity: r.severity as string,
      count: Number(r.count),
    }));
  }
}
