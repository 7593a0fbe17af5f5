import { Injectable } from '@nestjs/common';
import { and, asc, eq, gt, inArray, lt, sql, SQL } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { trainingAttendees, trainingSessions } from 'src/platform/db/schema';

export type TrainingSession = typeof trainingSessions.$inferSelect;
export type NewTrainingSession = typeof trainingSessions.$inferInsert;
export type Attendee = Omit<typeof trainingAttendees.$inferSelect, 'shopId'>;
export type Attendance = 'attended' | 'absent';
export type SessionFilter = { from: Date; to: Date; status: 'draft' | 'booked'; agentIds?: string[] };

/** Training sessions and the agents placed in them. */
@Injectable()
export class TrainingSessionRepository {
  constructor(private readonly db: Db) {}

  /** Serialises bookings and drafts of a shop for the rest of the transaction: two planners cannot take the same people twice. */
  async lockShop(shopId: string): Promise<void> {
    await this.db.q.execute(sql`SELECT pg_advisory_xact_lock(hashtext('training-sessions'), hashtext(${shopId}))`);
  }

  async insert(values: NewTrainingSession, attendees: string[]): Promise<TrainingSession> {
    const [row] = await this.db.q.insert(trainingSessions).values(values).returning();
    if (attendees.length) {
      await this.db.q
        .insert(trainingAttendees)
        .values(attendees.map((agentId) => ({ shopId: values.shopId, sessionId: row.id, agentId })));
    }
    return row;
  }

  async find(shopId: string, id: string): Promise<TrainingSession | undefined> {
    const [row] = await this.db.q
      .select()
      .from(trainingSessions)
      .where(and(eq(trainingSessions.shopId, shopId), eq(trainingSessions.id, id)))
      .limit(1);
    return row;
  }

  /** Sessions overlapping [from, to); with agentIds, only those placing one of them. */
  list(shopId: string, filter: SessionFilter): Promise<TrainingSession[]> {
    if (filter.agentIds && filter.agentIds.length === 0) return Promise.resolve([]);
    const conditions: (SQL | undefined)[] = [
      eq(trainingSessions.shopId, shopId),
      eq(trainingSessions.status, filter.status),
      lt(trainingSessions.startsAt, filter.to),
      gt(trainingSessions.endsAt, filter.from),
      filter.agentIds
        ? inArray(
            trainingSessions.id,
            this.db.q
              .select({ id: trainingAttendees.sessionId })
              .from(trainingAttendees)
              .where(and(eq(trainingAttendees.shopId, shopId), inArray(trainingAttendees.agentId, filter.agentIds))),
          )
        : undefined,
    ];
    return this.db.q
      .select()
      .from(trainingSessions)
      .where(and(...conditions))
      .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
  }

  /** Booked sessions of a trainer overlapping [from, to): the trainer cannot be in two rooms. */
  async trainerBusy(
    shopId: string,
    trainerUserId: string,
    from: Date,
    to: Date,
  ): Promise<{ start: number; end: number }[]> {
    const rows = await this.db.q
      .select({ startsAt: trainingSessions.startsAt, endsAt: trainingSessions.endsAt })
      .from(trainingSessions)
      .where(
        and(
          eq(trainingSessions.shopId, shopId),
          eq(trainingSessions.status, 'booked'),
          eq(trainingSessions.trainerUserId, trainerUserId),
          lt(trainingSessions.startsAt, to),
          gt(trainingSessions.endsAt, from),
        ),
      );
    return rows.map((r) => ({ start: r.startsAt.getTime(), end: r.endsAt.getTime() }));
  }

  /** Booked training of every agent overlapping [from, to): already away from the queue then. */
  async bookedAttendance(
    shopId: string,
    from: Date,
    to: Date,
  ): Promise<{ agentId: string; start: number; end: number }[]> {
    const rows = await this.db.q
      .select({
        agentId: trainingAttendees.agentId,
        startsAt: trainingSessions.startsAt,
        endsAt: trainingSessions.endsAt,
      })
      .from(trainingAttendees)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendees.sessionId))
      .where(
        and(
          eq(trainingAttendees.shopId, shopId),
          eq(trainingSessions.status, 'booked'),
          lt(trainingSessions.startsAt, to),
          gt(trainingSessions.endsAt, from),
        ),
      );
    return rows.map((r) => ({ agentId: r.agentId, start: r.startsAt.getTime(), end: r.endsAt.getTime() }));
  }

  attendees(sessionIds: string[]): Promise<(Attendee & { sessionId: string })[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return this.db.q
      .select({
        sessionId: trainingAttendees.sessionId,
        agentId: trainingAttendees.agentId,
        attendance: trainingAttendees.attendance,
        markedBy: trainingAttendees.markedBy,
        markedAt: trainingAttendees.markedAt,
      })
      .from(trainingAttendees)
      .where(inArray(trainingAttendees.sessionId, sessionIds))
      .orderBy(asc(trainingAttendees.agentId));
  }

  /** Records attendance of the given attendees in one statement; returns how many rows matched. */
  async markAttendance(
    sessionId: string,
    marks: { agentId: string; attendance: Attendance }[],
    userId: string,
  ): Promise<number> {
    if (marks.length === 0) return 0;
    const values = sql.join(
      marks.map((m) => sql`(${m.agentId}::uuid, ${m.attendance})`),
      sql`, `,
    );
    const rows = await this.db.q.execute(sql`
      UPDATE training_attendees a SET attendance = v.attendance, marked_by = ${userId}::uuid, marked_at = now()
      FROM (VALUES ${values}) AS v(agent_id, attendance)
      WHERE a.session_id = ${sessionId}::uuid AND a.agent_id = v.agent_id
      RETURNING 1`);
    return rows.length;
  }

  /** A re-run of the weekly draft replaces the week's drafts (their attendees go with them). */
  async deleteDrafts(shopId: string, week: string): Promise<number> {
    const rows = await this.db.q
      .delete(trainingSessions)
      .where(
        and(
          eq(trainingSessions.shopId, shopId),
          eq(trainingSessions.status, 'draft'),
          eq(trainingSessions.draftWeek, week),
        ),
      )
      .returning({ id: trainingSessions.id });
    return rows.length;
  }

  async deleteDraft(shopId: string, id: string): Promise<boolean> {
    const rows = await this.db.q
      .delete(trainingSessions)
      .where(
        and(eq(trainingSessions.shopId, shopId), eq(trainingSessions.id, id), eq(trainingSessions.status, 'draft')),
      )
      .returning({ id: trainingSessions.id });
    return rows.length > 0;
  }
}
