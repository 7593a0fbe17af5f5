import { Injectable } from '@nestjs/common';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { agents, agentSkills, selfServiceEvents, skills, teams, users } from 'src/platform/db/schema';

/** An agent as self-service rules and messages need them: name, team, skills. */
export type AgentFacts = {
  id: string;
  name: string;
  employeeNo: string;
  teamId: string | null;
  teamName: string | null;
  skills: string[];
  active: boolean;
};
export type SelfServiceEvent = typeof selfServiceEvents.$inferSelect;
export type NewSelfServiceEvent = typeof selfServiceEvents.$inferInsert;

/** Reads of the organisation for the rules and the messages, and the audit trail of every request. */
@Injectable()
export class SelfServiceRepository {
  constructor(private readonly db: Db) {}

  async agents(shopId: string, ids: string[]): Promise<Map<string, AgentFacts>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.q
      .select({
        id: agents.id,
        name: agents.name,
        employeeNo: agents.employeeNo,
        teamId: agents.teamId,
        teamName: teams.name,
        active: agents.active,
      })
      .from(agents)
      .leftJoin(teams, eq(teams.id, agents.teamId))
      .where(and(eq(agents.shopId, shopId), inArray(agents.id, ids)));
    const links = await this.db.q
      .select({ agentId: agentSkills.agentId, code: skills.code })
      .from(agentSkills)
      .innerJoin(skills, eq(skills.id, agentSkills.skillId))
      .where(and(eq(agentSkills.shopId, shopId), inArray(agentSkills.agentId, ids)));
    return new Map(
      rows.map((r) => [r.id, { ...r, skills: links.filter((l) => l.agentId === r.id).map((l) => l.code) }]),
    );
  }

  async skillNames(shopId: string): Promise<Map<string, string>> {
    const rows = await this.db.q
      .select({ code: skills.code, name: skills.name })
      .from(skills)
      .where(eq(skills.shopId, shopId));
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /** The agents leading a team, with their users (who get a team's requests in their inbox). */
  async supervisorUserIds(shopId: string, teamId: string | null): Promise<string[]> {
    if (!teamId) return [];
    const rows = await this.db.q
      .select({ id: users.id })
      .from(users)
      .innerJoin(teams, eq(teams.supervisorAgentId, users.agentId))
      .where(and(eq(teams.shopId, shopId), eq(teams.id, teamId), eq(users.active, true)));
    return rows.map((r) => r.id);
  }

  /** The users of some agents (who are told about their own shifts). */
  async userIdsOf(shopId: string, agentIds: string[]): Promise<Map<string, string>> {
    if (agentIds.length === 0) return new Map();
    const rows = await this.db.q
      .select({ id: users.id, agentId: users.agentId })
      .from(users)
      .where(and(eq(users.shopId, shopId), inArray(users.agentId, agentIds), eq(users.active, true)));
    return new Map(rows.map((r) => [r.agentId!, r.id]));
  }

  async record(events: NewSelfServiceEvent[]): Promise<void> {
    // The wall clock, not the transaction's start: a request and its instant approval keep their order.
    if (events.length)
      await this.db.q.insert(selfServiceEvents).values(events.map((e) => ({ ...e, at: sql`clock_timestamp()` })));
  }

  /** Events of one roster or of some agents, oldest first, with the acting user's name. */
  async events(
    shopId: string,
    where: { rosterId?: string; agentIds?: string[]; subjectId?: string },
    limit: number,
    offset: number,
  ) {
    const filters = and(
      eq(selfServiceEvents.shopId, shopId),
      where.rosterId ? sql`${selfServiceEvents.rosterIds} @> array[${where.rosterId}]::uuid[]` : undefined,
      where.agentIds
        ? sql`${selfServiceEvents.agentIds} && array[${sql.join(where.agentIds.length ? where.agentIds.map((a) => sql`${a}`) : [sql`null`], sql`, `)}]::uuid[]`
        : undefined,
      where.subjectId ? eq(selfServiceEvents.subjectId, where.subjectId) : undefined,
    );
    const [rows, [{ total }]] = await Promise.all([
      this.db.q
        .select({ event: selfServiceEvents, actorName: users.displayName })
        .from(selfServiceEvents)
        .leftJoin(users, eq(users.id, selfServiceEvents.actorUserId))
        .where(filters)
        .orderBy(asc(selfServiceEvents.at), asc(selfServiceEvents.id))
        .limit(limit)
        .offset(offset),
      this.db.q
        .select({ total: sql<number>`count(*)::int` })
        .from(selfServiceEvents)
        .where(filters),
    ]);
    return { rows: rows.map((r) => ({ ...r.event, actorName: r.actorName })), total };
  }
}
