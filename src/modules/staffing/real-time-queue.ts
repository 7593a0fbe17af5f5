import type { Queue } from 'src/modules/ingest/queue.repository';
import type { RealTimeQueue, ServiceTarget } from './engine';

export const DEFAULT_SHRINKAGE = 0.3;
const DEFAULT_SLOWDOWN = 0.15;

type QueueFields = Pick<Queue, 'defaultHandleSeconds' | 'patienceSeconds' | 'serviceLevelSeconds' | 'serviceLevelPercent' | 'channel' | 'chatConcurrency'>;

/** The queue's own service target (a 100 % target is held just below 1: the models need < 1). */
export function serviceTargetOf(queue: Pick<Queue, 'serviceLevelSeconds' | 'serviceLevelPercent'>): ServiceTarget {
  return { answerWithinSeconds: queue.serviceLevelSeconds, serviceLevel: Math.min(0.999, queue.serviceLevelPercent / 100) };
}

/**
 * A real-time queue as the staffing engine sees it: handle time, patience, target, the shop's
 * shrinkage and, for chat, concurrency with the shop's slowdown per extra chat. Shared by the
 * requirements and by whoever prices taking agents off a queue (training placement).
 */
export function realTimeQueueOf(queue: QueueFields, settings: Record<string, unknown>, slotMinutes: number): RealTimeQueue {
  return {
    slotSeconds: slotMinutes * 60,
    ahtSeconds: queue.defaultHandleSeconds,
    patienceSeconds: queue.patienceSeconds ?? undefined,
    target: serviceTargetOf(queue),
    shrinkage: Number(settings.shrinkage ?? DEFAULT_SHRINKAGE),
    chat: queue.channel === 'chat' && queue.chatConcurrency > 1 ? { concurrency: queue.chatConcurrency, slowdown: { perExtraChat: Number(settings.chatSlowdownPerExtraChat ?? DEFAULT_SLOWDOWN) } } : undefined,
  };
}
