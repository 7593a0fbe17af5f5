import { Injectable } from '@nestjs/common';
import { and, asc, count, eq, gte, inArray, lt, SQL } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { chatSessions, orders } from 'src/platform/db/schema';
import type { ListOrdersQuery, ListSessionsQuery } from './fact.dto';

const NONE = ['00000000-0000-0000-0000-000000000000'];
const sessionColumns = {
  id: chatSessions.id,
  externalId: chatSessions.externalId,
  queueId: chatSessions.queueId,
  agentId: chatSessions.agentId,
  startedAt: chatSessions.startedAt,
  endedAt: chatSessions.endedAt,
  firstResponseSeconds: chatSessions.firstResponseSeconds,
  meanResponseSeconds: chatSessions.meanResponseSeconds,
  customerMessages: chatSessions.customerMessages,
  agentMessages: chatSessions.agentMessages,
  preSale: chatSessions.preSale,
  resolved: chatSessions.resolved,
  rating: chatSessions.rating,
};
const orderColumns = {
  id: orders.id,
  externalOrderId: orders.externalOrderId,
  createdAt: orders.createdAt,
  paidAt: orders.paidAt,
  refundedAt: orders.refundedAt,
  amountCents: orders.amountCents,
  refundedCents: orders.refundedCents,
  outOfStock: orders.outOfStock,
  attributedAgentId: orders.attributedAgentId,
  attributedSessionId: orders.attributedSessionId,
};

/** Imported sessions and orders, read back (never the customer hash; the transcript only on its own route). */
@Injectable()
export class FactRepository {
  constructor(private readonly db: Db) {}

  async sessions(shopId: string, q: ListSessionsQuery, agentIds?: string[]) {
    const where = and(
      eq(chatSessions.shopId, shopId),
      gte(chatSessions.startedAt, new Date(q.from)),
      lt(chatSessions.startedAt, new Date(q.to)),
      q.agentId ? eq(chatSessions.agentId, q.agentId) : undefined,
      q.queueId ? eq(chatSessions.queueId, q.queueId) : undefined,
      agentIds ? inArray(chatSessions.agentId, agentIds.length ? agentIds : NONE) : undefined,
    );
    return this.page(
      where,
      q,
      (w) => this.db.q.select(sessionColumns).from(chatSessions).where(w).orderBy(asc(chatSessions.startedAt)),
      (w) => this.db.q.select({ total: count() }).from(chatSessions).where(w),
    );
  }

  async transcript(
    shopId: string,
    id: string,
  ): Promise<{ id: string; agentId: string; transcript: string | null } | undefined> {
    const [row] = await this.db.q
      .select({ id: chatSessions.id, agentId: chatSessions.agentId, transcript: chatSessions.transcript })
      .from(chatSessions)
      .where(and(eq(chatSessions.shopId, shopId), eq(chatSessions.id, id)))
      .limit(1);
    return row;
  }

  async orders(shopId: string, q: ListOrdersQuery, agentIds?: string[]) {
    const where = and(
      eq(orders.shopId, shopId),
      gte(orders.createdAt, new Date(q.from)),
      lt(orders.createdAt, new Date(q.to)),
      q.agentId ? eq(orders.attributedAgentId, q.agentId) : undefined,
      agentIds ? inArray(orders.attributedAgentId, agentIds.length ? agentIds : NONE) : undefined,
    );
    return this.page(
      where,
      q,
      (w) => this.db.q.select(orderColumns).from(orders).where(w).orderBy(asc(orders.createdAt)),
      (w) => this.db.q.select({ total: count() }).from(orders).where(w),
    );
  }

  private async page<T>(
    where: SQL | undefined,
    q: { limit: number; offset: number },
    rows: (w: SQL | undefined) => { limit: (n: number) => { offset: (n: number) => Promise<T[]> } },
    total: (w: SQL | undefined) => Promise<{ total: number }[]>,
  ) {
    const [items, [{ total: n }]] = await Promise.all([rows(where).limit(q.limit).offset(q.offset), total(where)]);
    return { items, total: n, limit: q.limit, offset: q.offset };
  }
}
