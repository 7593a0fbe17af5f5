/**
 * Erlang A (M/M/c+M: exponential handle time, exponential patience) from its birth–death chain,
 * in handle-time units (service rate 1, arrival rate A, abandonment rate θ = AHT / patience).
 *
 * States n ≤ c follow Erlang B: scaled so Σ_{n≤c} π_n = 1, π_c = B(c, A). Above c,
 * π_{c+j} = π_c · t_j with t_j = Π_{i=1..j} A / (c + iθ). With T = Σ_{j≥1} t_j and Z = 1 + B·T:
 *   P(wait) = B(1 + T) / Z,  E[queue] = B·Σ j·t_j / Z,  P(abandon) = θ·E[queue] / A (rate balance),
 *   ASA over all arrivals = E[queue] / A (Little),  occupancy = A(1 − P(abandon)) / c.
 * Answered within τ (all arrivals): P(n < c) + π_c · c · ∫_0^τ exp(φ(s)) ds, with
 *   φ(s) = −(c + θ)s + (A/θ)(1 − e^{−θs}),
 * from summing, over the queue position met on arrival, the chance of reaching an agent by s
 * before one's own patience runs out (docs/staffing.md). Sums are kept in log scale, so loads far
 * above the agent count do not overflow.
 */
import { assertLoadAndServers, erlangB } from './erlang-b';
import { assertTimes, idleQueue } from './erlang-c';
import { logIntegralOfExp } from './log-concave-integral';
import { QueueMetrics } from './staffing-types';

/** A guard, not a model limit: overloaded queues with near-infinite patience need ~ (A − c)/θ terms. */
const MAX_TAIL_TERMS = 50_000_000;
const RESCALE_ABOVE = 1e280;

export function erlangA(
  load: number,
  agents: number,
  ahtSeconds: number,
  patienceSeconds: number,
  answerWithinSeconds: number,
): QueueMetrics {
  assertLoadAndServers(load, agents);
  assertTimes(ahtSeconds, answerWithinSeconds);
  if (!(patienceSeconds > 0 && Number.isFinite(patienceSeconds)))
    throw new RangeError(`patience must be a finite number of seconds > 0, got ${patienceSeconds}`);
  return erlangAFromBlocking(load, agents, erlangB(load, agents), ahtSeconds, patienceSeconds, answerWithinSeconds);
}

/** Erlang A figures given B = Erlang B(load, agents) already computed. */
export function erlangAFromBlocking(
  load: number,
  agents: number,
  blocking: number,
  ahtSeconds: number,
  patienceSeconds: number,
  answerWithinSeconds: number,
): QueueMetrics {
  if (load === 0) return idleQueue(agents, answerWithinSeconds);
  if (blocking === 0) {
    // B underflowed: so many agents that nobody ever waits.
    return { ...idleQueue(agents, answerWithinSeconds), offeredLoad: load, occupancy: load / agents };
  }
  const theta = ahtSeconds / patienceSeconds;
  const tail = queueTail(load, agents, theta);
  const logBlocking = Math.log(blocking);
  const logZ = logOnePlusExp(logBlocking + tail.logSum);
  const waitProbability = Math.exp(logBlocking + logOnePlusExp(tail.logSum) - logZ);
  const meanQueue = Math.exp(logBlocking + tail.logWeighted - logZ);
  const abandonment = Math.min(1, (theta * meanQueue) / load);
  const answeredAtOnce = (1 - blocking) * Math.exp(-logZ);
  const answeredAfterWaiting =
    agents === 0
      ? 0
      : Math.exp(
          logBlocking -
            logZ +
            Math.log(agents) +
            logWithinIntegral(load, agents, theta, answerWithinSeconds / ahtSeconds),
        );
  return {
    agents,
    offeredLoad: load,
    stable: true,
    waitProbability,
    serviceLevel: Math.min(1 - abandonment, answeredAtOnce + answeredAfterWaiting),
    answerWithinSeconds,
    asaSeconds: (meanQueue / load) * ahtSeconds,
    occupancy: agents === 0 ? 0 : Math.min(1, (load * (1 - abandonment)) / agents),
    abandonment,
  };
}

/** log Σ_{j≥1} t_j and log Σ_{j≥1} j·t_j, summed until the rest is below double precision. */
function queueTail(load: number, agents: number, theta: number): { logSum: number; logWeighted: number } {
  let term = 1;
  let sum = 0;
  let weighted = 0;
  let logScale = 0;
  for (let j = 1; j <= MAX_TAIL_TERMS; j++) {
    const ratio = load / (agents + j * theta);
    term *= ratio;
    sum += term;
    weighted += j * term;
    if (term > RESCALE_ABOVE) {
      term /= RESCALE_ABOVE;
      sum /= RESCALE_ABOVE;
      weighted /= RESCALE_ABOVE;
      logScale += Math.log(RESCALE_ABOVE);
    }
    if (ratio < 1) {
      // Later ratios are smaller still, so the rest is below a geometric series in `ratio`.
      const rest = ratio / (1 - ratio);
      if (term * rest <= 1e-17 * sum && term * (j * rest + rest / (1 - ratio)) <= 1e-17 * weighted) {
        return { logSum: Math.log(sum) + logScale, logWeighted: Math.log(weighted) + logScale };
      }
    }
  }
  throw new RangeError('Erlang A: patience too long for this overload; use Erlang C (no patience) instead');
}

/** log ∫_0^τ exp(φ(s)) ds for φ(s) = −(c + θ)s + (A/θ)(1 − e^{−θs}), a concave function of s. */
function logWithinIntegral(load: number, agents: number, theta: number, tau: number): number {
  const x = load / theta;
  const decay = agents + theta;
  return logIntegralOfExp(
    {
      value: (s) => -decay * s - x * Math.expm1(-theta * s),
      slope: (s) => -decay + load * Math.exp(-theta * s),
      curvature: (s) => load * theta * Math.exp(-theta * s),
      peak: load > decay ? Math.log(load / decay) / theta : 0,
    },
    tau,
  );
}

/** log(1 + e^v) without overflow. */
function logOnePlusExp(v: number): number {
  return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
}
