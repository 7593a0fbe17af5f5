import { Injectable } from '@nestjs/common';
import { and, eq, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { shops, users } from 'src/platform/db/schema';

/** A user with the language of their shop (the default language of what they read). */
export type UserRecord = typeof users.$inferSelect & { shopLanguage?: string | null };

@Injectable()
export class AuthRepository {
  constructor(private readonly db: Db) {}

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const [row] = await this.db.q.select().from(users).where(eq(users.username, username)).limit(1);
    return row;
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const [row] = await this.db.q
      .select({ user: users, shopLanguage: shops.language })
      .from(users)
      .leftJoin(shops, eq(shops.id, users.shopId))
      .where(eq(users.id, id))
      .limit(1);
    return row ? { ...row.user, shopLanguage: row.shopLanguage } : undefined;
  }

  /** Replaces a weaker hash after a successful sign-in, unless the password changed meanwhile. */
  async upgradeHash(id: string, from: string, to: string): Promise<void> {
    await this.db.q
      .update(users)
      .set({ passwordHash: to })
      .where(and(eq(users.id, id), eq(users.passwordHash, from)));
  }

  /** A new password ends every session of the user (their tokens carry the old version). */
  async setPassword(id: string, passwordHash: string): Promise<number> {
    const [row] = await this.db.q
      .update(users)
      .set({ passwordHash, tokenVersion: sql`${users.tokenVersion} + 1` })
      .where(eq(users.id, id))
      .returning({ tokenVersion: users.tokenVersion });
    return row.tokenVersion;
  }

  /** The shop's language, or undefined when there is no such shop. */
  async shopLanguage(shopId: string): Promise<string | undefined> {
    const [row] = await this.db.q.select({ language: shops.language }).from(shops).where(eq(shops.id, shopId)).limit(1);
    return row?.language;
  }
}
