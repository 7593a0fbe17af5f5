import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { Db } from '../db/db';
import { shops, users } from '../db/schema';

export type UserRecord = typeof users.$inferSelect;

@Injectable()
export class AuthRepository {
  constructor(private readonly db: Db) {}

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const [row] = await this.db.q.select().from(users).where(eq(users.username, username)).limit(1);
    return row;
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const [row] = await this.db.q.select().from(users).where(eq(users.id, id)).limit(1);
    return row;
  }

  async shopExists(shopId: string): Promise<boolean> {
    const [row] = await this.db.q.select({ id: shops.id }).from(shops).where(eq(shops.id, shopId)).limit(1);
    return Boolean(row);
  }
}
