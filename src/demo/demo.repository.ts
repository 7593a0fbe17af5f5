import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { Actor } from 'src/platform/auth/actor';
import type { Role } from 'src/platform/auth/roles';
import { Db } from 'src/platform/db/db';

export type DemoSessionPick = { id: string; agentId: string; employeeNo: string; startedAt: Date };

/** The few reads the demo's starting data needs that no domain service offers. */
@Injectable()
export class DemoRepository {
  constructor(private readonly db: Db) {}

  /** The demo user as an actor of the shop, so the demo's records go through the same services as a request. */
  async actor(shopId: string, username: string): Promise<Actor> {
    const [row] = (await this.db.q.execute(sql`
      SELECT id, username, role, agent_id FROM users WHERE shop_id = ${shopId}::uuid AND username = ${username}`)) as unknown as {
      id: string;
      username: string;
      role: Role;
      agent_id: string | null;
    }[];
    if (!row) throw new Error(`demo user ${username} is missing from shop ${shopId}`);
    return { userId: row.id, username: row.username, role: row.role, shopId, agentId: row.agent_id };
  }

  async teamId(shopId: string, name: string): Promise<string> {
    const [row] = (await this.db.q.execute(
      sql`SELECT id FROM teams WHERE shop_id = ${shopId}::uuid AND name = ${name}`,
    )) as unknown as { id: string }[];
    if (!row) throw new Error(`demo team ${name} is missing from shop ${shopId}`);
    return row.id;
  }

  /**
   * Sessions to review: per agent the first session with a transcript of each of the last `days`
   * local days before `before`, `perAgent` at most, in a stable order (the same demo every time).
   */
  async sessionsToReview(
    shopId: string,
    timeZone: string,
    before: Date,
    days: number,
    perAgent: number,
  ): Promise<DemoSessionPick[]> {
    const rows = (await this.db.q.execute(sql`
      SELECT id, agent_id, employee_no, started_at FROM (
        SELECT s.id, s.agent_id, a.employee_no, s.started_at,
               row_number() OVER (PARTITION BY s.agent_id ORDER BY s.started_at DESC, s.id) AS n
        FROM chat_sessions s JOIN agents a ON a.id = s.agent_id
        WHERE s.shop_id = ${shopId}::uuid AND s.transcript IS NOT NULL AND s.agent_messages > 0
          AND s.started_at < ${before.toISOString()}::timestamptz
          AND s.started_at >= (${before.toISOString()}::timestamptz AT TIME ZONE ${timeZone} - make_interval(days => ${days}::int)) AT TIME ZONE ${timeZone}
      ) picked WHERE n <= ${perAgent} ORDER BY employee_no, started_at`)) as unknown as {
      id: string;
      agent_id: string;
      employee_no: string;
      started_at: string | Date;
    }[];
    return rows.map((r) => ({
      id: r.id,
      agentId: r.agent_id,
      employeeNo: r.employee_no,
      startedAt: new Date(r.started_at),
    }));
  }
}
