import { Injectable } from '@nestjs/common';
import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { trainingAttendees, trainingSessions } from 'src/platform/db/schema';

/** Time an agent is rostered but away from the queues: a booked training session. */
export type RosterActivity = {
  agentId: string;
  kind: 'training';
  sessionId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
};

/**
 * Activities booked into the roster by other modules, read here (not through their services) so
 * that training, which plans from the roster, and the roster, which shows training, need not import
 * each other.
 */
@Injectable()
export class RosterActivityReads {
  constructor(private readonly db: Db) {}

  async during(shopId: string, agentIds: string[], from: Date, to: Date): Promise<RosterActivity[]> {
    if (!agentIds.length) return [];
    const rows = await this.db.q
      .select({
        agentId: trainingAttendees.agentId,
        sessionId: trainingSessions.id,
        title: trainingSessions.title,
        startsAt: trainingSessions.startsAt,
        endsAt: trainingSessions.endsAt,
      })
      .from(trainingAttendees)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendees.sessionId))
      .where(
        and(
          eq(trainingSessions.shopId, shopId),
          eq(trainingSessions.status, 'booked'),
          inArray(trainingAttendees.agentId, agentIds),
          lt(trainingSessions.startsAt, to),
          gt(trainingSessions.endsAt, from),
        ),
      );
    return rows.map((r) => ({ ...r, kind: 'training' as const }));
  }
}
