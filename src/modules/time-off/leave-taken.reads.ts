import { Injectable } from '@nestjs/common';
import { and, eq, gt, inArray, lt, sql, SQL } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { leaves } from 'src/platform/db/schema';

/** The organisation's leave as time off weighs a request against it (the leave itself is org's LeaveService's). */
@Injectable()
export class LeaveTakenReads {
  constructor(private readonly db: Db) {}

  /** Approved or requested leave of the agent that overlaps those instants. */
  async overlapping(
    shopId: string,
    agentId: string,
    window: { startsAt: Date; endsAt: Date },
  ): Promise<{ what: 'leave'; startDate: string; endDate: string } | undefined> {
    const [leave] = await this.db.q
      .select({ startDate: leaves.startDate, endDate: leaves.endDate })
      .from(leaves)
      .where(
        and(
          eq(leaves.shopId, shopId),
          eq(leaves.agentId, agentId),
          inArray(leaves.status, ['approved', 'requested']),
          lt(leaves.startsAt, window.endsAt),
          gt(leaves.endsAt, window.startsAt),
        ),
      )
      .limit(1);
    return leave ? { what: 'leave', ...leave } : undefined;
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
