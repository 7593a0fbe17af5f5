/** Figures for exactly N agents on a queue, with the model chosen by whether the queue has a patience figure. */
import { erlangA } from './erlang-a';
import { erlangC } from './erlang-c';
import { QueueMetrics, QueueModel, QueueTraffic } from './staffing-types';

export function queueModelOf(traffic: Pick<QueueTraffic, 'patienceSeconds'>): QueueModel {
  const patience = traffic.patienceSeconds;
  if (patience === undefined || patience === Number.POSITIVE_INFINITY) return 'erlang-c';
  if (!(patience > 0)) throw new RangeError(`patience must be > 0 seconds (or left out), got ${patience}`);
  return 'erlang-a';
}

/**
 * Service with exactly `agents` on the queue: what the training planner prices when it takes
 * people off the phones, and what the coverage report shows for a planned roster.
 */
export function projectedService(traffic: QueueTraffic, agents: number, answerWithinSeconds: number): QueueMetrics {
  return queueModelOf(traffic) === 'erlang-a'
    ? erlangA(traffic.offeredLoad, agents, traffic.ahtSeconds, traffic.patienceSeconds as number, answerWithinSeconds)
    : erlangC(traffic.offeredLoad, agents, traffic.ahtSeconds, answerWithinSeconds);
}

/** Offered load in Erlangs: contacts × handle seconds / slot seconds. */
export function offeredLoad(contacts: number, ahtSeconds: number, slotSeconds: number): number {
  if (!(contacts >= 0 && Number.isFinite(contacts)))
    throw new RangeError(`contacts must be a finite number ≥ 0, got ${contacts}`);
  if (!(slotSeconds > 0)) throw new RangeError(`slot length must be > 0 seconds, got ${slotSeconds}`);
  return (contacts * ahtSeconds) / slotSeconds;
}
