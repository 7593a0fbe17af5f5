import { Injectable, Logger } from '@nestjs/common';
import { asc, eq, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { shops } from 'src/platform/db/schema';
import { ShopSettings, storedShopSettings } from './shop-settings';

type ShopRow = typeof shops.$inferSelect;
/** A shop with its settings typed as the modules declare them. */
export type Shop = Omit<ShopRow, 'settings'> & { settings: ShopSettings };
export type NewShop = typeof shops.$inferInsert;

@Injectable()
export class ShopRepository {
  private readonly logger = new Logger(ShopRepository.name);

  constructor(private readonly db: Db) {}

  async create(values: NewShop): Promise<Shop> {
    const [row] = await this.db.q.insert(shops).values(values).returning();
    return this.typed(row);
  }

  async find(id: string): Promise<Shop | undefined> {
    const [row] = await this.db.q.select().from(shops).where(eq(shops.id, id)).limit(1);
    return row && this.typed(row);
  }

  async findByCode(code: string): Promise<Shop | undefined> {
    const [row] = await this.db.q.select().from(shops).where(eq(shops.code, code)).limit(1);
    return row && this.typed(row);
  }

  async list(): Promise<Shop[]> {
    const rows = await this.db.q.select().from(shops).orderBy(asc(shops.name));
    return rows.map((row) => this.typed(row));
  }

  async update(id: string, values: Partial<NewShop>): Promise<Shop | undefined> {
    const [row] = await this.db.q
      .update(shops)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(shops.id, id))
      .returning();
    return row && this.typed(row);
  }

  private typed(row: ShopRow): Shop {
    const { settings, dropped } = storedShopSettings(row.settings);
    if (dropped.length)
      this.logger.warn(
        { shopId: row.id, dropped },
        'stored shop settings that no longer validate are ignored (defaults apply)',
      );
    return { ...row, settings };
  }
}
