import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, gte, inArray, lte, sql, SQL } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { agents, leaves, timeOffRequests } from 'src/platform/db/schema';
import type { ListTimeOffQuery } from './time-off.dto';

export type TimeOffRequest = typeof timeOffRequests.$inferSelect;

@Injectable()
export class TimeOffRepository {
  constructor(private readonly db: Db) {}

  async insert(values: typeof timeOffRequests.$inferInsert): Promise<TimeOffRequest> {
    const [row] = await this.db.q.insert(timeOffRequests).values(values).returning();
    return row;
  }

  /** The request row locked for the rest of the transaction: two decisions queue up and the second sees the first. */
  async lock(shopId: string, id: string): Promise<TimeOffRequest | undefined> {
    const [row] = await this.db.q
      .select()
      .from(timeOffRequests)
      .where(and(eq(timeOffRequests.shopId, shopId), eq(timeOffRequests.id, id)))
      .for('update');
    return row;
  }

  async update(id: string, values: Partial<typeof timeOffRequests.$inferInsert>): Promise<TimeOffRequest> {
    const [row] = await this.db.q
      .update(timeOffRequests)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(timeOffRequests.id, id))
      .returning();
    return row;
  }

  /** Allowance counts of one shop are taken one request at a time, so two at once cannot both take the last place. */
  async lockAllowances(shopId: string): Promise<void> {
    await this.db.q.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`time-off:${shopId}`}))`);
  }

  async list(shopId: string, query: ListTimeOffQuery, onlyAgentIds?: string[]) {
    const where = and(
      eq(timeOffRequests.shopId, shopId),
      query.status ? eq(timeOffRequests.status, query.status) : undefined,
      query.agentId ? eq(timeOffRequests.agentId, query.agentId) : undefined,
      onlyAgentIds ? (onlyAgentIds.length ? inArray(timeOffRequests.agentId, onlyAgentIds) : sql`false`) : undefined,
    );
    const [rows, [{ total }]] = await Promise.all([
      this.db.q
        .select({ request: timeOffRequests, agentName: agents.name })
        .from(timeOffRequests)
        .innerJoin(agents, eq(agents.id, timeOffRequests.agentId))
        .where(where)
        .orderBy(desc(timeOffRequests.createdAt))
        .limit(query.limit)
        .offset(query.offset),
      this.db.q.select({ total: count() }).from(timeOffRequests).where(where),
    ]);
    return { rows: rows.map((r) => ({ ...r.request, agentName: r.agentName })), total };
  }

  /** What the agent already has on those dates: approved leave, or a request waiting. */
  async clash(
    shopId: string,
    agentId: string,
    startDate: string,
    endDate: string,
  ): Promise<{ what: 'leave' | 'request'; startDate: string; endDate: string } | undefined> {
    const [leave] = await this.db.q
      .select({ startDate: leaves.startDate, endDate: leaves.endDate })
      .from(leaves)
      .where(
        and(
          eq(leaves.shopId, shopId),
          eq(leaves.agentId, agentId),
          inArray(leaves.status, ['approved', 'requested']),
          lte(leaves.startDate, endDate),
          gte(leaves.endDate, startDate),
        ),
      )
      .limit(1);
    if (leave) return { what: 'leave', ...leave };
    const [request] = await this.db.q
      .select({ startDate: timeOffRequests.startDate, endDate: timeOffRequests.endDate })
      .from(timeOffRequests)
      .where(
        and(
          eq(timeOffRequests.shopId, shopId),
          eq(timeOffRequests.agentId, agentId),
          eq(timeOffRequests.status, 'pending'),
          lte(timeOffRequests.startDate, endDate),
          gte(timeOffRequests.endDate, startDate),
        ),
      )
      .limit(1);
    return request ? { what: 'request', ...request } : undefined;
  }

  /**
   * Per date, the agents of a team and/or skill with approved leave that day (the requester not
   * counted): one set-based statement per allowance.
   */
  async offOn(
    shopId: string,
    dates: string[],
    group: { teamId?: string; skill?: string },
    exceptAgentId: string,
  ): Promise<Map<string, number>> {
    const filters: SQL[] = [
      sql`l.shop_id = ${shopId}`,
      sql`l.status = 'approved'`,
      sql`l.agent_id <> ${exceptAgentId}`,
      sql`l.start_date <= d.day`,
      sql`l.end_date >= d.day`,
    ];
    if (group.teamId)
      filters.push(sql`EXISTS (SELECT 1 FROM agents a WHERE a.id = l.agent_id AND a.team_id = ${group.teamId})`);
    if (group.skill)
      filters.push(
        sql`EXISTS (SELECT 1 FROM agent_skills s JOIN skills k ON k.id = s.skill_id WHERE s.agent_id = l.agent_id AND k.code = ${group.skill})`,
      );
    const rows = await this.db.q.execute<{ day: string; off: number }>(sql`
      SELECT d.day::text AS day, count(DISTINCT l.agent_id)::int AS off
      FROM unnest(${`{${dates.join(',')}}`}::date[]) AS d(day)
      LEFT JOIN leaves l ON ${sql.join(filters, sql` AND `)}
      GROUP BY d.day`);
    return new Map([...rows].map((r) => [r.day, r.off]));
  }
}
