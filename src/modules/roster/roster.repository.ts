import { Injectable } from '@nestjs/common';
import { and, asc, count, desc, eq, gte, inArray, lte, sql, SQL } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { rosters, rosterShifts, rosterVersions } from 'src/platform/db/schema';
import type { ListRostersQuery } from './roster.dto';

export type Roster = typeof rosters.$inferSelect;
export type NewRoster = typeof rosters.$inferInsert;
export type RosterVersion = typeof rosterVersions.$inferSelect;
export type RosterShift = Omit<typeof rosterShifts.$inferSelect, 'shopId' | 'versionId'>;
export type PublishedShift = RosterShift & { rosterId: string; version: number; publishedAt: Date | null };

/** Rosters, their numbered versions, and the shifts of each version. */
@Injectable()
export class RosterRepository {
  constructor(private readonly db: Db) {}

  async insert(values: NewRoster): Promise<Roster> {
    const [row] = await this.db.q.insert(rosters).values(values).returning();
    return row;
  }

  async find(shopId: string, id: string): Promise<Roster | undefined> {
    const [row] = await this.db.q.select().from(rosters).where(and(eq(rosters.shopId, shopId), eq(rosters.id, id)));
    return row;
  }

  /** Locks the roster row for the rest of the transaction: edits and publishing queue up behind each other. */
  async lock(shopId: string, id: string): Promise<Roster | undefined> {
    const [row] = await this.db.q.select().from(rosters).where(and(eq(rosters.shopId, shopId), eq(rosters.id, id))).for('update');
    return row;
  }

  async update(id: string, values: Partial<NewRoster>): Promise<void> {
    await this.db.q.update(rosters).set({ ...values, updatedAt: sql`now()` }).where(eq(rosters.id, id));
  }

  /** Marks a running solve to stop; the row when it was running (a finished one is left alone). */
  async requestStop(shopId: string, id: string): Promise<Roster | undefined> {
    const [row] = await this.db.q
      .update(rosters)
      .set({ stopRequestedAt: sql`coalesce(${rosters.stopRequestedAt}, now())`, updatedAt: sql`now()` })
      .where(and(eq(rosters.shopId, shopId), eq(rosters.id, id), eq(rosters.status, 'running')))
      .returning();
    return row;
  }

  async stopRequested(id: string): Promise<boolean> {
    const [row] = await this.db.q.select({ at: rosters.stopRequestedAt }).from(rosters).where(eq(rosters.id, id));
    return Boolean(row?.at);
  }

  async list(shopId: string, query: ListRostersQuery, teamIds?: string[]): Promise<{ rows: Roster[]; total: number }> {
    const filters: (SQL | undefined)[] = [
      eq(rosters.shopId, shopId),
      query.week ? eq(rosters.weekStart, query.week) : undefined,
      query.status ? eq(rosters.status, query.status) : undefined,
      // A roster of no named teams covers the whole shop.
      teamIds ? sql`(${rosters.teamIds} = '[]'::jsonb or ${rosters.teamIds} ?| array[${sql.join([sql`''`, ...teamIds.map((t) => sql`${t}`)], sql`, `)}]::text[])` : undefined,
    ];
    const where = and(...filters);
    const [rows, [{ total }]] = await Promise.all([
      this.db.q.select().from(rosters).where(where).orderBy(desc(rosters.weekStart), desc(rosters.createdAt)).limit(query.limit).offset(query.offset),
      this.db.q.select({ total: count() }).from(rosters).where(where),
    ]);
    return { rows, total };
  }

  versions(rosterId: string): Promise<RosterVersion[]> {
    return this.db.q.select().from(rosterVersions).where(eq(rosterVersions.rosterId, rosterId)).orderBy(asc(rosterVersions.version));
  }

  versionsOf(rosterIds: string[]): Promise<RosterVersion[]> {
    if (rosterIds.length === 0) return Promise.resolve([]);
    return this.db.q.select().from(rosterVersions).where(inArray(rosterVersions.rosterId, rosterIds)).orderBy(asc(rosterVersions.version));
  }

  async deleteVersions(rosterId: string): Promise<void> {
    await this.db.q.delete(rosterVersions).where(eq(rosterVersions.rosterId, rosterId));
  }

  async insertVersion(values: typeof rosterVersions.$inferInsert): Promise<RosterVersion> {
    const [row] = await this.db.q.insert(rosterVersions).values(values).returning();
    return row;
  }

  async updateVersion(id: string, values: Partial<typeof rosterVersions.$inferInsert>): Promise<void> {
    await this.db.q.update(rosterVersions).set({ ...values, updatedAt: sql`now()` }).where(eq(rosterVersions.id, id));
  }

  shifts(versionId: string): Promise<RosterShift[]> {
    return this.db.q
      .select({
        agentId: rosterShifts.agentId, day: rosterShifts.day, localDate: rosterShifts.localDate, shiftTemplateId: rosterShifts.shiftTemplateId,
        startMinutes: rosterShifts.startMinutes, lengthMinutes: rosterShifts.lengthMinutes, skill: rosterShifts.skill,
        startsAt: rosterShifts.startsAt, endsAt: rosterShifts.endsAt, breaks: rosterShifts.breaks,
      })
      .from(rosterShifts)
      .where(eq(rosterShifts.versionId, versionId))
      .orderBy(asc(rosterShifts.agentId), asc(rosterShifts.day));
  }

  /** The version's shifts replaced in one statement pair (a week of a shop is a few thousand rows at most). */
  async replaceShifts(shopId: string, versionId: string, shifts: RosterShift[]): Promise<void> {
    await this.db.q.delete(rosterShifts).where(eq(rosterShifts.versionId, versionId));
    for (let i = 0; i < shifts.length; i += 2_000) {
      await this.db.q.insert(rosterShifts).values(shifts.slice(i, i + 2_000).map((s) => ({ ...s, shopId, versionId })));
    }
  }

  /**
   * Shifts of the newest published version of every roster, for some agents and local dates; when
   * two published rosters give an agent the same day, the later publication wins.
   */
  async published(shopId: string, agentIds: string[], fromDate: string, toDate: string): Promise<PublishedShift[]> {
    if (agentIds.length === 0) return [];
    const newest = sql`${rosterVersions.version} = (select max(v2.version) from roster_versions v2 where v2.roster_id = ${rosterVersions.rosterId} and v2.status = 'published')`;
    const rows = await this.db.q
      .selectDistinctOn([rosterShifts.agentId, rosterShifts.localDate], {
        agentId: rosterShifts.agentId, day: rosterShifts.day, localDate: rosterShifts.localDate, shiftTemplateId: rosterShifts.shiftTemplateId,
        startMinutes: rosterShifts.startMinutes, lengthMinutes: rosterShifts.lengthMinutes, skill: rosterShifts.skill,
        startsAt: rosterShifts.startsAt, endsAt: rosterShifts.endsAt, breaks: rosterShifts.breaks,
        rosterId: rosterVersions.rosterId, version: rosterVersions.version, publishedAt: rosterVersions.publishedAt,
      })
      .from(rosterShifts)
      .innerJoin(rosterVersions, eq(rosterVersions.id, rosterShifts.versionId))
      .where(and(
        eq(rosterShifts.shopId, shopId), inArray(rosterShifts.agentId, agentIds), gte(rosterShifts.localDate, fromDate), lte(rosterShifts.localDate, toDate),
        eq(rosterVersions.status, 'published'), newest,
      ))
      .orderBy(asc(rosterShifts.agentId), asc(rosterShifts.localDate), desc(rosterVersions.publishedAt));
    return rows;
  }
}
