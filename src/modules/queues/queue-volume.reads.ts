import { Injectable } from '@nestjs/common';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { volumeSlots } from 'src/platform/db/schema';

/** A queue's imported volume per slot (the facts are ingest's), as `GET /queues/:id/volume` shows it. */
@Injectable()
export class QueueVolumeReads {
  constructor(private readonly db: Db) {}

  volume(shopId: string, queueId: string, from: Date, to: Date) {
    return this.db.q
      .select({
        slotStart: volumeSlots.slotStart,
        slotMinutes: volumeSlots.slotMinutes,
        offered: volumeSlots.offered,
        handled: volumeSlots.handled,
        abandoned: volumeSlots.abandoned,
        meanHandleSeconds: volumeSlots.meanHandleSeconds,
      })
      .from(volumeSlots)
      .where(
        and(
          eq(volumeSlots.shopId, shopId),
          eq(volumeSlots.queueId, queueId),
          gte(volumeSlots.slotStart, from),
          lt(volumeSlots.slotStart, to),
        ),
      )
      .orderBy(asc(volumeSlots.slotStart));
  }
}
