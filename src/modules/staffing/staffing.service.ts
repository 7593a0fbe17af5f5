import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { ForecastService } from 'src/modules/forecast/forecast.service';
import { QueueService } from 'src/modules/queues/queue.service';
import { ShopService } from 'src/modules/org/shop.service';
import { deadlineSlotsOf, deferredFigures, latenessWith } from './deferred-figures';
import { ConcurrencySlowdown, projectSlot, RealTimeQueue, slowdownFactor, staffSlot } from './engine';
import { chatSlowdownOf, realTimeQueueOf, serviceTargetOf } from './real-time-queue';
import { DEFAULT_SHRINKAGE, DEFAULT_SLOWDOWN } from './staffing.settings';
import { tooShortMessage } from 'src/modules/queues/chat-slowdown-table';
import type { DeferredWhatIf, RealTimeWhatIf, RequirementsQuery, WhatIfBody } from './staffing.dto';
import { slotFigures } from './staffing-figures';
import { StaffingProblems } from './staffing.problems';

/** Forecast volume to agents per slot, with the queue's own target, patience and chat concurrency. */
@Injectable()
export class StaffingService {
  constructor(
    private readonly forecasts: ForecastService,
    private readonly queues: QueueService,
    private readonly shops: ShopService,
  ) {}

  async requirements(actor: Actor, query: RequirementsQuery) {
    // The wrong queue is a wrong question whatever state the forecast is in.
    if (query.queue && query.queue !== (await this.forecasts.get(actor, query.forecast)).queueId) {
      const asked = await this.queues.get(actor, query.queue);
      throw StaffingProblems.notQueueOfForecast.at('queue', { queue: asked.name }, 'query');
    }
    const slots = await this.forecasts.slots(actor, query.forecast, { from: query.from, to: query.to });
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
      ...(realTime.chat ? { chat: chatFigures(realTime.chat.concurrency, chatSlowdownOf(queue, shop.settings)) } : {}),
      items: slots.items.map((s) => slotFigures(s.start, slotMinutes, staffSlot(realTime, s.adjusted))),
    };
  }

  /** The same calculation for given inputs; nothing is stored (a queue named for its slowdown table is read). */
  async whatIf(actor: Actor, body: WhatIfBody) {
    return body.kind === 'deferred' ? this.deferredWhatIf(body) : this.realTimeWhatIf(actor, body);
  }

  private async realTimeWhatIf(actor: Actor, body: RealTimeWhatIf) {
    const chat = body.chat
      ? { concurrency: body.chat.concurrency, ...(await this.whatIfSlowdown(actor, body.chat)) }
      : undefined;
    const queue: RealTimeQueue = {
      slotSeconds: body.slotMinutes * 60,
      ahtSeconds: body.handleSeconds,
      patienceSeconds: body.patienceSeconds,
      target: body.target,
      shrinkage: body.shrinkage,
      chat: chat && { concurrency: chat.concurrency, slowdown: chat.slowdown },
    };
    const items = body.contacts.map((contacts) =>
      slotFigures(
        null,
        body.slotMinutes,
        body.agents === undefined ? staffSlot(queue, contacts) : projectSlot(queue, contacts, body.agents),
      ),
    );
    return {
      model: body.patienceSeconds ? 'erlang-a' : 'erlang-c',
      mode: body.agents === undefined ? 'required' : 'projected',
      ...(chat ? { chat: chatFigures(chat.concurrency, chat) } : {}),
      items,
    };
  }

  /** The slowdown a what-if asks for: a table, a linear factor, or a stored queue's own. */
  private async whatIfSlowdown(
    actor: Actor,
    chat: NonNullable<RealTimeWhatIf['chat']>,
  ): Promise<{ slowdown: ConcurrencySlowdown; source: 'request' | 'queue' | 'shop' }> {
    if (chat.slowdownByConcurrency)
      return { slowdown: { byConcurrency: chat.slowdownByConcurrency }, source: 'request' };
    if (!chat.queue)
      return { slowdown: { perExtraChat: chat.slowdownPerExtraChat ?? DEFAULT_SLOWDOWN }, source: 'request' };
    const queue = await this.queues.get(actor, chat.queue);
    const table = queue.channel === 'chat' ? queue.chatSlowdown : null;
    if (table && table.length < chat.concurrency) {
      const problem = StaffingProblems.concurrencyBeyondTable;
      throw problem(
        { queue: queue.name, length: table.length, concurrency: chat.concurrency },
        {
          errors: [
            {
              field: 'chat.concurrency',
              message: tooShortMessage(table.length, chat.concurrency),
              code: problem.code,
              in: 'body',
            },
          ],
        },
      );
    }
    return chatSlowdownOf(
      { ...queue, chatSlowdown: table, chatConcurrency: chat.concurrency },
      (await this.shops.context(actor.shopId)).settings,
    );
  }

  /** Deferred work: agents per slot by the deadline, lateness with one fewer, or with exactly `agents`. */
  private deferredWhatIf(body: DeferredWhatIf) {
    const work = {
      arrivals: body.contacts,
      handleSeconds: body.handleSeconds,
      slotSeconds: body.slotMinutes * 60,
      deadlineSlots: deadlineSlotsOf(body.deadlineMinutes, body.slotMinutes),
      shrinkage: body.shrinkage,
    };
    const figures = deferredFigures(work, body.slotMinutes);
    if (body.agents === undefined) return { ...figures, mode: 'required' };
    return { ...figures, mode: 'projected', projected: latenessWith(work, body.agents) };
  }
}

/** Which slowdown a chat figure was priced with, and its factor at the queue's concurrency. */
function chatFigures(concurrency: number, chat: { slowdown: ConcurrencySlowdown; source: string }) {
  return {
    concurrency,
    slowdownFactor: slowdownFactor(chat.slowdown, concurrency),
    source: chat.source,
    ...('byConcurrency' in chat.slowdown ? { table: chat.slowdown.byConcurrency } : {}),
  };
}
