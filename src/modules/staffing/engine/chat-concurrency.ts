/**
 * Chat with concurrency: an agent holds up to k chats at once, and each chat takes longer the more
 * are open (the agent's attention is shared). Staffed as one queue whose servers are the agents'
 * chat slots (agents × k), each serving at the slowed handle time h₁ × slowdown(k).
 */
import { requiredAgents } from './required-agents';
import { projectedService } from './projected-service';
import { QueueMetrics, QueueTraffic, ServiceTarget } from './staffing-types';

/** How much longer one chat takes at concurrency k than alone (factor ≥ 1, 1 at k = 1). */
export type ConcurrencySlowdown =
  /** slowdown(k) = 1 + perExtraChat × (k − 1), e.g. 0.15 → 1.00, 1.15, 1.30, … */
  | { perExtraChat: number }
  /** slowdown(k) = byConcurrency[k − 1], measured, e.g. [1, 1.1, 1.3, 1.6, 2.1]. */
  | { byConcurrency: readonly number[] };

export interface ChatQueue {
  /** Handle time of one chat when the agent has no other chat open. */
  handleSecondsAlone: number;
  /** Chats an agent holds at once (k ≥ 1). */
  concurrency: number;
  slowdown: ConcurrencySlowdown;
  /** Mean patience of a waiting customer; absent → nobody gives up (Erlang C). */
  patienceSeconds?: number;
}

/** Queue figures for agents × k chat slots; `agents` counts people. */
export interface ChatMetrics extends QueueMetrics {
  concurrency: number;
  /** Handle time per chat at this concurrency. */
  handleSeconds: number;
  /** Effective capacity: chats served in parallel (agents × k). */
  parallelChats: number;
  /** Effective capacity as throughput: parallelChats × 3600 / handleSeconds. */
  chatsPerHour: number;
}

export function slowdownFactor(slowdown: ConcurrencySlowdown, concurrency: number): number {
  if (!(Number.isInteger(concurrency) && concurrency >= 1))
    throw new RangeError(`concurrency must be a whole number ≥ 1, got ${concurrency}`);
  const factor =
    'perExtraChat' in slowdown
      ? 1 + slowdown.perExtraChat * (concurrency - 1)
      : slowdown.byConcurrency[concurrency - 1];
  if (factor === undefined) throw new RangeError(`no slowdown factor given for concurrency ${concurrency}`);
  if (!(factor >= 1 && Number.isFinite(factor)))
    throw new RangeError(`slowdown at concurrency ${concurrency} must be ≥ 1, got ${factor}`);
  return factor;
}

/** The queue the chat slots see: load in chat-slot Erlangs at the slowed handle time. */
export function chatTraffic(chat: ChatQueue, chatsPerSlot: number, slotSeconds: number): QueueTraffic {
  const handleSeconds = chat.handleSecondsAlone * slowdownFactor(chat.slowdown, chat.concurrency);
  if (!(slotSeconds > 0)) throw new RangeError(`slot length must be > 0 seconds, got ${slotSeconds}`);
  if (!(chatsPerSlot >= 0 && Number.isFinite(chatsPerSlot)))
    throw new RangeError(`chats must be a finite number ≥ 0, got ${chatsPerSlot}`);
  return {
    offeredLoad: (chatsPerSlot * handleSeconds) / slotSeconds,
    ahtSeconds: handleSeconds,
    patienceSeconds: chat.patienceSeconds,
  };
}

/** Fewest agents whose k chat slots meet the target (slots needed, rounded up to whole agents). */
export function requiredChatAgents(
  chat: ChatQueue,
  chatsPerSlot: number,
  slotSeconds: number,
  target: ServiceTarget,
): ChatMetrics {
  const traffic = chatTraffic(chat, chatsPerSlot, slotSeconds);
  const slots = requiredAgents(traffic, target).agents;
  const agents = Math.ceil(slots / chat.concurrency);
  return chatMetrics(chat, traffic, agents, target.answerWithinSeconds);
}

/** Service with exactly `agents` people on the chat queue. */
export function projectedChatService(
  chat: ChatQueue,
  chatsPerSlot: number,
  slotSeconds: number,
  agents: number,
  answerWithinSeconds: number,
): ChatMetrics {
  return chatMetrics(chat, chatTraffic(chat, chatsPerSlot, slotSeconds), agents, answerWithinSeconds);
}

function chatMetrics(chat: ChatQueue, traffic: QueueTraffic, agents: number, answerWithinSeconds: number): ChatMetrics {
  const parallelChats = agents * chat.concurrency;
  const metrics = projectedService(traffic, parallelChats, answerWithinSeconds);
  return {
    ...metrics,
    agents,
    concurrency: chat.concurrency,
    handleSeconds: traffic.ahtSeconds,
    parallelChats,
    chatsPerHour: (parallelChats * 3600) / traffic.ahtSeconds,
  };
}
