import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { invalid } from 'src/platform/errors/common-problems';
import { ForecastService } from 'src/modules/forecast/forecast.service';
import { QueueService } from 'src/modules/ingest/queue.service';
import { ShopService } from 'src/modules/org/shop.service';
import { deadlineSlotsOf, deferredFigures, latenessWith } from './deferred-figures';
import { projectSlot, RealTimeQueue, staffSlot } from './engine';
import { DEFAULT_SHRINKAGE, realTimeQueueOf, serviceTargetOf } from './real-time-queue';
import type { DeferredWhatIf, RealTimeWhatIf, RequirementsQuery, WhatIfBody } from './staffing.dto';
import { slotFigures } from './staffing-figures';

/** Forecast volume to agents per slot, with the queue's own target, patience and chat concurrency. */
@Injectable()
export class StaffingService {
  constructor(
    private readonly forecasts: ForecastService,
    private readonly queues: QueueService,
    private readonly shops: ShopService,
  ) {}

  async requirements(actor: Actor, query: RequirementsQuery) {
    const slots = await this.forecasts.slots(actor, query.forecast, { from: query.from, to: query.to });
    if (query.queue && query.queue !== slots.queueId) throw invalid('queue', 'is not the queue of this forecast');
    const queue = await this.queues.get(actor, slots.queueId);
    const shop = await this.shops.context(actor.shopId);
    const shrinkage = Number(shop.settings.shrinkage ?? DEFAULT_SHRINKAGE);
    const slotMinutes = slots.items[0]?.slotMinutes ?? shop.slotMinutes;
    const target = serviceTargetOf(queue);
    const base = { forecastId: slots.forecastId, queueId: queue.id, kind: queue.kind, shrinkage };
    if (queue.kind === 'deferred') {
      const work = {
        arrivals: slots.items.map((s) => s.adjusted),
        starts: slots.items.map((s) => s.start),
        handleSeconds: queue.defaultHandleSeconds,
        slotSeconds: slotMinutes * 60,
        deadlineSlots: deadlineSlotsOf(queue.deadlineMinutes, slotMinutes),
        shrinkage,
      };
      return { ...base, ...deferredFigures(work, slotMinutes) };
    }
    const realTime = realTimeQueueOf(queue, shop.settings, slotMinutes);
    return {
      ...base,
      model: queue.patienceSeconds ? 'erlang-a' : 'erlang-c',
      target,
      items: slots.items.map((s) => slotFigures(s.start, slotMinutes, staffSlot(realTime, s.adjusted))),
    };
  }

  /** The same calculation for given inputs; nothing is read or stored. */
  whatIf(body: WhatIfBody) {
    return body.kind === 'deferred' ? this.deferredWhatIf(body) : this.realTimeWhatIf(body);
  }

  private realTimeWhatIf(body: RealTimeWhatIf) {
    const queue: RealTimeQueue = {
      slotSeconds: body.slotMinutes * 60,
      ahtSeconds: body.handleSeconds,
      patienceSeconds: body.patienceSeconds,
      target: body.target,
      shrinkage: body.shrinkage,
      chat: body.chat ? { concurrency: body.chat.concurrency, slowdown: { perExtraChat: body.chat.slowdownPerExtraChat } } : undefined,
    };
    const items = body.contacts.map((contacts) =>
      slotFigures(null, body.slotMinutes, body.agents === undefined ? staffSlot(queue, contacts) : projectSlot(queue, contacts, body.agents)),
    );
    return { model: body.patienceSeconds ? 'erlang-a' : 'erlang-c', mode: body.agents === undefined ? 'required' : 'projected', items };
  }

  /** Deferred work: agents per slot by the deadline, lateness with one fewer, or with exactly `agents`. */
  private deferredWhatIf(body: DeferredWhatIf) {
    const work = { arrivals: body.contacts, handleSeconds: body.handleSeconds, slotSeconds: body.slotMinutes * 60, deadlineSlots: deadlineSlotsOf(body.deadlineMinutes, body.slotMinutes), shrinkage: body.shrinkage };
    const figures = deferredFigures(work, body.slotMinutes);
    if (body.agents === undefined) return { ...figures, mode: 'required' };
    return { ...figures, mode: 'projected', projected: latenessWith(work, body.agents) };
  }
}
