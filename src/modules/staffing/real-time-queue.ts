import type { Queue } from 'src/modules/queues/queue.repository';
import type { ConcurrencySlowdown, RealTimeQueue, ServiceTarget } from './engine';
import { StaffingProblems } from './staffing.problems';
import { DEFAULT_SHRINKAGE, DEFAULT_SLOWDOWN, StaffingSettings } from './staffing.settings';

type QueueFields = Pick<
  Queue,
  | 'name'
  | 'defaultHandleSeconds'
  | 'patienceSeconds'
  | 'serviceLevelSeconds'
  | 'serviceLevelPercent'
  | 'channel'
  | 'chatConcurrency'
  | 'chatSlowdown'
>;

/** The queue's own service target (a 100 % target is held just below 1: the models need < 1). */
export function serviceTargetOf(queue: Pick<Queue, 'serviceLevelSeconds' | 'serviceLevelPercent'>): ServiceTarget {
  return {
    answerWithinSeconds: queue.serviceLevelSeconds,
    serviceLevel: Math.min(0.999, queue.serviceLevelPercent / 100),
  };
}

/**
 * How much slower a chat gets with others open: the queue's own measured table when it has one,
 * else the shop's factor per extra chat. A table that no longer reaches the queue's concurrency
 * (a queue file raised it) is refused rather than guessed beyond.
 */
export function chatSlowdownOf(
  queue: Pick<Queue, 'name' | 'chatConcurrency' | 'chatSlowdown'>,
  settings: StaffingSettings,
): { slowdown: ConcurrencySlowdown; source: 'queue' | 'shop' } {
  const table = queue.chatSlowdown;
  if (!table)
    return { slowdown: { perExtraChat: settings.chatSlowdownPerExtraChat ?? DEFAULT_SLOWDOWN }, source: 'shop' };
  if (table.length < queue.chatConcurrency)
    throw StaffingProblems.slowdownTableShort({
      queue: queue.name,
      length: table.length,
      concurrency: queue.chatConcurrency,
    });
  return { slowdown: { byConcurrency: table }, source: 'queue' };
}

/**
 * A real-time queue as the staffing engine sees it: handle time, patience, target, the shop's
 * shrinkage and, for chat, concurrency with the queue's slowdown table (or the shop's factor per
 * extra chat). Shared by the requirements and by whoever prices taking agents off a queue
 * (training placement).
 */
export function realTimeQueueOf(queue: QueueFields, settings: StaffingSettings, slotMinutes: number): RealTimeQueue {
  return {
    slotSeconds: slotMinutes * 60,
    ahtSeconds: queue.defaultHandleSeconds,
    patienceSeconds: queue.patienceSeconds ?? undefined,
    target: serviceTargetOf(queue),
    shrinkage: settings.shrinkage ?? DEFAULT_SHRINKAGE,
    chat:
      queue.channel === 'chat' && queue.chatConcurrency > 1
        ? { concurrency: queue.chatConcurrency, slowdown: chatSlowdownOf(queue, settings).slowdown }
        : undefined,
  };
}
