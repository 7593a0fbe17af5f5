import { Injectable } from '@nestjs/common';
import { asc, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { shops } from 'src/platform/db/schema';

/** Where a shop's scheduled nights stand: the last night scheduled, and whether one is still unfinished. */
export type NightlyState = { lastDate: string; unfinished: boolean };

/** Each shop's time zone, which decides when its night is due, and its scheduled nights so far. */
@Injectable()
export class ShopClockRepository {
  constructor(private readonly db: Db) {}

  all(): Promise<{ id: string; timeZone: string }[]> {
    return this.db.q.select({ id: shops.id, timeZone: shops.timeZone }).from(shops).orderBy(asc(shops.id));
  }

  /** Scheduled nights only (they carry the night's key); a manual re-run changes nothing here. */
  async nightlyStates(): Promise<Map<string, NightlyState>> {
    const rows = await this.db.q.execute<{ shop_id: string; last_date: string; unfinished: boolean }>(sql`
      SELECT shop_id, max(params->>'date') AS last_date, bool_or(status IN ('queued', 'running', 'retrying')) AS unfinished
      FROM job_runs WHERE name = 'nightly.run' AND dedupe_key IS NOT NULL AND parent_run_id IS NULL
      GROUP BY shop_id`);
    return new Map(rows.map((r) => [r.shop_id, { lastDate: r.last_date, unfinished: r.unfinished }]));
  }
}
