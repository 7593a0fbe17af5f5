import { Injectable } from '@nestjs/common';
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { shiftTemplates } from 'src/platform/db/schema';

export type ShiftTemplate = typeof shiftTemplates.$inferSelect;
export type NewShiftTemplate = typeof shiftTemplates.$inferInsert;

/** A shop's shift templates; archived ones stay readable for the rosters that used them. */
@Injectable()
export class ShiftTemplateRepository {
  constructor(private readonly db: Db) {}

  list(shopId: string, withArchived = false): Promise<ShiftTemplate[]> {
    return this.db.q
      .select()
      .from(shiftTemplates)
      .where(and(eq(shiftTemplates.shopId, shopId), withArchived ? undefined : isNull(shiftTemplates.archivedAt)))
      .orderBy(asc(shiftTemplates.startMinutes), asc(shiftTemplates.startEarliest), asc(shiftTemplates.code));
  }

  async find(shopId: string, id: string): Promise<ShiftTemplate | undefined> {
    const [row] = await this.db.q
      .select()
      .from(shiftTemplates)
      .where(and(eq(shiftTemplates.shopId, shopId), eq(shiftTemplates.id, id)));
    return row;
  }

  async findByCode(shopId: string, code: string): Promise<ShiftTemplate | undefined> {
    const [row] = await this.db.q
      .select()
      .from(shiftTemplates)
      .where(and(eq(shiftTemplates.shopId, shopId), eq(shiftTemplates.code, code)));
    return row;
  }

  /** Whether the shop ever had a template (archived ones count). */
  async any(shopId: string): Promise<boolean> {
    const [row] = await this.db.q.select({ n: count() }).from(shiftTemplates).where(eq(shiftTemplates.shopId, shopId));
    return row.n > 0;
  }

  async insert(values: NewShiftTemplate): Promise<ShiftTemplate> {
    const [row] = await this.db.q.insert(shiftTemplates).values(values).returning();
    return row;
  }

  /** Concurrent first uses of a shop insert the starter set once (the code is unique per shop). */
  async insertMissing(values: NewShiftTemplate[]): Promise<void> {
    await this.db.q.insert(shiftTemplates).values(values).onConflictDoNothing();
  }

  async update(shopId: string, id: string, values: Partial<NewShiftTemplate>): Promise<ShiftTemplate | undefined> {
    const [row] = await this.db.q
      .update(shiftTemplates)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(shiftTemplates.shopId, shopId), eq(shiftTemplates.id, id)))
      .returning();
    return row;
  }
}
