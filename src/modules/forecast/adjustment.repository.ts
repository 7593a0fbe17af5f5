import { Injectable } from '@nestjs/common';
import { and, asc, count, desc, eq, gt, isNull, lt, SQL } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { forecastAdjustments } from 'src/platform/db/schema';
import type { AdjustmentRule } from './adjusted-value';
import type { ListAdjustmentsQuery } from './adjustment.dto';

const columns = {
  id: forecastAdjustments.id,
  shopId: forecastAdjustments.shopId,
  queueId: forecastAdjustments.queueId,
  from: forecastAdjustments.startsAt,
  to: forecastAdjustments.endsAt,
  kind: forecastAdjustments.kind,
  value: forecastAdjustments.value,
  reason: forecastAdjustments.reason,
  createdBy: forecastAdjustments.createdBy,
  createdAt: forecastAdjustments.createdAt,
  deletedBy: forecastAdjustments.deletedBy,
  deletedAt: forecastAdjustments.deletedAt,
};

type Row = typeof forecastAdjustments.$inferSelect;
export type Adjustment = Omit<Row, 'startsAt' | 'endsAt'> & { from: Row['startsAt']; to: Row['endsAt'] };

/** Planner adjustments; removal keeps the row (who removed it, when) for the audit trail. */
@Injectable()
export class AdjustmentRepository {
  constructor(private readonly db: Db) {}

  async insert(values: typeof forecastAdjustments.$inferInsert): Promise<Adjustment> {
    const [row] = await this.db.q.insert(forecastAdjustments).values(values).returning(columns);
    return row;
  }

  async find(shopId: string, id: string): Promise<Adjustment | undefined> {
    const [row] = await this.db.q
      .select(columns)
      .from(forecastAdjustments)
      .where(and(eq(forecastAdjustments.shopId, shopId), eq(forecastAdjustments.id, id)))
      .limit(1);
    return row;
  }

  async markDeleted(id: string, deletedBy: string): Promise<Adjustment> {
    const [row] = await this.db.q
      .update(forecastAdjustments)
      .set({ deletedBy, deletedAt: new Date() })
      .where(eq(forecastAdjustments.id, id))
      .returning(columns);
    return row;
  }

  async list(shopId: string, query: ListAdjustmentsQuery): Promise<{ rows: Adjustment[]; total: number }> {
    const filters: (SQL | undefined)[] = [
      eq(forecastAdjustments.shopId, shopId),
      query.queueId ? eq(forecastAdjustments.queueId, query.queueId) : undefined,
      query.from ? gt(forecastAdjustments.endsAt, new Date(query.from)) : undefined,
      query.to ? lt(forecastAdjustments.startsAt, new Date(query.to)) : undefined,
      query.includeDeleted ? undefined : isNull(forecastAdjustments.deletedAt),
    ];
    const where = and(...filters);
    const [rows, [{ total }]] = await Promise.all([
      this.db.q
        .select(columns)
        .from(forecastAdjustments)
        .where(where)
        .orderBy(desc(forecastAdjustments.startsAt), desc(forecastAdjustments.createdAt))
        .limit(query.limit)
        .offset(query.offset),
      this.db.q.select({ total: count() }).from(forecastAdjustments).where(where),
    ]);
    return { rows, total };
  }

  /** Live adjustments of a queue overlapping [from, to), oldest first: the order they apply in. */
  async rules(shopId: string, queueId: string, from: Date, to: Date): Promise<AdjustmentRule[]> {
    const rows = await this.db.q
      .select(columns)
      .from(forecastAdjustments)
      .where(
        and(
          eq(forecastAdjustments.shopId, shopId),
          eq(forecastAdjustments.queueId, queueId),
          isNull(forecastAdjustments.deletedAt),
          gt(forecastAdjustments.endsAt, from),
          lt(forecastAdjustments.startsAt, to),
        ),
      )
      .orderBy(asc(forecastAdjustments.createdAt), asc(forecastAdjustments.id));
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as AdjustmentRule['kind'],
      value: r.value,
      startsAt: r.from,
      endsAt: r.to,
      reason: r.reason,
      createdBy: r.createdBy,
    }));
  }
}
