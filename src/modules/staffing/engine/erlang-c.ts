/**
 * Erlang C (M/M/c, nobody abandons), derived from Erlang B so it stays stable:
 *   C = c·B / (c − A·(1 − B)),  SL(t) = 1 − C·e^{−(c − A)·t / AHT},  ASA = C·AHT / (c − A).
 */
import { assertLoadAndServers, erlangB } from './erlang-b';
import { QueueMetrics } from './staffing-types';

/** Erlang C figures for `agents` given B = Erlang B(load, agents) already computed (the search reuses its recursion). */
export function erlangCFromBlocking(
  load: number,
  agents: number,
  blocking: number,
  ahtSeconds: number,
  answerWithinSeconds: number,
): QueueMetrics {
  if (load === 0) return idleQueue(agents, answerWithinSeconds);
  if (agents <= load) {
    return {
      agents,
      offeredLoad: load,
      stable: false,
      waitProbability: 1,
      serviceLevel: 0,
      answerWithinSeconds,
      asaSeconds: Number.POSITIVE_INFINITY,
      occupancy: agents === 0 ? 0 : 1,
      abandonment: 0,
    };
  }
  const waitProbability = waitProbabilityFromBlocking(load, agents, blocking);
  const spare = agents - load;
  return {
    agents,
    offeredLoad: load,
    stable: true,
    waitProbability,
    serviceLevel: 1 - waitProbability * Math.exp((-spare * answerWithinSeconds) / ahtSeconds),
    answerWithinSeconds,
    asaSeconds: (waitProbability * ahtSeconds) / spare,
    occupancy: load / agents,
    abandonment: 0,
  };
}

/** Erlang C: the probability of waiting, from Erlang B (agents > load). */
function waitProbabilityFromBlocking(load: number, agents: number, blocking: number): number {
  return (agents * blocking) / (agents - load * (1 - blocking));
}

export function erlangC(load: number, agents: number, ahtSeconds: number, answerWithinSeconds: number): QueueMetrics {
  assertLoadAndServers(load, agents);
  assertTimes(ahtSeconds, answerWithinSeconds);
  return erlangCFromBlocking(load, agents, agents > load ? erlangB(load, agents) : 1, ahtSeconds, answerWithinSeconds);
}

/** Nothing arrives: nobody waits, nobody is busy. */
export function idleQueue(agents: number, answerWithinSeconds: number): QueueMetrics {
  return {
    agents,
    offeredLoad: 0,
    stable: true,
    waitProbability: 0,
    serviceLevel: 1,
    answerWithinSeconds,
    asaSeconds: 0,
    occupancy: 0,
    abandonment: 0,
  };
}

export function assertTimes(ahtSeconds: number, answerWithinSeconds: number): void {
  if (!(ahtSeconds > 0 && Number.isFinite(ahtSeconds)))
    throw new RangeError(`handle time must be > 0 seconds, got ${ahtSeconds}`);
  if (!(answerWithinSeconds >= 0 && Number.isFinite(answerWithinSeconds))) {
    throw new RangeError(`answer-within threshold must be ≥ 0 seconds, got ${answerWithinSeconds}`);
  }
}
