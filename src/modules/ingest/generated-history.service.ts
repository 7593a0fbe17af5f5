import { Injectable, Logger } from '@nestjs/common';
import type { Shop } from 'src/modules/org/shop.repository';
import { ShopService } from 'src/modules/org/shop.service';
import { CustomerKeyHasher } from './customer-key';
import { ImportRepository } from './import.repository';
import type { ImportKindName, StagedValue } from './kinds/import-kind';
import { copyLine } from './staging';
import { timeOrderedId } from './time-ordered-id';

/** Facts made by a program, not read from a file: queues by code, agents by employee number. */
export type GeneratedVolumeRow = {
  queue: string;
  slotStart: Date;
  slotMinutes: number;
  offered: number;
  handled: number;
  abandoned: number;
  meanHandleSeconds: number;
};
export type GeneratedSessionRow = {
  externalId: string;
  queue: string;
  agent: string;
  customerKey: string;
  startedAt: Date;
  endedAt: Date;
  firstResponseSeconds: number;
  meanResponseSeconds: number;
  customerMessages: number;
  agentMessages: number;
  preSale: boolean;
  resolved: boolean;
  rating: number | null;
  transcript: string;
};
export type GeneratedOrderRow = {
  externalOrderId: string;
  customerKey: string;
  createdAt: Date;
  paidAt: Date | null;
  refundedAt: Date | null;
  amountCents: number;
  refundedCents: number;
  outOfStock: boolean;
};
export type GeneratedHistory = {
  volume: GeneratedVolumeRow[];
  sessions: GeneratedSessionRow[];
  orders: GeneratedOrderRow[];
};
export type GeneratedHistoryCounts = { volume: number; sessions: number; orders: number };

const BATCH = 20_000;

/**
 * A generated history (volume, sessions, orders) written through the import's own staging and
 * upserts, once per shop and kind of record: a completed import of that kind marks it done (a
 * run cut short is written again over itself), and a shop with sessions of its own is left alone.
 */
@Injectable()
export class GeneratedHistoryImport {
  private readonly logger = new Logger(GeneratedHistoryImport.name);

  constructor(
    private readonly imports: ImportRepository,
    private readonly shops: ShopService,
    private readonly hasher: CustomerKeyHasher,
  ) {}

  async importOnce(
    shopId: string,
    record: { kind: string; fileName: string },
    generate: (shop: Shop) => GeneratedHistory,
  ): Promise<GeneratedHistoryCounts | null> {
    const previous = await this.imports.newestOfKind(shopId, record.kind);
    if (previous?.status === 'completed' || (!previous && (await this.imports.hasSessions(shopId)))) return null;
    const shop = await this.shops.context(shopId);
    const history = generate(shop);
    const lookups = await this.imports.lookups(shopId);
    const hash = this.hasher.forShop(shopId);
    const { id: importId } =
      previous ??
      (await this.imports.createRecord({
        shopId,
        kind: record.kind,
        fileName: record.fileName,
        format: 'generated',
        mode: 'all',
        checksum: 'generated',
        status: 'running',
      }));
    const write = (kind: ImportKindName, rows: StagedValue[][]) =>
      this.imports.withStaging(kind, async (staging) => {
        for (let i = 0; i < rows.length; i += BATCH) {
          await staging.copyBatch(
            rows
              .slice(i, i + BATCH)
              .map((values, k) => copyLine(i + k + 2, values))
              .join(''),
          );
          await staging.upsertBatch(shopId, importId);
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
    await this.imports.updateRecord(importId, {
      status: 'completed',
      rows: counts.volume + counts.sessions + counts.orders,
      inserted: counts.volume + counts.sessions + counts.orders,
      finishedAt: new Date(),
    });
    this.logger.log({ shopId, kind: record.kind, ...counts }, 'generated history imported');
    return counts;
  }
}
