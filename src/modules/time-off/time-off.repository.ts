import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { addDays } from 'src/platform/time/calendar-date';
import { agents, timeOffRequests } from 'src/platform/db/schema';
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

  /** The approved request whose leave was cancelled on the leave list is cancelled with it. */
  async cancelOfLeave(shopId: string, leaveId: string): Promise<TimeOffRequest[]> {
    return this.db.q
      .update(timeOffRequests)
      .set({ status: 'cancelled', updatedAt: sql`now()` })
      .where(
        and(
          eq(timeOffRequests.shopId, shopId),
          eq(timeOffRequests.leaveId, leaveId),
          eq(timeOffRequests.status, 'approved'),
        ),
      )
      .returning();
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

  /**
   * A waiting request of the agent over the same time. Both are compared as local wall-clock
   * intervals (a whole day is 00:00 to the next 00:00; part of a day may end on the next date),
   * which is all overlap needs: the zone only shifts both sides alike.
   */
  async pendingOverlap(
    shopId: string,
    agentId: string,
    wish: { startDate: string; endDate: string; startTime: string | null; endTime: string | null },
  ): Promise<{ what: 'request'; startDate: string; endDate: string } | undefined> {
    const { startDate, endDate, startTime, endTime } = wish;
    const from = `${startDate} ${startTime ?? '00:00'}`;
    const until = endTime ? `${endDate} ${endTime}` : `${addDays(endDate, 1)} 00:00`;
    const r = timeOffRequests;
    const [request] = await this.db.q
      .select({ startDate: r.startDate, endDate: r.endDate })
      .from(r)
      .where(
        and(
          eq(r.shopId, shopId),
          eq(r.agentId, agentId),
          eq(r.status, 'pending'),
          // Dates first (a part of a day touches its dates), then the clock.
          lte(r.startDate, endDate),
          gte(r.endDate, startDate),
          sql`(${r.startDate} + coalesce(${r.startTime}, '00:00')::time) < ${until}::timestamp`,
          sql`${from}::timestamp < CASE WHEN ${r.endTime} IS NULL THEN (${r.endDate} + 1) + time '00:00' ELSE ${r.endDate} + ${r.endTime}::time END`,
        ),
      )
      .limit(1);
    return request ? { what: 'request', ...request } : undefined;
  }
}
