import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { fillText, inLocale } from 'src/platform/i18n/locale';
import { currentLocale } from 'src/platform/i18n/request-locale';
import { MAX_CHAT_CONCURRENCY, MAX_SLOWDOWN } from 'src/modules/queues/chat-slowdown-table';
import { QueueService } from 'src/modules/queues/queue.service';
import { ShopService } from 'src/modules/org/shop.service';
import { ChatSlowdownReads } from './chat-slowdown.reads';
import { fitSlowdownTable } from './engine';
import { SlowdownQuery, StaffingTexts } from './staffing.dto';
import { StaffingProblems } from './staffing.problems';
import { localDaysWindow } from 'src/platform/time/shop-calendar';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * A chat queue's slowdown table measured from its sessions: handle time (session length) by the
 * chats the agent had open meanwhile, fitted to a table that starts at 1 and never falls.
 */
@Injectable()
export class ChatSlowdownService {
  constructor(
    private readonly sessions: ChatSlowdownReads,
    private readonly queues: QueueService,
    private readonly shops: ShopService,
  ) {}

  private async measure(actor: Actor, query: SlowdownQuery) {
    const queue = await this.queues.get(actor, query.queue);
    if (queue.channel !== 'chat') throw StaffingProblems.notChatQueue.at('queue', { queue: queue.name }, null);
    const shop = await this.shops.context(actor.shopId);
    const { start, end } = localDaysWindow(query.from, query.to, shop.timeZone);
    const levels = await this.sessions.levels(actor.shopId, queue.id, start, end);
    const fit = fitSlowdownTable(levels, {
      minSessions: query.minSessions,
      maxConcurrency: MAX_CHAT_CONCURRENCY,
      maxFactor: MAX_SLOWDOWN,
    });
    const covers = fit.table !== null && fit.table.length >= queue.chatConcurrency;
    const reason = !fit.table
      ? fillText(StaffingTexts.noBaseline, { min: query.minSessions })
      : covers
        ? null
        : fillText(StaffingTexts.tooShortMeasured, {
            length: fit.table.length,
            min: query.minSessions,
            concurrency: queue.chatConcurrency,
          });
    return {
      queueId: queue.id,
      queueName: queue.name,
      from: query.from,
      to: query.to,
      minSessions: query.minSessions,
      sessions: levels.reduce((sum, l) => sum + l.sessions, 0),
      concurrency: queue.chatConcurrency,
      current: queue.chatSlowdown,
      baselineHandleSeconds: fit.baselineSeconds === null ? null : round(fit.baselineSeconds, 1),
      table: fit.table,
      coversConcurrency: covers,
      note: reason ? inLocale(reason, currentLocale()) : null,
      levels: fit.levels.map((l) => ({
        concurrency: l.concurrency,
        sessions: l.sessions,
        meanHandleSeconds: round(l.meanSeconds, 1),
        ratio: l.ratio === null ? null : round(l.ratio, 4),
        fitted: l.fitted,
      })),
      reason,
    };
  }

  /** Measures and stores the table on the queue; refused (nothing changes) when it does not reach the queue's concurrency. */
  async store(actor: Actor, body: SlowdownQuery) {
    const { reason, ...measured } = await this.measure(actor, body);
    if (reason)
      throw StaffingProblems.slowdownNotMeasurable(
        { queue: measured.queueName, concurrency: measured.concurrency, reason },
        { errors: [{ field: 'queue', message: reason }] },
      );
    const queue = await this.queues.update(actor, body.queue, { chatSlowdown: measured.table });
    return { ...measured, current: queue.chatSlowdown };
  }

  /** The measurement only; nothing is stored. */
  async view(actor: Actor, query: SlowdownQuery) {
    const { reason: _reason, ...measured } = await this.measure(actor, query);
    return measured;
  }
}
