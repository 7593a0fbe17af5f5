import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { ForecastProblems } from './forecast.problems';
import type { Page } from 'src/platform/http/pagination';
import { CreateEventBody, ListEventsQuery, UpdateEventBody } from './forecast-event.dto';
import { ForecastEvent, ForecastEventRepository } from './forecast-event.repository';
import { ForecastHistoryReads } from './forecast-history.reads';

/** The calendar the forecasts read: planners name promotion days, holidays and closed days ahead. */
@Injectable()
export class ForecastEventService {
  constructor(
    private readonly events: ForecastEventRepository,
    private readonly history: ForecastHistoryReads,
  ) {}

  async create(actor: Actor, body: CreateEventBody): Promise<ForecastEvent> {
    if (body.queueId) await this.checkQueue(actor, body.queueId);
    return this.events.insert({ ...body, shopId: actor.shopId, createdBy: actor.userId });
  }

  async list(actor: Actor, query: ListEventsQuery): Promise<Page<ForecastEvent>> {
    const { rows, total } = await this.events.list(actor.shopId, query);
    return { items: rows, total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<ForecastEvent> {
    const event = await this.events.find(actor.shopId, id);
    if (!event) throw ForecastProblems.eventNotFound();
    return event;
  }

  async update(actor: Actor, id: string, body: UpdateEventBody): Promise<ForecastEvent> {
    const current = await this.get(actor, id);
    if (body.queueId) await this.checkQueue(actor, body.queueId);
    const kind = body.kind ?? current.kind;
    const multiplier = body.multiplier !== undefined ? body.multiplier : current.multiplier;
    if (kind === 'closed' && multiplier !== null) throw ForecastProblems.closedDayMultiplier.at('multiplier');
    return this.events.update(actor.shopId, id, body);
  }

  async remove(actor: Actor, id: string): Promise<ForecastEvent> {
    const event = await this.get(actor, id);
    await this.events.remove(actor.shopId, id);
    return event;
  }

  private async checkQueue(actor: Actor, queueId: string): Promise<void> {
    const [queue] = await this.history.queues(actor.shopId, [queueId]);
    if (!queue) throw ForecastProblems.queueNotFound();
  }
}
