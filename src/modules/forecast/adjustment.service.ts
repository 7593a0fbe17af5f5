import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { ForecastProblems } from './forecast.problems';
import type { Page } from 'src/platform/http/pagination';
import { CreateAdjustmentBody, ListAdjustmentsQuery } from './adjustment.dto';
import { Adjustment, AdjustmentRepository } from './adjustment.repository';
import { ForecastHistoryReads } from './forecast-history.reads';

/** Planner adjustments: recorded with who and why, applied to every version's slots when read. */
@Injectable()
export class AdjustmentService {
  constructor(
    private readonly adjustments: AdjustmentRepository,
    private readonly history: ForecastHistoryReads,
  ) {}

  async create(actor: Actor, body: CreateAdjustmentBody): Promise<Adjustment> {
    const [queue] = await this.history.queues(actor.shopId, [body.queueId]);
    if (!queue) throw ForecastProblems.queueNotFound();
    return this.adjustments.insert({
      shopId: actor.shopId,
      queueId: body.queueId,
      startsAt: new Date(body.from),
      endsAt: new Date(body.to),
      kind: body.kind,
      value: body.value,
      reason: body.reason,
      createdBy: actor.userId,
    });
  }

  async list(actor: Actor, query: ListAdjustmentsQuery): Promise<Page<Adjustment>> {
    const { rows, total } = await this.adjustments.list(actor.shopId, query);
    return { items: rows, total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<Adjustment> {
    const adjustment = await this.adjustments.find(actor.shopId, id);
    if (!adjustment) throw ForecastProblems.adjustmentNotFound();
    return adjustment;
  }

  async remove(actor: Actor, id: string): Promise<Adjustment> {
    const adjustment = await this.get(actor, id);
    if (adjustment.deletedAt)
      throw ForecastProblems.adjustmentRemoved(undefined, { extra: { deletedAt: adjustment.deletedAt } });
    return this.adjustments.markDeleted(id, actor.userId);
  }
}
