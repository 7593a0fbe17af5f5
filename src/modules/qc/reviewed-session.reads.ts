import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { agents, chatSessions, teams } from 'src/platform/db/schema';

export type ReviewedSession = {
  id: string;
  agentId: string;
  startedAt: Date;
  transcript: string | null;
  teamId: string | null;
  supervisorAgentId: string | null;
};
/** The chat session a review is about (`chat_sessions` are ingest's), with who is responsible for its agent. */
@Injectable()
export class ReviewedSessionReads {
  constructor(private readonly db: Db) {}

  /** The session with its agent's team and that team's supervisor. */
  async session(shopId: string, sessionId: string): Promise<ReviewedSession | undefined> {
    const [row] = await this.db.q
      .select({
        id: chatSessions.id,
        agentId: chatSessions.agentId,
        startedAt: chatSessions.startedAt,
        transcript: chatSessions.transcript,
        teamId: agents.teamId,
        supervisorAgentId: teams.supervisorAgentId,
      })
      .from(chatSessions)
      .innerJoin(agents, eq(agents.id, chatSessions.agentId))
      .leftJoin(teams, eq(teams.id, agents.teamId))
      .where(and(eq(chatSessions.shopId, shopId), eq(chatSessions.id, sessionId)))
      .limit(1);
    return row;
  }
}
