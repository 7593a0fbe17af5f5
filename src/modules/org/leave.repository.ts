import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, gte, inArray, lte, SQL } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { agents, leaves } from 'src/platform/db/schema';
import type { ListLeaveQuery } from './leave.dto';

export type Leave = typeof leaves.$inferSelect;

@Injectable()
export class LeaveRepository {
  constructor(private readonly db: Db) {}

  async insert(values: typeof leaves.$inferInsert): Promise<Leave> {
    const [row] = await this.db.q.insert(leaves).values(values).returning();
    return row;
  }

  /** `lock`: the leave row locked for the rest of the transaction (two decisions queue up, the second sees the first). */
  async find(shopId: string, id: string, lock = false): Promise<(Leave & { teamId: string | null }) | undefined> {
    const query = this.db.q
      .select({ leave: leaves, teamId: agents.teamId })
      .from(leaves)
      .innerJoin(agents, eq(agents.id, leaves.agentId))
      .where(and(eq(leaves.shopId, shopId), eq(leaves.id, id)))
      .limit(1);
    const [row] = lock ? await query.for('update', { of: leaves }) : await query;
    return row ? { ...row.leave, teamId: row.teamId } : undefined;
  }

  /** `window`: the instants and credit the leave takes where it freed published shifts (else kept as asked). */
  async setStatus(
    id: string,
    status: string,
    decidedBy: string | null,
    window?: Pick<Leave, 'startsAt' | 'endsAt' | 'credit'>,
  ): Promise<Leave> {
    const [row] = await this.db.q
      .update(leaves)
      .set({ status, decidedBy, decidedAt: decidedBy ? new Date() : null, ...window })
      .where(eq(leaves.id, id))
      .returning();
    return row;
  }

  /** The roster versions the leave's approval published (what cancelling it gives back). */
  async setPublished(id: string, published: Leave['published']): Promise<void> {
    await this.db.q.update(leaves).set({ published }).where(eq(leaves.id, id));
  }

  /** Live (requested or approved) leave of the agent that overlaps the date range. */
  async overlapping(shopId: string, agentId: string, startDate: string, endDate: string): Promise<Leave | undefined> {
    const [row] = await this.db.q
      .select()
      .from(leaves)
      .where(
        and(
          eq(leaves.shopId, shopId),
          eq(leaves.agentId, agentId),
          inArray(leaves.status, ['requested', 'approved']),
          lte(leaves.startDate, endDate),
          gte(leaves.endDate, startDate),
        ),
      )
      .limit(1);
    return row;
  }

  async list(
    shopId: string,
    query: ListLeaveQuery,
    onlyAgentIds?: string[],
  ): Promise<{ rows: Leave[]; total: number }> {
    const filters: (SQL | undefined)[] = [
      eq(leaves.shopId, shopId),
      query.agentId ? eq(leaves.agentId, query.agentId) : undefined,
      query.status ? eq(leaves.status, query.status) : undefined,
      query.from ? gte(leaves.endDate, query.from) : undefined,
      query.to ? lte(leaves.startDate, query.to) : undefined,
      onlyAgentIds
        ? inArray(leaves.agentId, onlyAgentIds.length ? onlyAgentIds : ['00000000-0000-0000-0000-000000000000'])
        : undefined,
    ];
    const where = and(...filters);
    const [rows, [{ total }]] = await Promise.all([
      this.db.q
        .select()
        .from(leaves)
        .where(where)
        .orderBy(desc(leaves.startDate))
        .limit(query.limit)
        .offset(query.offset),
      this.db.q.select({ total: count() }).from(leaves).where(where),
    ]);
    return { rows, total };
  }
}
