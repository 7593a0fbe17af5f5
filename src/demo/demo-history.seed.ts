import { Injectable } from '@nestjs/common';
import { GeneratedHistoryImport } from 'src/modules/ingest/generated-history.service';
import { addDays, daysBetween } from 'src/platform/time/calendar-date';
import { todayIn } from 'src/platform/time/shop-calendar';
import { demoHistory } from './demo-history';
import { demoOrganisation } from './demo-organisation';

const WEEKS = 8;

/**
 * The demo shop's history up to yesterday (volume, sessions, orders): eight weeks, and at least
 * the whole previous month (a ranking of the last complete month has every day). Written through
 * the import's own staging and upserts, once: a completed `demo-history` import marks it done (a
 * run cut short is written again over itself), and a shop with sessions of its own is left alone.
 */
@Injectable()
export class DemoHistorySeed {
  constructor(private readonly generated: GeneratedHistoryImport) {}

  seed(shopId: string, today = new Date()): Promise<{ volume: number; sessions: number; orders: number } | null> {
    return this.generated.importOnce(shopId, { kind: 'demo-history', fileName: 'demo history' }, (shop) => {
      const org = demoOrganisation();
      const localToday = todayIn(shop.timeZone, today);
      const lastDay = addDays(localToday, -1);
      const eightWeeks = addDays(lastDay, 1 - WEEKS * 7);
      const lastMonth = `${addDays(`${localToday.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
      const first = lastMonth < eightWeeks ? lastMonth : eightWeeks;
      return demoHistory({
        timeZone: shop.timeZone,
        slotMinutes: shop.slotMinutes as 15 | 30,
        firstDate: first,
        days: daysBetween(first, lastDay) + 1,
        promotionDate: addDays(lastDay, -17),
        queues: org.queues,
        agents: org.agents,
        seed: 20261122,
      });
    });
  }
}
