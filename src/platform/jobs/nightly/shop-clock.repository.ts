import { Injectable } from '@nestjs/common';
import { asc } from 'drizzle-orm';
import { Db } from '../../db/db';
import { shops } from '../../db/schema';

/** Each shop's time zone, which decides when its night is due. */
@Injectable()
export class ShopClockRepository {
  constructor(private readonly db: Db) {}

  all(): Promise<{ id: string; timeZone: string }[]> {
    return this.db.q.select({ id: shops.id, timeZone: shops.timeZone }).from(shops).orderBy(asc(shops.id));
  }
}
