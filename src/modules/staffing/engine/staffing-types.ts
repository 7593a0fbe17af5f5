/** Inputs and outputs of the staffing models. Times are seconds unless a name says otherwise. */

/** One real-time queue in one slot, as the queueing models see it. */
export interface QueueTraffic {
  /** Erlangs: contacts × handle seconds / slot seconds. */
  offeredLoad: number;
  /** Mean handle time of one contact (talk + wrap-up). */
  ahtSeconds: number;
  /** Mean patience before a waiting customer gives up; absent or Infinity → Erlang C (nobody abandons). */
  patienceSeconds?: number;
}

/**
 * What a slot must achieve. Every bound given must hold at once ("and"); leave out the ones that
 * do not apply. `answerWithinSeconds` is the service-level threshold and is always reported.
 */
export interface ServiceTarget {
  answerWithinSeconds: number;
  /** Fraction of arrivals answered within `answerWithinSeconds`, e.g. 0.8; must be < 1. */
  serviceLevel?: number;
  /** Upper bound on the average speed of answer. */
  maxAsaSeconds?: number;
  /** Upper bound on agent occupancy (0, 1]. */
  maxOccupancy?: number;
  /** Upper bound on the fraction of arrivals who abandon (Erlang A only; Erlang C never abandons). */
  maxAbandonment?: number;
}

/** What a number of agents achieves on one queue in one slot. */
export interface QueueMetrics {
  agents: number;
  offeredLoad: number;
  /** False when Erlang C has agents ≤ load: the queue grows without bound (every figure is its limit). */
  stable: boolean;
  /** P(an arrival has to wait). */
  waitProbability: number;
  /** Fraction of all arrivals answered within `answerWithinSeconds` (abandoners count as not answered). */
  serviceLevel: number;
  answerWithinSeconds: number;
  /** Mean time in queue over all arrivals (answered or abandoned); Infinity when not stable. */
  asaSeconds: number;
  /** Busy share of agents' time: carried load / agents (0 with no agents). */
  occupancy: number;
  /** Fraction of arrivals who abandon (0 for Erlang C). */
  abandonment: number;
}

/** Which model produced the figures. */
export type QueueModel = 'erlang-c' | 'erlang-a';
