import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
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

  /** A request of the agent's still waiting on those dates. */
  /** A waiting request of the agent over the same time: the same dates, unless both are clock times of a day that do not meet. */
  async pendingOverlap(
    shopId: string,
    agentId: string,
    wish: { startDate: string; endDate: string; startTime: string | null; endTime: string | null },
  ): Promise<{ what: 'request'; startDate: string; endDate: string } | undefined> {
    const { startDate, endDate, startTime, endTime } = wish;
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
          startTime && endTime
            ? or(
                isNull(timeOffRequests.startTime),
                and(lt(timeOffRequests.startTime, endTime), gt(timeOffRequests.endTime, startTime)),
              )
            : undefined,
        ),
      )
      .limit(1);
    return request ? { what: 'request', ...request } : undefined;
  }
}
