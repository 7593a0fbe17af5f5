/**
 * Fewest agents meeting a service target. Every figure improves as agents are added, so the
 * answer is the first count, from a proven lower bound upwards, at which all bounds hold.
 */
import { assertLoadAndServers, erlangB, recursionStart } from './erlang-b';
import { erlangAFromBlocking } from './erlang-a';
import { assertTimes, erlangCFromBlocking, idleQueue } from './erlang-c';
import { queueModelOf } from './projected-service';
import { QueueMetrics, QueueTraffic, ServiceTarget } from './staffing-types';

/** Floating-point slack on bounds, so that 7 Erlangs on 10 agents meets "occupancy ≤ 0.7". */
const SLACK = 1e-12;

export function requiredAgents(traffic: QueueTraffic, target: ServiceTarget): QueueMetrics {
  const { offeredLoad: load, ahtSeconds } = traffic;
  assertLoadAndServers(load, 0);
  assertTimes(ahtSeconds, target.answerWithinSeconds);
  assertTarget(target);
  if (load === 0) return idleQueue(0, target.answerWithinSeconds);
  return queueModelOf(traffic) === 'erlang-a'
    ? requiredWithAbandonment(load, ahtSeconds, traffic.patienceSeconds as number, target)
    : requiredWithoutAbandonment(load, ahtSeconds, target);
}

export function meetsTarget(metrics: QueueMetrics, target: ServiceTarget): boolean {
  if (!metrics.stable) return false;
  if (target.serviceLevel !== undefined && metrics.serviceLevel < target.serviceLevel - SLACK) return false;
  if (target.maxAsaSeconds !== undefined && metrics.asaSeconds > target.maxAsaSeconds * (1 + SLACK)) return false;
  if (target.maxOccupancy !== undefined && metrics.occupancy > target.maxOccupancy + SLACK) return false;
  if (target.maxAbandonment !== undefined && metrics.abandonment > target.maxAbandonment + SLACK) return false;
  return true;
}

/**
 * Erlang C: start at the stability / occupancy bound and step up one agent at a time, carrying
 * the Erlang B recursion along, with no allocation until the answer is found (the hot path).
 */
function requiredWithoutAbandonment(load: number, aht: number, target: ServiceTarget): QueueMetrics {
  const within = target.answerWithinSeconds;
  const slMin = (target.serviceLevel ?? Number.NEGATIVE_INFINITY) - SLACK;
  const asaMax =
    target.maxAsaSeconds === undefined ? Number.POSITIVE_INFINITY : (target.maxAsaSeconds * (1 + SLACK)) / aht;
  const occupancyMax = target.maxOccupancy === undefined ? Number.POSITIVE_INFINITY : target.maxOccupancy + SLACK;
  const occupancyBound = target.maxOccupancy === undefined ? 0 : Math.ceil(load / target.maxOccupancy - 1e-9);
  let agents = Math.max(Math.floor(load) + 1, occupancyBound);
  const inverseLoad = 1 / load;
  let inverse = 1;
  // The Erlang B recursion (nextInverseBlocking) written out: a call per step across modules costs more than the step.
  for (let n = recursionStart(load) + 1; n <= agents; n++) inverse = 1 + n * inverseLoad * inverse;
  // e^{−(c − A)·t/AHT}, carried along: one more agent multiplies it by e^{−t/AHT}.
  const decayPerAgent = Math.exp(-within / aht);
  let decay = Math.exp((-(agents - load) * within) / aht);
  for (;;) {
    const spare = agents - load;
    const wait = agents / (inverse * spare + load);
    if (1 - wait * decay >= slMin && wait / spare <= asaMax && load / agents <= occupancyMax) {
      return erlangCFromBlocking(load, agents, 1 / inverse, aht, within);
    }
    agents++;
    inverse = 1 + agents * inverseLoad * inverse;
    decay *= decayPerAgent;
  }
}

/**
 * Erlang A: each trial costs a tail sum, so gallop up from a lower bound and then bisect.
 * Lower bounds: answered share ≤ agents / load, so agents ≥ serviceLevel·load and
 * agents ≥ (1 − maxAbandonment)·load.
 */
function requiredWithAbandonment(load: number, aht: number, patience: number, target: ServiceTarget): QueueMetrics {
  const trial = (agents: number) =>
    erlangAFromBlocking(load, agents, erlangB(load, agents), aht, patience, target.answerWithinSeconds);
  const answeredShare = Math.max(target.serviceLevel ?? 0, 1 - (target.maxAbandonment ?? 1));
  let failing = Math.max(0, Math.ceil(answeredShare * load - 1e-9) - 1);
  let step = 1;
  let passing = failing + step;
  let best = trial(passing);
  while (!meetsTarget(best, target)) {
    failing = passing;
    step *= 2;
    passing = failing + step;
    best = trial(passing);
  }
  while (passing - failing > 1) {
    const middle = Math.floor((passing + failing) / 2);
    const metrics = trial(middle);
    if (meetsTarget(metrics, target)) {
      passing = middle;
      best = metrics;
    } else failing = middle;
  }
  return best;
}

function assertTarget(target: ServiceTarget): void {
  const { serviceLevel, maxAsaSeconds, maxOccupancy, maxAbandonment } = target;
  if (serviceLevel !== undefined && !(serviceLevel > 0 && serviceLevel < 1))
    throw new RangeError(`service level target must be in (0, 1), got ${serviceLevel}`);
  if (maxAsaSeconds !== undefined && !(maxAsaSeconds > 0))
    throw new RangeError(`ASA bound must be > 0 seconds, got ${maxAsaSeconds}`);
  if (maxOccupancy !== undefined && !(maxOccupancy > 0 && maxOccupancy <= 1))
    throw new RangeError(`occupancy bound must be in (0, 1], got ${maxOccupancy}`);
  if (maxAbandonment !== undefined && !(maxAbandonment > 0 && maxAbandonment <= 1))
    throw new RangeError(`abandonment bound must be in (0, 1], got ${maxAbandonment}`);
}
