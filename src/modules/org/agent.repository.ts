import { Injectable } from '@nestjs/common';
import { and, asc, count, eq, exists, ilike, inArray, or, SQL, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { agents, agentSkills, skills } from 'src/platform/db/schema';
import type { AgentView, ListAgentsQuery } from './agent.dto';

type AgentRow = typeof agents.$inferSelect;
export type NewAgent = typeof agents.$inferInsert;
export type SkillLink = { skillId: string; proficiency: number };
export type AgentLabel = {
  id: string;
  employeeNo: string;
  name: string;
  teamId: string | null;
  roleGroup: string;
  active: boolean;
};

const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class AgentRepository {
  constructor(private readonly db: Db) {}

  async insert(values: NewAgent): Promise<string> {
    const [row] = await this.db.q.insert(agents).values(values).returning({ id: agents.id });
    return row.id;
  }

  async update(shopId: string, id: string, values: Partial<NewAgent>): Promise<void> {
    await this.db.q
      .update(agents)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(agents.shopId, shopId), eq(agents.id, id)));
  }

  async replaceSkills(shopId: string, agentId: string, links: SkillLink[]): Promise<void> {
    await this.db.q.delete(agentSkills).where(eq(agentSkills.agentId, agentId));
    if (links.length) await this.db.q.insert(agentSkills).values(links.map((l) => ({ shopId, agentId, ...l })));
  }

  async find(shopId: string, id: string): Promise<AgentRow | undefined> {
    const [row] = await this.db.q
      .select()
      .from(agents)
      .where(and(eq(agents.shopId, shopId), eq(agents.id, id)))
      .limit(1);
    return row;
  }

  async findByEmployeeNo(shopId: string, employeeNo: string): Promise<AgentRow | undefined> {
    const [row] = await this.db.q
      .select()
      .from(agents)
      .where(and(eq(agents.shopId, shopId), eq(agents.employeeNo, employeeNo)))
      .limit(1);
    return row;
  }

  /** Name, number and team of every agent of the shop, active or not (exports label old rows too). */
  async labels(shopId: string): Promise<AgentLabel[]> {
    return this.db.q
      .select({
        id: agents.id,
        employeeNo: agents.employeeNo,
        name: agents.name,
        teamId: agents.teamId,
        roleGroup: agents.roleGroup,
        active: agents.active,
      })
      .from(agents)
      .where(eq(agents.shopId, shopId))
      .orderBy(asc(agents.employeeNo));
  }

  async idsInTeams(shopId: string, teamIds: string[]): Promise<string[]> {
    if (!teamIds.length) return [];
    const rows = await this.db.q
      .select({ id: agents.id })
      .from(agents)
      .where(and(eq(agents.shopId, shopId), inArray(agents.teamId, teamIds)));
    return rows.map((r) => r.id);
  }

  async view(shopId: string, id: string): Promise<AgentView | undefined> {
    const row = await this.find(shopId, id);
    return row ? (await this.withSkills([row]))[0] : undefined;
  }

  /** One page of agents plus their skills: two queries, whatever the page size. */
  async list(
    shopId: string,
    query: ListAgentsQuery,
    onlyIds?: string[],
  ): Promise<{ rows: AgentView[]; total: number }> {
    const filters: (SQL | undefined)[] = [
      eq(agents.shopId, shopId),
      query.teamId ? eq(agents.teamId, query.teamId) : undefined,
      query.roleGroup ? eq(agents.roleGroup, query.roleGroup) : undefined,
      query.active === undefined ? undefined : eq(agents.active, query.active),
      query.q ? or(ilike(agents.name, contains(query.q)), ilike(agents.employeeNo, contains(query.q))) : undefined,
      onlyIds ? inArray(agents.id, onlyIds.length ? onlyIds : ['00000000-0000-0000-0000-000000000000']) : undefined,
      query.skill
        ? exists(
            this.db.q
              .select({ one: sql`1` })
              .from(agentSkills)
              .innerJoin(skills, eq(skills.id, agentSkills.skillId))
              .where(and(eq(agentSkills.agentId, agents.id), eq(skills.code, query.skill))),
          )
        : undefined,
    ];
    const where = and(...filters);
    const [rows, [{ total }]] = await Promise.all([
      this.db.q
        .select()
        .from(agents)
        .where(where)
        .orderBy(asc(agents.employeeNo))
        .limit(query.limit)
        .offset(query.offset),
      this.db.q.select({ total: count() }).from(agents).where(where),
    ]);
    return { rows: await this.withSkills(rows), total };
  }

  private async withSkills(rows: AgentRow[]): Promise<AgentView[]> {
    const ids = rows.map((r) => r.id);
    const links = ids.length
      ? await this.db.q
          .select({ agentId: agentSkills.agentId, skill: skills.code, proficiency: agentSkills.proficiency })
          .from(agentSkills)
          .innerJoin(skills, eq(skills.id, agentSkills.skillId))
          .where(inArray(agentSkills.agentId, ids))
          .orderBy(asc(skills.code))
      : [];
    return rows.map((r) => ({
      id: r.id,
      shopId: r.shopId,
      employeeNo: r.employeeNo,
      name: r.name,
      teamId: r.teamId,
      roleGroup: r.roleGroup,
      isSupervisor: r.isSupervisor,
      active: r.active,
      hireDate: r.hireDate,
      employmentType: r.employmentType,
      contract: {
        minWeekMinutes: r.minWeekMinutes,
        maxWeekMinutes: r.maxWeekMinutes,
        maxDaysPerWeek: r.maxDaysPerWeek,
        minRestHours: r.minRestHours,
      },
      skills: links.filter((l) => l.agentId === r.id).map(({ skill, proficiency }) => ({ skill, proficiency })),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    }));
  }
}
