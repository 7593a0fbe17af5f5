import { Injectable } from '@nestjs/common';
import { and, asc, count, desc, eq, getTableColumns, gte, inArray, lte, sql, SQL } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { rosterPublications, rosters, rosterShifts, rosterVersions, users } from 'src/platform/db/schema';
import type { ListRostersQuery } from './roster.dto';

export type Roster = typeof rosters.$inferSelect;
export type NewRoster = typeof rosters.$inferInsert;
export type RosterVersion = typeof rosterVersions.$inferSelect;
/** A version without its scores (the per-slot coverage is most of a version's size). */
export type RosterVersionHead = Omit<RosterVersion, 'evaluation'>;
export type RosterShift = Omit<typeof rosterShifts.$inferSelect, 'shopId' | 'versionId'>;
/** A published shift with its roster's zone (the zone the roster was planned in, not the shop's current one). */
export type PublishedShift = RosterShift & {
  rosterId: string;
  version: number;
  publishedAt: Date | null;
  timeZone: string;
};
/** Who made and who published each version of a roster, by name. */
export type VersionAuthors = { version: number; createdBy: string | null; publishedBy: string | null };

/** Which publication says what an agent works in a week. */
export type Publication = { agentId: string; rosterId: string; versionId: string; version: number; publishedAt: Date };

/** Rosters, their numbered versions, and the shifts of each version. */
const { evaluation: _evaluation, ...versionHead } = getTableColumns(rosterVersions);

@Injectable()
export class RosterRepository {
  constructor(private readonly db: Db) {}

  async insert(values: NewRoster): Promise<Roster> {
    const [row] = await this.db.q.insert(rosters).values(values).returning();
    return row;
  }

  async find(shopId: string, id: string): Promise<Roster | undefined> {
    const [row] = await this.db.q
      .select()
      .from(rosters)
      .where(and(eq(rosters.shopId, shopId), eq(rosters.id, id)));
    return row;
  }

  /** Locks the roster row for the rest of the transaction: edits and publishing queue up behind each other. */
  async lock(shopId: string, id: string): Promise<Roster | undefined> {
    const [row] = await this.db.q
      .select()
      .from(rosters)
      .where(and(eq(rosters.shopId, shopId), eq(rosters.id, id)))
      .for('update');
    return row;
  }

