import { Injectable } from '@nestjs/common';
import { asc, eq, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { shops } from 'src/platform/db/schema';

export type Shop = typeof shops.$inferSelect;
export type NewShop = typeof shops.$inferInsert;

@Injectable()
export class ShopRepository {
  constructor(private readonly db: Db) {}

  async create(values: NewShop): Promise<Shop> {
    const [row] = await this.db.q.insert(shops).values(values).returning();
    return row;
  }

  async find(id: string): Promise<Shop | undefined> {
    const [row] = await this.db.q.select().from(shops).where(eq(shops.id, id)).limit(1);
    return row;
  }

  async findByCode(code: string): Promise<Shop | undefined> {
    const [row] = await this.db.q.select().from(shops).where(eq(shops.code, code)).limit(1);
    return row;
  }

  list(): Promise<Shop[]> {
    return this.db.q.select().from(shops).orderBy(asc(shops.name));
  }

  async update(id: string, values: Partial<NewShop>): Promise<Shop | undefined> {
    const [row] = await this.db.q.update(shops).set({ ...values, updatedAt: sql`now()` }).where(eq(shops.id, id)).returning();
    return row;
  }
}
