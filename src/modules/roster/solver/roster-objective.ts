import {
  OFF,
  type CompiledAgent,
  type CompiledRequest,
  type CompiledRoster,
  type RosterLines,
} from './compiled-roster';
import { shiftsWithoutSupervisor } from './agent-rules';

/** Each term already weighted; `total` is what the solver minimises. */
export interface RosterObjective {
  total: number;
  underCover: number;
  overCover: number;
  requests: number;
  /** Weight × (most − fewest late shifts among agents who may work late). */
  lateFairness: number;
  /** Weight × (most − fewest weekend days worked among agents who may work weekends). */
  weekendFairness: number;
}

/** Far above any soft term: the search treats a shift without supervisor as all but forbidden. */
export const SUPERVISOR_PENALTY = 1_000_000;

/** A request not granted by the duty (or OFF) on its day: an on-request off its type, an off-request worked. */
export function requestMissed(model: CompiledRoster, request: CompiledRequest, duty: number): boolean {
  const onType = duty !== OFF && (request.type < 0 || model.duties[duty].type === request.type);
  return request.kind === 'on' ? !onType : onType;
}

export function requestPenalty(model: CompiledRoster, agent: CompiledAgent, line: Int32Array): number {
  let penalty = 0;
  for (const r of agent.requests) if (requestMissed(model, r, line[r.day])) penalty += r.weight;
  return penalty;
}

export function coverCounts(model: CompiledRoster, lines: RosterLines): Float64Array {
  const counts = new Float64Array(model.coverRows.length);
  const nDuties = model.duties.length;
  for (const line of lines) {
    for (let d = 0; d < line.length; d++) {
      if (line[d] === OFF) continue;
      for (const r of model.cellRows[d * nDuties + line[d]]) counts[r]++;
    }
  }
  return counts;
}

function agentMayWork(
  model: CompiledRoster,
  agent: CompiledAgent,
  days: number[],
  duty: (u: number) => boolean,
): boolean {
  const n = model.duties.length;
  return days.some((d) => model.duties.some((_, u) => duty(u) && agent.allowed[d * n + u] === 1));
}

/** Agents the late-shift fairness term compares. */
export function lateEligible(model: CompiledRoster): boolean[] {
  const allDays = Array.from({ length: model.days }, (_, d) => d);
  return model.agents.map((agent) => agentMayWork(model, agent, allDays, (u) => model.lateTypes[model.duties[u].type]));
}

/** Agents the weekend fairness term compares. */
export function weekendEligible(model: CompiledRoster): boolean[] {
  const days = model.weekends.flat();
  return model.agents.map((agent) => agentMayWork(model, agent, days, () => true));
}

function spread(values: number[]): number {
  return values.length === 0 ? 0 : Math.max(...values) - Math.min(...values);
}

export function lateCount(model: CompiledRoster, line: Int32Array): number {
  let count = 0;
  for (const duty of line) if (duty !== OFF && model.lateTypes[model.duties[duty].type]) count++;
  return count;
}

export function weekendDaysWorked(model: CompiledRoster, line: Int32Array): number {
  let count = 0;
  for (const days of model.weekends) for (const d of days) if (line[d] !== OFF) count++;
  return count;
}

export function evaluateRoster(model: CompiledRoster, lines: RosterLines): RosterObjective {
  const counts = coverCounts(model, lines);
  let underCover = 0;
  let overCover = 0;
  model.coverRows.forEach((row, r) => {
    underCover += Math.max(0, row.required - counts[r]) * row.underWeight;
    overCover += Math.max(0, counts[r] - row.required) * row.overWeight;
  });
  const requests = model.agents.reduce((sum, agent, a) => sum + requestPenalty(model, agent, lines[a]), 0);
  let lateFairness = 0;
  if (model.lateFairnessWeight > 0) {
    const eligible = lateEligible(model);
    lateFairness =
      model.lateFairnessWeight * spread(lines.filter((_, a) => eligible[a]).map((line) => lateCount(model, line)));
  }
  let weekendFairness = 0;
  if (model.weekendFairnessWeight > 0) {
    const eligible = weekendEligible(model);
    weekendFairness =
      model.weekendFairnessWeight *
      spread(lines.filter((_, a) => eligible[a]).map((line) => weekendDaysWorked(model, line)));
  }
  const total = underCover + overCover + requests + lateFairness + weekendFairness;
  return { total, underCover, overCover, requests, lateFairness, weekendFairness };
}

/** What the search compares: the objective plus the supervisor rule as a huge penalty. */
export function searchCost(model: CompiledRoster, lines: RosterLines): number {
  return evaluateRoster(model, lines).total + SUPERVISOR_PENALTY * shiftsWithoutSupervisor(model, lines).length;
}
