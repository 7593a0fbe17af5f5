import { Injectable } from '@nestjs/common';
import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { agents, agentSkills, availability, leaves, shops, skills, teams } from 'src/platform/db/schema';
import type { LeaveRow } from './roster-leave';

export type RosterAgentRow = {
  id: string;
  employeeNo: string;
  name: string;
  teamId: string | null;
  isSupervisor: boolean;
  minWeekMinutes: number;
  maxWeekMinutes: number;
  maxDaysPerWeek: number;
  minRestHours: number;
  skills: string[];
};
export type AvailabilityRow = {
  agentId: string;
  kind: string;
  weekday: number | null;
  onDate: string | null;
  startTime: string;
  endTime: string;
  weight: number;
};

/**
 * What a roster is built from, read from the organisation's tables in one statement per table
 * (never per agent): active agents with contracts and skills, approved leave, availability.
 */
@Injectable()
export class RosterInputReads {
  constructor(private readonly db: Db) {}

  async teamIds(shopId: string, ids: string[]): Promise<string[]> {
    const rows = await this.db.q
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.shopId, shopId), inArray(teams.id, ids)));
    return rows.map((r) => r.id);
  }

  async skillCodes(shopId: string): Promise<Map<string, string>> {
    return new Map((await this.skills(shopId)).map((r) => [r.id, r.code]));
  }

  /** Skill names by code: refusals and warnings name skills as the shop does. */
  async skillNames(shopId: string): Promise<Map<string, string>> {
    return new Map((await this.skills(shopId)).map((r) => [r.code, r.name]));
  }

  private skills(shopId: string) {
    return this.db.q
      .select({ id: skills.id, code: skills.code, name: skills.name })
      .from(skills)
      .where(eq(skills.shopId, shopId));
  }

  /** Agents leading a team: they count as supervisors on shift even without the flag. */
  async teamSupervisorIds(shopId: string): Promise<string[]> {
    const rows = await this.db.q
      .select({ id: teams.supervisorAgentId })
      .from(teams)
      .where(and(eq(teams.shopId, shopId), isNotNull(teams.supervisorAgentId)));
    return rows.map((r) => r.id!);
  }

  async agents(shopId: string, teamIds?: string[]): Promise<RosterAgentRow[]> {
    const rows = await this.db.q
      .select({
        id: agents.id,
        employeeNo: agents.employeeNo,
        name: agents.name,
        teamId: agents.teamId,
        isSupervisor: agents.isSupervisor,
        minWeekMinutes: agents.minWeekMinutes,
        maxWeekMinutes: agents.maxWeekMinutes,
        maxDaysPerWeek: agents.maxDaysPerWeek,
        minRestHours: agents.minRestHours,
      })
      .from(agents)
      .where(
        and(eq(agents.shopId, shopId), eq(agents.active, true), teamIds ? inArray(agents.teamId, teamIds) : undefined),
      )
      .orderBy(asc(agents.employeeNo));
    if (rows.length === 0) return [];
    const links = await this.db.q
      .select({ agentId: agentSkills.agentId, code: skills.code })
      .from(agentSkills)
      .innerJoin(skills, eq(skills.id, agentSkills.skillId))
      .where(
        and(
          eq(agentSkills.shopId, shopId),
          inArray(
            agentSkills.agentId,
            rows.map((r) => r.id),
          ),
        ),
      )
      .orderBy(asc(agentSkills.agentId), asc(agentSkills.proficiency));
    const byAgent = new Map<string, string[]>();
    // Highest proficiency first: the default skill of a hand-set shift is the agent's best.
    for (const l of links.reverse()) byAgent.set(l.agentId, [...(byAgent.get(l.agentId) ?? []), l.code]);
    return rows.map((r) => ({ ...r, skills: byAgent.get(r.id) ?? [] }));
  }

  async maxDaysPerWeek(shopId: string, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.q
      .select({ id: agents.id, maxDays: agents.maxDaysPerWeek })
      .from(agents)
      .where(and(eq(agents.shopId, shopId), inArray(agents.id, ids)));
    return new Map(rows.map((r) => [r.id, r.maxDays]));
  }

  /** Agents by id whatever their state (names for stored rosters). */
  async names(
    shopId: string,
    ids: string[],
  ): Promise<{ id: string; employeeNo: string; name: string; teamId: string | null }[]> {
    if (ids.length === 0) return [];
    return this.db.q
      .select({ id: agents.id, employeeNo: agents.employeeNo, name: agents.name, teamId: agents.teamId })
      .from(agents)
      .where(and(eq(agents.shopId, shopId), inArray(agents.id, ids)))
      .orderBy(asc(agents.employeeNo));
  }

  approvedLeave(shopId: string, agentIds: string[], fromDate: string, toDate: string): Promise<LeaveRow[]> {
    if (agentIds.length === 0) return Promise.resolve([]);
    return this.db.q
      .select({ agentId: leaves.agentId, startsAt: leaves.startsAt, endsAt: leaves.endsAt, credit: leaves.credit })
      .from(leaves)
      .where(
        and(
          eq(leaves.shopId, shopId),
          inArray(leaves.agentId, agentIds),
          eq(leaves.status, 'approved'),
          lte(leaves.startDate, toDate),
          gte(leaves.endDate, fromDate),
        ),
      );
  }

  /** An agent's approved leave touching the local dates, with the shop's zone (for the agent's own view). */
  async leaveOfAgent(shopId: string, agentId: string, fromDate: string, toDate: string) {
    return this.db.q
      .select({
        kind: leaves.kind,
        startDate: leaves.startDate,
        endDate: leaves.endDate,
        startsAt: leaves.startsAt,
        endsAt: leaves.endsAt,
        timeZone: shops.timeZone,
      })
      .from(leaves)
      .innerJoin(shops, eq(shops.id, leaves.shopId))
      .where(
        and(
          eq(leaves.shopId, shopId),
          eq(leaves.agentId, agentId),
          eq(leaves.status, 'approved'),
          lte(leaves.startDate, toDate),
          gte(leaves.endDate, fromDate),
        ),
      );
  }

  availability(shopId: string, agentIds: string[], fromDate: string, toDate: string): Promise<AvailabilityRow[]> {
    if (agentIds.length === 0) return Promise.resolve([]);
    return this.db.q
      .select({
        agentId: availability.agentId,
        kind: availability.kind,
        weekday: availability.weekday,
        onDate: availability.onDate,
        startTime: availability.startTime,
        endTime: availability.endTime,
        weight: availability.weight,
      })
      .from(availability)
      .where(
        and(
          eq(availability.shopId, shopId),
          inArray(availability.agentId, agentIds),
          or(isNull(availability.onDate), and(gte(availability.onDate, fromDate), lte(availability.onDate, toDate))),
        ),
      );
  }
}
