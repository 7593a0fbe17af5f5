import { Injectable } from '@nestjs/common';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { openShifts, openShiftVolunteers } from 'src/platform/db/schema';

export type OpenShift = typeof openShifts.$inferSelect;
/** What a manager posts (the shop, state and poster are added when stored). */
export type PostedShift = Omit<typeof openShifts.$inferInsert, 'shopId' | 'status' | 'postedBy'>;

@Injectable()
export class OpenShiftRepository {
  constructor(private readonly db: Db) {}

  async insert(values: (typeof openShifts.$inferInsert)[]): Promise<OpenShift[]> {
    return values.length ? this.db.q.insert(openShifts).values(values).returning() : [];
  }

  /** Locked for the rest of the transaction: of two volunteers (or picks) at once the second sees the first. */
  async lock(shopId: string, id: string): Promise<OpenShift | undefined> {
    const [row] = await this.db.q
      .select()
      .from(openShifts)
      .where(and(eq(openShifts.shopId, shopId), eq(openShifts.id, id)))
      .for('update');
    return row;
  }

  async update(id: string, values: Partial<typeof openShifts.$inferInsert>): Promise<OpenShift> {
    const [row] = await this.db.q
      .update(openShifts)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(openShifts.id, id))
      .returning();
    return row;
  }

  /** How many are still open per date and template on a roster (gaps already posted are not posted twice). */
  async openCounts(shopId: string, rosterId: string): Promise<Map<string, number>> {
    const rows = await this.db.q
      .select({ date: openShifts.date, templateId: openShifts.shiftTemplateId, skill: openShifts.skill, n: count() })
      .from(openShifts)
      .where(and(eq(openShifts.shopId, shopId), eq(openShifts.rosterId, rosterId), eq(openShifts.status, 'open')))
      .groupBy(openShifts.date, openShifts.shiftTemplateId, openShifts.skill);
    return new Map(rows.map((r) => [`${r.date}/${r.templateId}/${r.skill ?? ''}`, r.n]));
  }

  async volunteer(shopId: string, openShiftId: string, agentId: string): Promise<void> {
    await this.db.q.insert(openShiftVolunteers).values({ shopId, openShiftId, agentId }).onConflictDoNothing();
  }

  async volunteers(ids: string[]): Promise<Map<string, string[]>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.q
      .select()
      .from(openShiftVolunteers)
      .where(inArray(openShiftVolunteers.openShiftId, ids))
      .orderBy(openShiftVolunteers.createdAt);
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.openShiftId, [...(out.get(r.openShiftId) ?? []), r.agentId]);
    return out;
  }
}
