import { Injectable } from '@nestjs/common';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type postgres from 'postgres';
import { Db } from 'src/platform/db/db';
import { agents, chatSessions, imports, queues, skills } from 'src/platform/db/schema';
import type { ImportKindName } from './kinds/import-kind';
import { stagingColumns } from './staging';
import { attributionStatement, upsertStatement } from './upsert-statements';

export type ImportRecord = typeof imports.$inferSelect;

export type UpsertCounts = { inserted: number; updated: number };

/** One import's transaction: batches are COPYed into a staging table and upserted from it. */
export type StagingSession = {
  copyBatch: (lines: string) => Promise<void>;
  unknownSessions: (shopId: string) => Promise<{ row: number; sessionId: string }[]>;
  discard: (rows: number[]) => Promise<void>;
  /** Upserts what is staged and empties the staging table for the next batch. */
  upsertBatch: (shopId: string, importId: string) => Promise<UpsertCounts>;
  attribute: (shopId: string, timeZone: string, windowDays: number, from: Date, to: Date) => Promise<number>;
};

/** Thrown inside a staging session to roll everything back (all-or-nothing imports). */
export class RollbackImport extends Error {}

@Injectable()
export class ImportRepository {
  constructor(private readonly db: Db) {}

  async lookups(shopId: string) {
    const [agentRows, queueRows, skillRows] = await Promise.all([
      this.db.q.select({ id: agents.id, no: agents.employeeNo }).from(agents).where(eq(agents.shopId, shopId)),
      this.db.q.select({ id: queues.id, code: queues.code }).from(queues).where(eq(queues.shopId, shopId)),
      this.db.q.select({ id: skills.id, code: skills.code }).from(skills).where(eq(skills.shopId, shopId)),
    ]);
    return {
      agentIdByEmployeeNo: new Map(agentRows.map((a) => [a.no, a.id])),
      queueIdByCode: new Map(queueRows.map((q) => [q.code, q.id])),
      skillIdByCode: new Map(skillRows.map((s) => [s.code, s.id])),
    };
  }

  async hasSessions(shopId: string): Promise<boolean> {
    const [row] = await this.db.q
      .select({ id: chatSessions.id })
      .from(chatSessions)
      .where(eq(chatSessions.shopId, shopId))
      .limit(1);
    return Boolean(row);
  }

  /** The newest import record of a kind (the demo history marks itself complete in one). */
  async newestOfKind(shopId: string, kind: string): Promise<ImportRecord | undefined> {
    const [row] = await this.db.q
      .select()
      .from(imports)
      .where(and(eq(imports.shopId, shopId), eq(imports.kind, kind)))
      .orderBy(desc(imports.createdAt))
      .limit(1);
    return row;
  }

  async createRecord(values: typeof imports.$inferInsert): Promise<ImportRecord> {
    const [row] = await this.db.q.insert(imports).values(values).returning();
    return row;
  }

  async updateRecord(id: string, values: Partial<typeof imports.$inferInsert>): Promise<ImportRecord> {
    const [row] = await this.db.q.update(imports).set(values).where(eq(imports.id, id)).returning();
    return row;
  }

  async find(shopId: string, id: string): Promise<ImportRecord | undefined> {
    const [row] = await this.db.q
      .select()
      .from(imports)
      .where(and(eq(imports.shopId, shopId), eq(imports.id, id)))
      .limit(1);
    return row;
  }

  list(shopId: string, limit: number, offset: number): Promise<ImportRecord[]> {
    return this.db.q
      .select()
      .from(imports)
      .where(eq(imports.shopId, shopId))
      .orderBy(desc(imports.createdAt))
      .limit(limit)
      .offset(offset);
  }

  /** Imports whose upload was removed no longer name it. */
  async forgetUploads(paths: string[]): Promise<void> {
    await this.db.q.update(imports).set({ storedFile: null }).where(inArray(imports.storedFile, paths));
  }

  /** One transaction around a temporary staging table; throwing (RollbackImport or any error) leaves no trace. */
  async withStaging<T>(kind: ImportKindName, work: (session: StagingSession) => Promise<T>): Promise<T> {
    return (await this.db.client.begin(async (tx) => {
      const columns = stagingColumns[kind];
      await tx.unsafe(
        `CREATE TEMP TABLE staging (row_no integer NOT NULL, ${columns.map(([n, t]) => `${n} ${t}`).join(', ')}) ON COMMIT DROP`,
      );
      return work(this.session(tx, kind));
    })) as T;
  }

  private session(tx: postgres.TransactionSql, kind: ImportKindName): StagingSession {
    const names = ['row_no', ...stagingColumns[kind].map(([n]) => n)].join(', ');
    return {
      copyBatch: async (lines) => {
        const sink = await tx.unsafe(`COPY staging (${names}) FROM STDIN`).writable();
        await new Promise<void>((resolve, reject) => {
          sink.once('error', reject);
          sink.end(lines, () => resolve());
        });
      },
      unknownSessions: async (shopId) => {
        const rows = await tx`SELECT s.row_no, s.session_external_id FROM staging s
          WHERE NOT EXISTS (SELECT 1 FROM chat_sessions c WHERE c.shop_id = ${shopId} AND c.external_id = s.session_external_id)`;
        return rows.map((r) => ({ row: r.row_no as number, sessionId: r.session_external_id as string }));
      },
      discard: async (rows) => {
        // An array literal: the driver does not look array types up (see connect() in platform/db).
        if (rows.length) await tx`DELETE FROM staging WHERE row_no = ANY(${`{${rows.join(',')}}`}::int[])`;
      },
      upsertBatch: async (shopId, importId) => {
        const [counts] = await tx.unsafe(upsertStatement[kind], [shopId, importId]);
        await tx.unsafe('TRUNCATE staging');
        return { inserted: Number(counts.inserted), updated: Number(counts.updated) };
      },
      attribute: async (shopId, timeZone, windowDays, from, to) => {
        // Rows written in this transaction have no statistics yet: without them the planner picks a
        // nested loop over every earlier session per order (quadratic) instead of a hash join.
        await tx`ANALYZE chat_sessions, orders`;
        const [r] = await tx.unsafe(attributionStatement, [
          shopId,
          timeZone,
          windowDays,
          from.toISOString(),
          to.toISOString(),
        ]);
        return Number(r.changed);
      },
    };
  }
}
