/**
 * Requirements per slot for a real-time queue (phone or chat): the figures later code needs —
 * raw agents, positions after shrinkage, and the service they are expected to give.
 */
import { ChatMetrics, ConcurrencySlowdown, projectedChatService, requiredChatAgents } from './chat-concurrency';
import { offeredLoad, projectedService, queueModelOf } from './projected-service';
import { requiredAgents } from './required-agents';
import { positionsAfterShrinkage, ShrinkageAccount } from './shrinkage';
import { QueueMetrics, QueueModel, ServiceTarget } from './staffing-types';

export interface RealTimeQueue {
  slotSeconds: number;
  /** Mean handle time; for chat, of one chat when the agent has no other open. */
  ahtSeconds: number;
  /** Mean patience; absent → Erlang C. */
  patienceSeconds?: number;
  target: ServiceTarget;
  shrinkage: ShrinkageAccount | number;
  /** Present for chat queues. */
  chat?: { concurrency: number; slowdown: ConcurrencySlowdown };
}

export interface SlotStaffing {
  contacts: number;
  model: QueueModel;
  /** Erlangs; for chat, in chat slots at the slowed handle time. */
  offeredLoad: number;
  /** Agents on the queue (people, also for chat). */
  rawAgents: number;
  /** Agents to schedule: ceil(raw / (1 − shrinkage)). */
  positions: number;
  stable: boolean;
  waitProbability: number;
  serviceLevel: number;
  answerWithinSeconds: number;
  asaSeconds: number;
  /** For chat: share of chat slots busy. */
  occupancy: number;
  abandonment: number;
  /** Chat only: effective capacity, chats served in parallel (agents × k); null for phone. */
  parallelChats: number | null;
  /** Chat only: effective capacity in chats per hour; null for phone. */
  chatsPerHour: number | null;
}

export function staffSlot(queue: RealTimeQueue, contacts: number): SlotStaffing {
  if (queue.chat) {
    const chat = { handleSecondsAlone: queue.ahtSeconds, patienceSeconds: queue.patienceSeconds, ...queue.chat };
    return slotFigures(queue, contacts, requiredChatAgents(chat, contacts, queue.slotSeconds, queue.target));
  }
  const traffic = {
    offeredLoad: offeredLoad(contacts, queue.ahtSeconds, queue.slotSeconds),
    ahtSeconds: queue.ahtSeconds,
    patienceSeconds: queue.patienceSeconds,
  };
  return slotFigures(queue, contacts, requiredAgents(traffic, queue.target));
}

/** What exactly `agents` on the queue (already net of shrinkage) would give in a slot with `contacts` arrivals. */
export function projectSlot(queue: RealTimeQueue, contacts: number, agents: number): SlotStaffing {
  const within = queue.target.answerWithinSeconds;
  if (queue.chat) {
    const chat = { handleSecondsAlone: queue.ahtSeconds, patienceSeconds: queue.patienceSeconds, ...queue.chat };
    return slotFigures(queue, contacts, projectedChatService(chat, contacts, queue.slotSeconds, agents, within));
  }
  const traffic = {
    offeredLoad: offeredLoad(contacts, queue.ahtSeconds, queue.slotSeconds),
    ahtSeconds: queue.ahtSeconds,
    patienceSeconds: queue.patienceSeconds,
  };
  return slotFigures(queue, contacts, projectedService(traffic, agents, within));
}

function slotFigures(queue: RealTimeQueue, contacts: number, metrics: QueueMetrics | ChatMetrics): SlotStaffing {
  const chat = 'parallelChats' in metrics ? metrics : null;
  return {
    contacts,
    model: queueModelOf(queue),
    offeredLoad: metrics.offeredLoad,
    rawAgents: metrics.agents,
    positions: positionsAfterShrinkage(metrics.agents, queue.shrinkage),
    stable: metrics.stable,
    waitProbability: metrics.waitProbability,
    serviceLevel: metrics.serviceLevel,
    answerWithinSeconds: metrics.answerWithinSeconds,
    asaSeconds: metrics.asaSeconds,
    occupancy: metrics.occupancy,
    abandonment: metrics.abandonment,
    parallelChats: chat ? chat.parallelChats : null,
    chatsPerHour: chat ? chat.chatsPerHour : null,
  };
}
