import { Injectable, Logger } from '@nestjs/common';
import { demoHistory } from 'src/platform/db/demo/demo-history';
import { demoOrganisation } from 'src/platform/db/demo/demo-organisation';
import { ShopService } from 'src/modules/org/shop.service';
import { addDays, daysBetween } from 'src/platform/time/calendar-date';
import { todayIn } from 'src/platform/time/shop-calendar';
import { CustomerKeyHasher } from './customer-key';
import { ImportRepository } from './import.repository';
import type { ImportKindName, StagedValue } from './kinds/import-kind';
import { copyLine } from './staging';
import { timeOrderedId } from './time-ordered-id';

const WEEKS = 8;

/**
 * The demo shop's history up to yesterday (volume, sessions, orders): eight weeks, and at least
 * the whole previous month (a ranking of the last complete month has every day). Written through
 * the import's own staging and upserts, once: a completed `demo-history` import marks it done (a
 * run cut short is written again over itself), and a shop with sessions of its own is left alone.
 */
@Injectable()
export class DemoHistorySeed {
  private readonly logger = new Logger(DemoHistorySeed.name);

  constructor(
    private readonly imports: ImportRepository,
    private readonly shops: ShopService,
    private readonly hasher: CustomerKeyHasher,
  ) {}

  async seed(shopId: string, today = new Date()): Promise<{ volume: number; sessions: number; orders: number } | null> {
    const previous = await this.imports.newestOfKind(shopId, 'demo-history');
    if (previous?.status === 'completed' || (!previous && (await this.imports.hasSessions(shopId)))) return null;
    const shop = await this.shops.context(shopId);
    const org = demoOrganisation();
    const localToday = todayIn(shop.timeZone, today);
    const lastDay = addDays(localToday, -1);
    const eightWeeks = addDays(lastDay, 1 - WEEKS * 7);
    const lastMonth = `${addDays(`${localToday.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
    const first = lastMonth < eightWeeks ? lastMonth : eightWeeks;
    const days = daysBetween(first, lastDay) + 1;
    const history = demoHistory({
      timeZone: shop.timeZone,
      slotMinutes: shop.slotMinutes as 15 | 30,
      firstDate: first,
      days,
      promotionDate: addDays(lastDay, -17),
      queues: org.queues,
      agents: org.agents,
      seed: 20261122,
    });
    const lookups = await this.imports.lookups(shopId);
    const hash = this.hasher.forShop(shopId);
    const record =
      previous ??
      (await this.imports.createRecord({
        shopId,
        kind: 'demo-history',
        fileName: 'demo history',
        format: 'generated',
        mode: 'all',
        checksum: 'generated',
        status: 'running',
      }));
    const write = (kind: ImportKindName, rows: StagedValue[][]) =>
      this.imports.withStaging(kind, async (staging) => {
        for (let i = 0; i < rows.length; i += 20_000) {
          await staging.copyBatch(
            rows
              .slice(i, i + 20_000)
              .map((values, k) => copyLine(i + k + 2, values))
              .join(''),
          );
          await staging.upsertBatch(shopId, record.id);
        }
        if (kind === 'orders') {
          const times = rows.map((r) => (r[3] as Date).getTime());
          await staging.attribute(
            shopId,
            shop.timeZone,
            Number(shop.settings.attributionWindowDays ?? 1),
            new Date(Math.min(...times)),
            new Date(Math.max(...times)),
          );
        }
      });
    await write(
      'volume',
      history.volume.map((v) => [
        lookups.queueIdByCode.get(v.queue)!,
        v.slotStart,
        v.slotMinutes,
        v.offered,
        v.handled,
        v.abandoned,
        v.meanHandleSeconds,
      ]),
    );
    await write(
      'sessions',
      history.sessions.map((s) => [
        timeOrderedId(s.startedAt.getTime()),
        s.externalId,
        lookups.queueIdByCode.get(s.queue)!,
        lookups.agentIdByEmployeeNo.get(s.agent)!,
        hash(s.customerKey),
        s.startedAt,
        s.endedAt,
        s.firstResponseSeconds,
        s.meanResponseSeconds,
        s.customerMessages,
        s.agentMessages,
        s.preSale,
        s.resolved,
        s.rating,
        s.transcript,
      ]),
    );
    await write(
      'orders',
      history.orders.map((o) => [
        timeOrderedId(o.createdAt.getTime()),
        o.externalOrderId,
        hash(o.customerKey),
        o.createdAt,
        o.paidAt,
        o.refundedAt,
        o.amountCents,
        o.refundedCents,
        o.outOfStock,
      ]),
    );
    const counts = { volume: history.volume.length, sessions: history.sessions.length, orders: history.orders.length };
    await this.imports.updateRecord(record.id, {
      status: 'completed',
      rows: counts.volume + counts.sessions + counts.orders,
      inserted: counts.volume + counts.sessions + counts.orders,
      finishedAt: new Date(),
    });
    this.logger.log({ shopId, ...counts }, 'demo history seeded');
    return counts;
  }
}
