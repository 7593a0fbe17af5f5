import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { CreateQueueBody, RangeQuery, UpdateQueueBody } from './queue.dto';
import { Queue, QueueRepository } from './queue.repository';
import { QueueVolumeReads } from './queue-volume.reads';
import { SlowdownTexts, tooShortMessage } from './chat-slowdown-table';
import { QueuesProblems } from './queues.problems';

/** Queues of a shop and their actual volume per slot. */
@Injectable()
export class QueueService {
  constructor(
    private readonly queues: QueueRepository,
    private readonly volumes: QueueVolumeReads,
  ) {}

  async create(actor: Actor, body: CreateQueueBody): Promise<Queue> {
    if (await this.queues.findByCode(actor.shopId, body.code))
      throw QueuesProblems.codeTaken.at('code', { code: body.code });
    const { requiredSkill, ...rest } = body;
    const skillId = requiredSkill ? await this.queues.skillIdByCode(actor.shopId, requiredSkill) : null;
    if (requiredSkill && !skillId) throw QueuesProblems.skillUnknown.at('requiredSkill', { skill: requiredSkill });
    return this.queues.insert({ ...rest, shopId: actor.shopId, requiredSkillId: skillId ?? null });
  }

  list(actor: Actor): Promise<Queue[]> {
    return this.queues.list(actor.shopId);
  }

  async get(actor: Actor, id: string): Promise<Queue> {
    const queue = await this.queues.find(actor.shopId, id);
    if (!queue) throw QueuesProblems.notFound();
    return queue;
  }

  async update(actor: Actor, id: string, body: UpdateQueueBody): Promise<Queue> {
    const queue = await this.get(actor, id);
    if (queue.kind === 'deferred' && body.deadlineMinutes === null)
      throw QueuesProblems.deadlineRequired.at('deadlineMinutes', { queue: queue.name });
    // The table and the concurrency must fit together after the change, whichever of them changes.
    const table = body.chatSlowdown === undefined ? queue.chatSlowdown : body.chatSlowdown;
    const concurrency = body.chatConcurrency ?? queue.chatConcurrency;
    // The field says what the same check says when the body alone is checked; the detail names the queue.
    if (body.chatSlowdown && queue.channel !== 'chat') {
      const problem = QueuesProblems.slowdownChatOnly;
      throw problem(
        { queue: queue.name },
        { errors: [{ field: 'chatSlowdown', message: SlowdownTexts.chatOnly, code: problem.code, in: 'body' }] },
      );
    }
    if (table && table.length < concurrency) {
      const problem = QueuesProblems.slowdownTooShort;
      const field = body.chatSlowdown ? 'chatSlowdown' : 'chatConcurrency';
      throw problem(
        { queue: queue.name, length: table.length, concurrency },
        { errors: [{ field, message: tooShortMessage(table.length, concurrency), code: problem.code, in: 'body' }] },
      );
    }
    return (await this.queues.update(actor.shopId, id, body))!;
  }

  async volume(actor: Actor, id: string, range: RangeQuery) {
    await this.get(actor, id);
    return this.volumes.volume(actor.shopId, id, new Date(range.from), new Date(range.to));
  }
}
