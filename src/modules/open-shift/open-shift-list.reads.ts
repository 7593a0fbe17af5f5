import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { openShifts, rosters } from 'src/platform/db/schema';

/** The open shifts a caller may see, read with the teams of their roster (`rosters` are the roster module's). */
@Injectable()
export class OpenShiftListReads {
  constructor(private readonly db: Db) {}

  /** Newest first; `teamId` keeps those of rosters that include the team (agents and supervisors see their own). */
  async list(
    shopId: string,
    query: { status?: string; rosterId?: string; limit: number; offset: number },
    teamId?: string | null,
  ) {
    const where = and(
      eq(openShifts.shopId, shopId),
      query.status ? eq(openShifts.status, query.status) : undefined,
      query.rosterId ? eq(openShifts.rosterId, query.rosterId) : undefined,
      teamId === undefined
        ? undefined
        : teamId === null
          ? sql`false`
          : sql`(${rosters.teamIds} = '[]'::jsonb or ${rosters.teamIds} @> ${JSON.stringify([teamId])}::jsonb)`,
    );
    const [rows, [{ total }]] = await Promise.all([
      this.db.q
        .select({ shift: openShifts })
        .from(openShifts)
        .innerJoin(rosters, eq(rosters.id, openShifts.rosterId))
        .where(where)
        .orderBy(desc(openShifts.createdAt), desc(openShifts.id))
        .limit(query.limit)
        .offset(query.offset),
      this.db.q
        .select({ total: count() })
        .from(openShifts)
        .innerJoin(rosters, eq(rosters.id, openShifts.rosterId))
        .where(where),
    ]);
    return { rows: rows.map((r) => r.shift), total };
  }
}
