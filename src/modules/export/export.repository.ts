import { Injectable } from '@nestjs/common';
import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { exportFiles } from 'src/platform/db/schema';

export type ExportRecord = Omit<typeof exportFiles.$inferSelect, 'content'>;
type NewExport = typeof exportFiles.$inferInsert;

const { content: _content, ...withoutContent } = getTableColumns(exportFiles);

@Injectable()
export class ExportRepository {
  constructor(private readonly db: Db) {}

  async insert(values: NewExport): Promise<ExportRecord> {
    const [row] = await this.db.q.insert(exportFiles).values(values).returning(withoutContent);
    return row;
  }

  async update(id: string, values: Partial<NewExport>): Promise<void> {
    await this.db.q.update(exportFiles).set(values).where(eq(exportFiles.id, id));
  }

  async find(shopId: string, id: string): Promise<ExportRecord | undefined> {
    const [row] = await this.db.q
      .select(withoutContent)
      .from(exportFiles)
      .where(and(eq(exportFiles.shopId, shopId), eq(exportFiles.id, id)))
      .limit(1);
    return row;
  }

  async content(shopId: string, id: string): Promise<Buffer | null> {
    const [row] = await this.db.q
      .select({ content: exportFiles.content })
      .from(exportFiles)
      .where(and(eq(exportFiles.shopId, shopId), eq(exportFiles.id, id)))
      .limit(1);
    return row?.content ?? null;
  }

  async list(
    shopId: string,
    requestedBy: string | null,
    limit: number,
    offset: number,
  ): Promise<{ rows: ExportRecord[]; total: number }> {
    const where = requestedBy
      ? and(eq(exportFiles.shopId, shopId), eq(exportFiles.requestedBy, requestedBy))
      : eq(exportFiles.shopId, shopId);
    const [rows, [{ total }]] = await Promise.all([
      this.db.q
        .select(withoutContent)
        .from(exportFiles)
        .where(where)
        .orderBy(desc(exportFiles.createdAt))
        .limit(limit)
        .offset(offset),
      this.db.q
        .select({ total: sql<number>`count(*)::int` })
        .from(exportFiles)
        .where(where),
    ]);
    return { rows, total };
  }
}
