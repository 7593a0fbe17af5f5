import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { qcRubricItems, qcRubricVersions } from 'src/platform/db/schema';
import type { QcCategory, RubricItem } from './engine/review-score';

export type StoredRubricItem = RubricItem & { title: string; titleEn: string | null; position: number };
export type Rubric = {
  id: string;
  version: number;
  name: string;
  active: boolean;
  createdAt: Date;
  items: StoredRubricItem[];
};
export type NewRubricItem = Omit<StoredRubricItem, 'id' | 'position' | 'titleEn'> & { titleEn?: string | null };

/** Rubric versions: a new version retires none of the old ones' reviews, which keep their version. */
@Injectable()
export class RubricRepository {
  constructor(private readonly db: Db) {}

  async versions(shopId: string): Promise<Rubric[]> {
    const rows = await this.db.q
      .select()
      .from(qcRubricVersions)
      .where(eq(qcRubricVersions.shopId, shopId))
      .orderBy(desc(qcRubricVersions.version));
    return this.withItems(rows);
  }

  async find(shopId: string, id: string): Promise<Rubric | undefined> {
    const rows = await this.db.q
      .select()
      .from(qcRubricVersions)
      .where(and(eq(qcRubricVersions.shopId, shopId), eq(qcRubricVersions.id, id)));
    return (await this.withItems(rows))[0];
  }

  async current(shopId: string): Promise<Rubric | undefined> {
    const rows = await this.db.q
      .select()
      .from(qcRubricVersions)
      .where(and(eq(qcRubricVersions.shopId, shopId), eq(qcRubricVersions.active, true)))
      .orderBy(desc(qcRubricVersions.version))
      .limit(1);
    return (await this.withItems(rows))[0];
  }

  /** Serialises rubric writes of a shop until the transaction ends (version numbers, the default). */
  async lock(shopId: string): Promise<void> {
    await this.db.q.execute(sql`select pg_advisory_xact_lock(hashtext(${`qc-rubric:${shopId}`}))`);
  }

  /** Call inside a transaction after `lock`, so two editors cannot take the same version number. */
  async create(shopId: string, name: string, items: NewRubricItem[], userId: string | null): Promise<Rubric> {
    const [{ next }] = await this.db.q
      .select({ next: sql<number>`coalesce(max(${qcRubricVersions.version}), 0)::int + 1` })
      .from(qcRubricVersions)
      .where(eq(qcRubricVersions.shopId, shopId));
    const [version] = await this.db.q
      .insert(qcRubricVersions)
      .values({ shopId, version: next, name, createdBy: userId })
      .returning();
    await this.db.q.insert(qcRubricItems).values(
      items.map((item, position) => ({
        shopId,
        rubricVersionId: version.id,
        code: item.code,
        category: item.category,
        title: item.title,
        titleEn: item.titleEn ?? null,
        kind: item.kind,
        maxPoints: String(item.maxPoints),
        critical: item.critical,
        position,
      })),
    );
    return (await this.find(shopId, version.id))!;
  }

  private async withItems(rows: (typeof qcRubricVersions.$inferSelect)[]): Promise<Rubric[]> {
    if (!rows.length) return [];
    const items = await this.db.q
      .select()
      .from(qcRubricItems)
      .where(
        inArray(
          qcRubricItems.rubricVersionId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(qcRubricItems.position));
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      name: r.name,
      active: r.active,
      createdAt: r.createdAt,
      items: items
        .filter((i) => i.rubricVersionId === r.id)
        .map((i) => ({
          id: i.id,
          code: i.code,
          category: i.category as QcCategory,
          title: i.title,
          titleEn: i.titleEn,
          kind: i.kind as 'points' | 'deduction',
          maxPoints: Number(i.maxPoints),
          critical: i.critical,
          position: i.position,
        })),
    }));
  }
}
