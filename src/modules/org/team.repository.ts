import { Injectable } from '@nestjs/common';
import { and, asc, count, eq, getTableColumns, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { agents, teams } from 'src/platform/db/schema';
import type { PageRequest } from 'src/platform/http/pagination';

export type Team = typeof teams.$inferSelect & { agentCount: number };

// Written out: drizzle renders a bare column without its table inside a select list.
const teamColumns = {
  ...getTableColumns(teams),
  agentCount: sql<number>`(select count(*)::int from ${agents} a where a.team_id = "teams"."id" and a.active)`,
};

@Injectable()
export class TeamRepository {
  constructor(private readonly db: Db) {}

  async createTeam(values: typeof teams.$inferInsert): Promise<Team> {
    const [row] = await this.db.q.insert(teams).values(values).returning({ id: teams.id });
    return (await this.findTeam(values.shopId, row.id))!;
  }

  async findTeam(shopId: string, id: string): Promise<Team | undefined> {
    const [row] = await this.db.q
      .select(teamColumns)
      .from(teams)
      .where(and(eq(teams.shopId, shopId), eq(teams.id, id)))
      .limit(1);
    return row;
  }

  async listTeams(shopId: string, page: PageRequest): Promise<{ rows: Team[]; total: number }> {
    const where = eq(teams.shopId, shopId);
    const [rows, [{ total }]] = await Promise.all([
      this.db.q
        .select(teamColumns)
        .from(teams)
        .where(where)
        .orderBy(asc(teams.name))
        .limit(page.limit)
        .offset(page.offset),
      this.db.q.select({ total: count() }).from(teams).where(where),
    ]);
    return { rows, total };
  }

  async updateTeam(shopId: string, id: string, values: Partial<typeof teams.$inferInsert>): Promise<Team | undefined> {
    await this.db.q
      .update(teams)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(teams.shopId, shopId), eq(teams.id, id)));
    return this.findTeam(shopId, id);
  }

  async deleteTeam(shopId: string, id: string): Promise<void> {
    await this.db.q.delete(teams).where(and(eq(teams.shopId, shopId), eq(teams.id, id)));
  }

  async teamHasAgents(shopId: string, id: string): Promise<boolean> {
    const [row] = await this.db.q
      .select({ n: count() })
      .from(agents)
      .where(and(eq(agents.shopId, shopId), eq(agents.teamId, id)));
    return row.n > 0;
  }

  async teamsSupervisedBy(shopId: string, agentId: string): Promise<string[]> {
    const rows = await this.db.q
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.shopId, shopId), eq(teams.supervisorAgentId, agentId)));
    return rows.map((r) => r.id);
  }
}
