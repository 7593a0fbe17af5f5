import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, getTableColumns, inArray, sql, SQL } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { agents, ledgerEntries, rankingRows } from 'src/platform/db/schema';
import type { ListLedgerQuery } from './ranking.dto';

export type LedgerEntry = typeof ledgerEntries.$inferSelect;
export type NewLedgerEntry = typeof ledgerEntries.$inferInsert;
/** An entry with the rank that booked it (rule entries; null for manual ones). */
export type RankedLedgerEntry = LedgerEntry & { rank: number | null };

@Injectable()
export class LedgerRepository {
  constructor(private readonly db: Db) {}

  async insert(values: NewLedgerEntry): Promise<LedgerEntry> {
    const [row] = await this.db.q.insert(ledgerEntries).values(values).returning();
    return row;
  }

  /** Rule entries are unique per (run, agent, rule): approving twice cannot book them twice. */
  async insertFromRules(values: NewLedgerEntry[]): Promise<number> {
    if (values.length === 0) return 0;
    const rows = await this.db.q
      .insert(ledgerEntries)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: ledgerEntries.id });
    return rows.length;
  }

  async find(shopId: string, id: string): Promise<LedgerEntry | undefined> {
    const [row] = await this.db.q
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.shopId, shopId), eq(ledgerEntries.id, id)))
      .limit(1);
    return row;
  }

  /** Decides only a proposed entry: the check and the change are one statement. */
  async decide(
    shopId: string,
    id: string,
    status: 'approved' | 'rejected',
    userId: string,
  ): Promise<LedgerEntry | undefined> {
    const [row] = await this.db.q
      .update(ledgerEntries)
      .set({ status, decidedBy: userId, decidedAt: new Date() })
      .where(and(eq(ledgerEntries.shopId, shopId), eq(ledgerEntries.id, id), eq(ledgerEntries.status, 'proposed')))
      .returning();
    return row;
  }

  async list(
    shopId: string,
    query: ListLedgerQuery,
    agentIds?: string[],
  ): Promise<{ rows: RankedLedgerEntry[]; total: number }> {
    const filters: (SQL | undefined)[] = [
      eq(ledgerEntries.shopId, shopId),
      query.month ? eq(ledgerEntries.month, query.month) : undefined,
      query.agentId ? eq(ledgerEntries.agentId, query.agentId) : undefined,
      query.status ? eq(ledgerEntries.status, query.status) : undefined,
      agentIds ? (agentIds.length ? inArray(ledgerEntries.agentId, agentIds) : sql`false`) : undefined,
    ];
    const where = and(...filters);
    const [rows, [{ total }]] = await Promise.all([
      this.withRank()
        .where(where)
        .orderBy(desc(ledgerEntries.month), desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
        .limit(query.limit)
        .offset(query.offset),
      this.db.q.select({ total: count() }).from(ledgerEntries).where(where),
    ]);
    return { rows, total };
  }

  /** The same entry with the rank that booked it. */
  async ranked(entry: LedgerEntry): Promise<RankedLedgerEntry> {
    if (!entry.rankingRunId) return { ...entry, rank: null };
    const [row] = await this.db.q
      .select({ rank: rankingRows.rank })
      .from(rankingRows)
      .where(and(eq(rankingRows.runId, entry.rankingRunId), eq(rankingRows.agentId, entry.agentId)))
      .limit(1);
    return { ...entry, rank: row?.rank ?? null };
  }

  private withRank() {
    return this.db.q
      .select({ ...getTableColumns(ledgerEntries), rank: rankingRows.rank })
      .from(ledgerEntries)
      .leftJoin(
        rankingRows,
        and(eq(rankingRows.runId, ledgerEntries.rankingRunId), eq(rankingRows.agentId, ledgerEntries.agentId)),
      );
  }

  async agentExists(shopId: string, agentId: string): Promise<boolean> {
    const [row] = await this.db.q
      .select({ id: agents.id })
      .from(agents)
      .where(and(eq(agents.shopId, shopId), eq(agents.id, agentId)))
      .limit(1);
    return !!row;
  }
}
