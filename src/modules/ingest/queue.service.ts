import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { conflict, invalid, notFound } from 'src/platform/errors/common-problems';
import { CreateQueueBody, RangeQuery, UpdateQueueBody } from './queue.dto';
import { Queue, QueueRepository } from './queue.repository';
import { ImportRepository } from './import.repository';
import { SlowdownTexts, tooShortMessage } from './chat-slowdown-table';

/** Queues of a shop and their actual volume per slot. */
@Injectable()
export class QueueService {
  constructor(
    private readonly queues: QueueRepository,
    private readonly lookups: ImportRepository,
  ) {}

  async create(actor: Actor, body: CreateQueueBody): Promise<Queue> {
    if (await this.queues.findByCode(actor.shopId, body.code)) throw conflict(`Queue code ${body.code} already exists in this shop`);
    const { requiredSkill, ...rest } = body;
    const skillId = requiredSkill ? (await this.lookups.lookups(actor.shopId)).skillIdByCode.get(requiredSkill) : null;
    if (requiredSkill && !skillId) throw invalid('requiredSkill', `unknown skill code ${requiredSkill}`);
    return this.queues.insert({ ...rest, shopId: actor.shopId, requiredSkillId: skillId ?? null });
  }

  list(actor: Actor): Promise<Queue[]> {
    return this.queues.list(actor.shopId);
  }

  async get(actor: Actor, id: string): Promise<Queue> {
    const queue = await this.queues.find(actor.shopId, id);
    if (!queue) throw notFound('Queue');
    return queue;
  }

  async update(actor: Actor, id: string, body: UpdateQueueBody): Promise<Queue> {
    const queue = await this.get(actor, id);
    if (queue.kind === 'deferred' && body.deadlineMinutes === null) throw invalid('deadlineMinutes', 'a deferred queue needs a deadline');
    // The table and the concurrency must fit together after the change, whichever of them changes.
    const table = body.chatSlowdown === undefined ? queue.chatSlowdown : body.chatSlowdown;
    const concurrency = body.chatConcurrency ?? queue.chatConcurrency;
    if (body.chatSlowdown && queue.channel !== 'chat') throw invalid('chatSlowdown', SlowdownTexts.chatOnly);
    if (table && table.length < concurrency) throw invalid(body.chatSlowdown ? 'chatSlowdown' : 'chatConcurrency', tooShortMessage(table.length, concurrency));
    return (await this.queues.update(actor.shopId, id, body))!;
  }

  async volume(actor: Actor, id: string, range: RangeQuery) {
    await this.get(actor, id);
    return this.queues.volume(actor.shopId, id, new Date(range.from), new Date(range.to));
  }
}