  async update(id: string, values: Partial<NewRoster>): Promise<void> {
    await this.db.q
      .update(rosters)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(rosters.id, id));
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
      teamIds
        ? sql`(${rosters.teamIds} = '[]'::jsonb or ${rosters.teamIds} ?| array[${sql.join([sql`''`, ...teamIds.map((t) => sql`${t}`)], sql`, `)}]::text[])`
        : undefined,
    ];
    const where = and(...filters);
    const [rows, [{ total }]] = await Promise.all([
      this.db.q
        .select()
        .from(rosters)
        .where(where)
        .orderBy(desc(rosters.weekStart), desc(rosters.createdAt))
        .limit(query.limit)
        .offset(query.offset),
      this.db.q.select({ total: count() }).from(rosters).where(where),
    ]);
    return { rows, total };
  }

  versions(rosterId: string): Promise<RosterVersion[]> {
    return this.db.q
      .select()
      .from(rosterVersions)
      .where(eq(rosterVersions.rosterId, rosterId))
      .orderBy(asc(rosterVersions.version));
  }

  versionHeads(rosterId: string): Promise<RosterVersionHead[]> {
    return this.db.q
      .select(versionHead)
      .from(rosterVersions)
      .where(eq(rosterVersions.rosterId, rosterId))
      .orderBy(asc(rosterVersions.version));
  }

  /** One statement for every version: the display names of whoever made and published it. */
  async versionAuthors(rosterId: string): Promise<VersionAuthors[]> {
    return this.db.q.execute<VersionAuthors>(sql`
      SELECT v.version, c.display_name AS "createdBy", p.display_name AS "publishedBy"
      FROM ${rosterVersions} v
        LEFT JOIN ${users} c ON c.id = v.created_by
        LEFT JOIN ${users} p ON p.id = v.published_by
      WHERE v.roster_id = ${rosterId} ORDER BY v.version`);
  }

  versionsOf(rosterIds: string[]): Promise<RosterVersionHead[]> {
    if (rosterIds.length === 0) return Promise.resolve([]);
    return this.db.q
      .select(versionHead)
      .from(rosterVersions)
      .where(inArray(rosterVersions.rosterId, rosterIds))
      .orderBy(asc(rosterVersions.version));
  }

  async evaluation(versionId: string): Promise<RosterVersion['evaluation'] | null> {
    const [row] = await this.db.q
      .select({ evaluation: rosterVersions.evaluation })
      .from(rosterVersions)
      .where(eq(rosterVersions.id, versionId));
    return row?.evaluation ?? null;
  }

  async deleteVersions(rosterId: string): Promise<void> {
    await this.db.q.delete(rosterVersions).where(eq(rosterVersions.rosterId, rosterId));
  }

  async insertVersion(values: typeof rosterVersions.$inferInsert): Promise<RosterVersion> {
    const [row] = await this.db.q.insert(rosterVersions).values(values).returning();
    return row;
  }

  async updateVersion(id: string, values: Partial<typeof rosterVersions.$inferInsert>): Promise<void> {
    await this.db.q
      .update(rosterVersions)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(rosterVersions.id, id));
  }

  shifts(versionId: string): Promise<RosterShift[]> {
    return this.db.q
      .select({
        agentId: rosterShifts.agentId,
        day: rosterShifts.day,
        localDate: rosterShifts.localDate,
        shiftTemplateId: rosterShifts.shiftTemplateId,
        startMinutes: rosterShifts.startMinutes,
        lengthMinutes: rosterShifts.lengthMinutes,
        skill: rosterShifts.skill,
        startsAt: rosterShifts.startsAt,
        endsAt: rosterShifts.endsAt,
        breaks: rosterShifts.breaks,
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
   * Makes a published version the week's truth for the agents it rosters (one publication at a time
   * per shop and week). Versions left with no agent are superseded by it. Returns the other rosters
   * that lost agents to it (their views changed).
   */
  async publish(
    shopId: string,
    weekStart: string,
    rosterId: string,
    versionId: string,
    agentIds: string[],
  ): Promise<string[]> {
    await this.db.q.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`roster-week:${shopId}:${weekStart}`}))`);
    if (agentIds.length === 0) return [];
    const mine = and(
      eq(rosterPublications.shopId, shopId),
      eq(rosterPublications.weekStart, weekStart),
      inArray(rosterPublications.agentId, agentIds),
    );
    const losers = await this.db.q
      .selectDistinct({ rosterId: rosterPublications.rosterId })
      .from(rosterPublications)
      .where(and(mine, sql`${rosterPublications.versionId} <> ${versionId}`));
    await this.db.q
      .insert(rosterPublications)
      .values(agentIds.map((agentId) => ({ shopId, weekStart, agentId, rosterId, versionId, publishedAt: sql`now()` })))
      .onConflictDoUpdate({
        target: [rosterPublications.shopId, rosterPublications.weekStart, rosterPublications.agentId],
        set: { rosterId, versionId, publishedAt: sql`now()` },
      });
    await this.db.q
      .update(rosterVersions)
      .set({ status: 'superseded', supersededAt: sql`now()`, supersededBy: versionId, updatedAt: sql`now()` })
      .where(
        and(
          eq(rosterVersions.shopId, shopId),
          eq(rosterVersions.status, 'published'),
          sql`${rosterVersions.id} <> ${versionId}`,
          sql`${rosterVersions.rosterId} IN (SELECT id FROM rosters WHERE shop_id = ${shopId} AND week_start = ${weekStart})`,
          sql`NOT EXISTS (SELECT 1 FROM roster_publications p WHERE p.version_id = ${rosterVersions.id})`,
        ),
      );
    return losers.map((l) => l.rosterId).filter((id) => id !== rosterId);
  }

  /** Bumps the revision of rosters whose published view changed under them (a later publication took agents). */
  async touch(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.q
      .update(rosters)
      .set({ revision: sql`${rosters.revision} + 1`, updatedAt: sql`now()` })
      .where(inArray(rosters.id, ids));
  }

  /** The publication each of some agents' week comes from (agents of no publication are absent). */
  async publications(shopId: string, weekStart: string, agentIds: string[]): Promise<Publication[]> {
    if (agentIds.length === 0) return [];
    return this.db.q
      .select({
        agentId: rosterPublications.agentId,
        rosterId: rosterPublications.rosterId,
        versionId: rosterPublications.versionId,
        version: rosterVersions.version,
        publishedAt: rosterPublications.publishedAt,
      })
      .from(rosterPublications)
      .innerJoin(rosterVersions, eq(rosterVersions.id, rosterPublications.versionId))
      .where(
        and(
          eq(rosterPublications.shopId, shopId),
          eq(rosterPublications.weekStart, weekStart),
          inArray(rosterPublications.agentId, agentIds),
        ),
      );
  }

  /** A version by id within a shop, with its roster's week (the successor of a superseded version). */
  async versionById(shopId: string, id: string): Promise<(RosterVersion & { weekStart: string }) | undefined> {
    const [row] = await this.db.q
      .select({ version: rosterVersions, weekStart: rosters.weekStart })
      .from(rosterVersions)
      .innerJoin(rosters, eq(rosters.id, rosterVersions.rosterId))
      .where(and(eq(rosterVersions.shopId, shopId), eq(rosterVersions.id, id)));
    return row ? { ...row.version, weekStart: row.weekStart } : undefined;
  }

  /**
   * Shifts of the week's truth for some agents and local dates: for each agent and week, the
   * publication that rostered the agent last (a later draft changes nothing until published).
   */
  async published(shopId: string, agentIds: string[], fromDate: string, toDate: string): Promise<PublishedShift[]> {
    if (agentIds.length === 0) return [];
    return this.db.q
      .select({
        agentId: rosterShifts.agentId,
        day: rosterShifts.day,
        localDate: rosterShifts.localDate,
        shiftTemplateId: rosterShifts.shiftTemplateId,
        startMinutes: rosterShifts.startMinutes,
        lengthMinutes: rosterShifts.lengthMinutes,
        skill: rosterShifts.skill,
        startsAt: rosterShifts.startsAt,
        endsAt: rosterShifts.endsAt,
        breaks: rosterShifts.breaks,
        rosterId: rosterPublications.rosterId,
        version: rosterVersions.version,
        publishedAt: rosterPublications.publishedAt,
        // The zone the roster was planned in; a roster stored without its problem (made by hand) falls back to the shop's.
        timeZone: sql<string>`coalesce(${rosters.problem}->'horizon'->>'timeZone', (SELECT time_zone FROM shops WHERE shops.id = ${rosters.shopId}))`,
      })
      .from(rosterShifts)
      .innerJoin(
        rosterPublications,
        and(
          eq(rosterPublications.versionId, rosterShifts.versionId),
          eq(rosterPublications.agentId, rosterShifts.agentId),
        ),
      )
      .innerJoin(rosterVersions, eq(rosterVersions.id, rosterShifts.versionId))
      .innerJoin(rosters, eq(rosters.id, rosterPublications.rosterId))
      .where(
        and(
          eq(rosterShifts.shopId, shopId),
          inArray(rosterShifts.agentId, agentIds),
          gte(rosterShifts.localDate, fromDate),
          lte(rosterShifts.localDate, toDate),
        ),
      )
      .orderBy(asc(rosterShifts.agentId), asc(rosterShifts.localDate));
  }
}
