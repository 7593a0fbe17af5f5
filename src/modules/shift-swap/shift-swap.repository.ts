import { Injectable } from '@nestjs/common';
import { alias } from 'drizzle-orm/pg-core';
import { and, count, desc, eq, inArray, isNull, or, SQL, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { agents, shiftSwaps } from 'src/platform/db/schema';

export type ShiftSwap = typeof shiftSwaps.$inferSelect;
export type NamedSwap = ShiftSwap & { offererName: string; takerName: string | null };

/** Who sees which swaps: everyone in reach (`agentIds`), or an agent and the open offers of their team. */
export type SwapReach = { agentIds?: string[]; agent?: { id: string; teamId: string | null } };

const offerer = alias(agents, 'offerer');
const taker = alias(agents, 'taker');

@Injectable()
export class ShiftSwapRepository {
  constructor(private readonly db: Db) {}

  async insert(values: typeof shiftSwaps.$inferInsert): Promise<ShiftSwap> {
    const [row] = await this.db.q.insert(shiftSwaps).values(values).returning();
    return row;
  }

  /** The swap row locked for the rest of the transaction: of two answers at once the second sees the first. */
  async lock(shopId: string, id: string): Promise<ShiftSwap | undefined> {
    const [row] = await this.db.q
      .select()
      .from(shiftSwaps)
      .where(and(eq(shiftSwaps.shopId, shopId), eq(shiftSwaps.id, id)))
      .for('update');
    return row;
  }

  async update(id: string, values: Partial<typeof shiftSwaps.$inferInsert>): Promise<ShiftSwap> {
    const [row] = await this.db.q
      .update(shiftSwaps)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(shiftSwaps.id, id))
      .returning();
    return row;
  }

  /** A swap still open or waiting that moves this agent's shift of this day. */
  async active(shopId: string, agentId: string, date: string): Promise<ShiftSwap | undefined> {
    const [row] = await this.db.q
      .select()
      .from(shiftSwaps)
      .where(
        and(
          eq(shiftSwaps.shopId, shopId),
          inArray(shiftSwaps.status, ['open', 'pending']),
          or(
            and(eq(shiftSwaps.offererId, agentId), eq(shiftSwaps.offerDate, date)),
            and(eq(shiftSwaps.takerId, agentId), eq(shiftSwaps.returnDate, date)),
          ),
        ),
      )
      .limit(1);
    return row;
  }

  /** Active agents of a team (an offer to the whole team tells them). */
  async teamMates(shopId: string, teamId: string | null, except: string): Promise<string[]> {
    if (!teamId) return [];
    const rows = await this.db.q
      .select({ id: agents.id })
      .from(agents)
      .where(and(eq(agents.shopId, shopId), eq(agents.teamId, teamId), eq(agents.active, true)));
    return rows.map((r) => r.id).filter((id) => id !== except);
  }

  async list(shopId: string, reach: SwapReach, status: string | undefined, limit: number, offset: number) {
    const where = and(
      eq(shiftSwaps.shopId, shopId),
      status ? eq(shiftSwaps.status, status) : undefined,
      this.reach(reach),
    );
    const [rows, [{ total }]] = await Promise.all([
      this.db.q
        .select({ swap: shiftSwaps, offererName: offerer.name, takerName: taker.name })
        .from(shiftSwaps)
        .innerJoin(offerer, eq(offerer.id, shiftSwaps.offererId))
        .leftJoin(taker, eq(taker.id, shiftSwaps.takerId))
        .where(where)
        .orderBy(desc(shiftSwaps.createdAt), desc(shiftSwaps.id))
        .limit(limit)
        .offset(offset),
      this.db.q
        .select({ total: count() })
        .from(shiftSwaps)
        .innerJoin(offerer, eq(offerer.id, shiftSwaps.offererId))
        .where(where),
    ]);
    return {
      rows: rows.map((r): NamedSwap => ({ ...r.swap, offererName: r.offererName, takerName: r.takerName })),
      total,
    };
  }

  private reach(reach: SwapReach): SQL | undefined {
    if (reach.agent) {
      const me = reach.agent.id;
      const teamOffer = reach.agent.teamId
        ? and(eq(shiftSwaps.status, 'open'), isNull(shiftSwaps.toAgentId), eq(offerer.teamId, reach.agent.teamId))
        : undefined;
      return or(eq(shiftSwaps.offererId, me), eq(shiftSwaps.takerId, me), eq(shiftSwaps.toAgentId, me), teamOffer);
    }
    if (reach.agentIds)
      return reach.agentIds.length
        ? or(inArray(shiftSwaps.offererId, reach.agentIds), inArray(shiftSwaps.takerId, reach.agentIds))
        : sql`false`;
    return undefined;
  }
}
