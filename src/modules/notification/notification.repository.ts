import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { notifications, teams, users } from 'src/platform/db/schema';

export type Notification = typeof notifications.$inferSelect;

@Injectable()
export class NotificationRepository {
  constructor(private readonly db: Db) {}

  async insert(values: (typeof notifications.$inferInsert)[]): Promise<void> {
    if (values.length) await this.db.q.insert(notifications).values(values);
  }

  /** Active users of some agents (an agent without a login is told nothing). */
  async usersOfAgents(shopId: string, agentIds: string[]): Promise<string[]> {
    if (agentIds.length === 0) return [];
    const rows = await this.db.q
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.shopId, shopId), inArray(users.agentId, agentIds), eq(users.active, true)));
    return rows.map((r) => r.id);
  }

  /** The shop's active managers (and admins): who publishes rosters. */
  async managersOf(shopId: string): Promise<string[]> {
    const rows = await this.db.q
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.shopId, shopId), inArray(users.role, ['manager', 'admin']), eq(users.active, true)));
    return rows.map((r) => r.id);
  }

  /** Users leading the teams of some agents. */
  async supervisorsOf(shopId: string, agentIds: string[]): Promise<string[]> {
    if (agentIds.length === 0) return [];
    const rows = await this.db.q.execute<{ id: string }>(sql`
      SELECT DISTINCT u.id FROM agents a JOIN ${teams} t ON t.id = a.team_id JOIN ${users} u ON u.agent_id = t.supervisor_agent_id AND u.active
      WHERE a.shop_id = ${shopId} AND a.id IN (${sql.join(
        agentIds.map((a) => sql`${a}`),
        sql`, `,
      )})`);
    return [...rows].map((r) => r.id);
  }

  async feed(userId: string, unreadOnly: boolean, limit: number, offset: number) {
    const where = and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined);
    const [rows, [{ total }], [{ unread }]] = await Promise.all([
      this.db.q
        .select()
        .from(notifications)
        .where(where)
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit)
        .offset(offset),
      this.db.q.select({ total: count() }).from(notifications).where(where),
      this.db.q
        .select({ unread: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
    ]);
    return { rows, total, unread };
  }

  /** Marks some (or all) of a user's notifications read; another user's ids change nothing. */
  async markRead(userId: string, ids?: string[]): Promise<void> {
    await this.db.q
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(
        and(
          eq(notifications.userId, userId),
          isNull(notifications.readAt),
          ids ? inArray(notifications.id, ids) : undefined,
        ),
      );
  }

  /** The shop's notifications still to be posted, oldest first. */
  pendingWebhooks(shopId: string, limit = 200): Promise<Notification[]> {
    return this.db.q
      .select()
      .from(notifications)
      .where(and(eq(notifications.shopId, shopId), eq(notifications.webhook, 'pending')))
      .orderBy(notifications.createdAt)
      .limit(limit);
  }

  async markSent(ids: string[]): Promise<void> {
    if (ids.length)
      await this.db.q.update(notifications).set({ webhook: 'sent' }).where(inArray(notifications.id, ids));
  }
}
