import { Injectable } from '@nestjs/common';
import { and, asc, eq, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { users } from 'src/platform/db/schema';
import type { UserView } from './user.dto';

const view = {
  id: users.id,
  shopId: users.shopId,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  agentId: users.agentId,
  active: users.active,
  createdAt: users.createdAt,
};

/** User accounts; password hashes never leave this file. */
@Injectable()
export class UserRepository {
  constructor(private readonly db: Db) {}

  async insert(values: typeof users.$inferInsert): Promise<UserView> {
    const [row] = await this.db.q.insert(users).values(values).returning(view);
    return row;
  }

  async usernameTaken(username: string): Promise<boolean> {
    const [row] = await this.db.q.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
    return Boolean(row);
  }

  async find(shopId: string, id: string): Promise<UserView | undefined> {
    const [row] = await this.db.q
      .select(view)
      .from(users)
      .where(and(eq(users.shopId, shopId), eq(users.id, id)))
      .limit(1);
    return row;
  }

  list(shopId: string): Promise<UserView[]> {
    return this.db.q.select(view).from(users).where(eq(users.shopId, shopId)).orderBy(asc(users.username));
  }

  async update(
    shopId: string,
    id: string,
    values: Partial<typeof users.$inferInsert>,
    endSessions = false,
  ): Promise<UserView | undefined> {
    const [row] = await this.db.q
      .update(users)
      .set({ ...values, ...(endSessions ? { tokenVersion: sql`${users.tokenVersion} + 1` } : {}) })
      .where(and(eq(users.shopId, shopId), eq(users.id, id)))
      .returning(view);
    return row;
  }
}
