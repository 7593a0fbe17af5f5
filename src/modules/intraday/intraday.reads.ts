import { Injectable } from '@nestjs/common';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import {
  agents,
  agentSkills,
  agentStates,
  rosterPublications,
  rosters,
  shiftTemplates,
  skills,
} from 'src/platform/db/schema';
import type { StateReport } from 'src/modules/adherence/engine/adherence';

export type QueueAgent = { id: string; name: string; employeeNo: string };
export type TemplateRules = typeof shiftTemplates.$inferSelect;

/**
 * What the live view reads beside the modules' services: the agents of a skill, their booked
 * training and reported states, shift templates' windows and which roster is each agent's week
 * truth. Read-only queries (as `RosterActivityReads` reads training for the roster).
 */
@Injectable()
export class IntradayReads {
  constructor(private readonly db: Db) {}

  async skillCode(shopId: string, skillId: string | null): Promise<string | null> {
    if (!skillId) return null;
    const [row] = await this.db.q
      .select({ code: skills.code })
      .from(skills)
      .where(and(eq(skills.shopId, shopId), eq(skills.id, skillId)));
    return row?.code ?? null;
  }

  /** Active agents with the skill (every active agent when the queue needs none). */
  async agentsFor(shopId: string, skillId: string | null): Promise<QueueAgent[]> {
    const base = this.db.q.select({ id: agents.id, name: agents.name, employeeNo: agents.employeeNo }).from(agents);
    const rows = skillId
      ? await base
          .innerJoin(agentSkills, and(eq(agentSkills.agentId, agents.id), eq(agentSkills.skillId, skillId)))
          .where(and(eq(agents.shopId, shopId), eq(agents.active, true)))
      : await base.where(and(eq(agents.shopId, shopId), eq(agents.active, true)));
    return rows.sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
  }

  /** Reports from a day before `from` (a state that began yesterday evening may still hold). */
  async states(
    shopId: string,
    agentIds: string[],
    from: Date,
    to: Date,
  ): Promise<(StateReport & { agentId: string })[]> {
    if (!agentIds.length) return [];
    const rows = await this.db.q
      .select({
        agentId: agentStates.agentId,
        state: agentStates.state,
        startedAt: agentStates.startedAt,
        endedAt: agentStates.endedAt,
      })
      .from(agentStates)
      .where(
        and(
          eq(agentStates.shopId, shopId),
          inArray(agentStates.agentId, agentIds),
          sql`${agentStates.startedAt} >= ${from.toISOString()}::timestamptz - interval '1 day'`,
          lt(agentStates.startedAt, to),
        ),
      );
    return rows.map((r) => ({
      agentId: r.agentId,
      state: r.state as StateReport['state'],
      from: r.startedAt.getTime(),
      to: r.endedAt?.getTime() ?? null,
    }));
  }

  async templates(shopId: string): Promise<TemplateRules[]> {
    return this.db.q.select().from(shiftTemplates).where(eq(shiftTemplates.shopId, shopId));
  }

  /** The roster (and its revision) each agent's week is read from. */
  async weekRosters(
    shopId: string,
    weekStart: string,
    agentIds: string[],
  ): Promise<Map<string, { rosterId: string; revision: number }>> {
    if (!agentIds.length) return new Map();
    const rows = await this.db.q
      .select({ agentId: rosterPublications.agentId, rosterId: rosters.id, revision: rosters.revision })
      .from(rosterPublications)
      .innerJoin(rosters, eq(rosters.id, rosterPublications.rosterId))
      .where(
        and(
          eq(rosterPublications.shopId, shopId),
          eq(rosterPublications.weekStart, weekStart),
          inArray(rosterPublications.agentId, agentIds),
        ),
      );
    return new Map(rows.map((r) => [r.agentId, { rosterId: r.rosterId, revision: r.revision }]));
  }

  /** The roster's revision, its row locked until the transaction ends (nobody edits it between the check and the change). */
  async lockedRevision(shopId: string, rosterId: string): Promise<number | undefined> {
    const [row] = await this.db.q
      .select({ revision: rosters.revision })
      .from(rosters)
      .where(and(eq(rosters.shopId, shopId), eq(rosters.id, rosterId)))
      .for('update');
    return row?.revision;
  }
}
