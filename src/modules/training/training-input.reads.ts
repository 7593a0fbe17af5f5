import { Injectable } from '@nestjs/common';
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { agents, qcFindings, skills, teams, users } from 'src/platform/db/schema';

export type StoredFinding = {
  category: string;
  severity: string;
  agentId: string;
  quote: string | null;
  sessionStartedAt: Date;
};
export type AgentInTeam = {
  id: string;
  employeeNo: string;
  name: string;
  teamId: string | null;
  supervisorAgentId: string | null;
  active: boolean;
};
export type CategoryScoreRow = { agentId: string; at: Date; earned: number; maxPoints: number; deducted: number };

/**
 * Read-only queries on other modules' tables (QC findings and scores, agents, teams, users,
 * skills): what training needs, in one set-based statement per fact.
 */
@Injectable()
export class TrainingInputReads {
  constructor(private readonly db: Db) {}

  /** Findings on sessions in [since, until). */
  findings(shopId: string, since: Date, until: Date): Promise<StoredFinding[]> {
    return this.db.q
      .select({
        category: qcFindings.category,
        severity: qcFindings.severity,
        agentId: qcFindings.agentId,
        // What to teach from: the customer's words, else the inspector's note on the finding, else the review's comment.
        quote: sql<
          string | null
        >`coalesce(nullif(${qcFindings.quote}, ''), nullif(${qcFindings.note}, ''), (SELECT nullif(r.comment, '') FROM qc_reviews r WHERE r.id = ${qcFindings.reviewId}))`,
        sessionStartedAt: qcFindings.sessionStartedAt,
      })
      .from(qcFindings)
      .where(
        and(
          eq(qcFindings.shopId, shopId),
          gte(qcFindings.sessionStartedAt, since),
          lt(qcFindings.sessionStartedAt, until),
        ),
      )
      .orderBy(asc(qcFindings.sessionStartedAt));
  }

  /**
   * Every submitted review in [from, to) scored on the category: points earned on its points items
   * (an unscored item earns its full points, as in the review total), their maximum, and deductions.
   * Reviews whose rubric has no item of the category give no row.
   */
  async categoryScores(shopId: string, category: string, from: Date, to: Date): Promise<CategoryScoreRow[]> {
    const rows = await this.db.q.execute<{
      agent_id: string;
      at: Date | string;
      earned: string;
      max_points: string;
      deducted: string;
    }>(sql`
      SELECT r.agent_id, r.session_started_at AS at,
        sum(CASE WHEN i.kind = 'points' THEN coalesce(s.points, i.max_points) ELSE 0 END) AS earned,
        sum(CASE WHEN i.kind = 'points' THEN i.max_points ELSE 0 END) AS max_points,
        sum(CASE WHEN i.kind = 'deduction' THEN coalesce(s.points, 0) ELSE 0 END) AS deducted
      FROM qc_reviews r
      JOIN qc_rubric_items i ON i.rubric_version_id = r.rubric_version_id AND i.category = ${category}
      LEFT JOIN qc_review_scores s ON s.review_id = r.id AND s.item_id = i.id
      WHERE r.shop_id = ${shopId}::uuid AND r.status = 'submitted'
        AND r.session_started_at >= ${from.toISOString()}::timestamptz AND r.session_started_at < ${to.toISOString()}::timestamptz
      GROUP BY r.id, r.agent_id, r.session_started_at`);
    return rows.map((r) => ({
      agentId: r.agent_id,
      at: new Date(r.at),
      earned: Number(r.earned),
      maxPoints: Number(r.max_points),
      deducted: Number(r.deducted),
    }));
  }

  /** Every agent of the shop, active or not (a deactivated agent may still be on a published roster). */
  async agentIds(shopId: string): Promise<string[]> {
    return (await this.db.q.select({ id: agents.id }).from(agents).where(eq(agents.shopId, shopId))).map((r) => r.id);
  }

  /** Skill code by id, to match a shift's skill to the queue that requires it. */
  async skills(shopId: string): Promise<{ id: string; code: string; name: string }[]> {
    return this.db.q
      .select({ id: skills.id, code: skills.code, name: skills.name })
      .from(skills)
      .where(eq(skills.shopId, shopId));
  }

  private agentColumns = {
    id: agents.id,
    employeeNo: agents.employeeNo,
    name: agents.name,
    teamId: agents.teamId,
    supervisorAgentId: teams.supervisorAgentId,
    active: agents.active,
  };

  agentsByIds(shopId: string, ids: string[]): Promise<AgentInTeam[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.q
      .select(this.agentColumns)
      .from(agents)
      .leftJoin(teams, eq(teams.id, agents.teamId))
      .where(and(eq(agents.shopId, shopId), inArray(agents.id, ids)));
  }

  /** Active agents of a team, the supervisor left out (they coach, they are not invited). */
  teamMembers(shopId: string, teamId: string): Promise<AgentInTeam[]> {
    return this.db.q
      .select(this.agentColumns)
      .from(agents)
      .leftJoin(teams, eq(teams.id, agents.teamId))
      .where(
        and(
          eq(agents.shopId, shopId),
          eq(agents.teamId, teamId),
          eq(agents.active, true),
          eq(agents.isSupervisor, false),
        ),
      )
      .orderBy(asc(agents.employeeNo));
  }

  async teamExists(shopId: string, teamId: string): Promise<boolean> {
    const [row] = await this.db.q
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.shopId, shopId), eq(teams.id, teamId)))
      .limit(1);
    return Boolean(row);
  }

  async user(
    shopId: string,
    id: string,
  ): Promise<{ id: string; role: string; active: boolean; displayName: string } | undefined> {
    const [row] = await this.db.q
      .select({ id: users.id, role: users.role, active: users.active, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.shopId, shopId), eq(users.id, id)))
      .limit(1);
    return row;
  }
}
