import type { Highs } from 'highs';
import { OFF, type CompiledRoster, type RosterLines } from './compiled-roster';
import { generateColumns } from './column-generation';
import { buildLineMaster } from './line-master';
import type { PricingLimits } from './line-pricing';
import { solveLinearProgram } from './linear-program';
import { RestrictedMaster } from './restricted-master';
import { coverCounts } from './roster-objective';
import { sampleIndices } from 'src/platform/random/seeded-random';

export interface PricedNeighbourhoodLimits {
  seconds: number;
  /** Pricing rounds before the integer step. */
  maxRounds: number;
  /** Round- and node-limited only (no clock inside), so a seed repeats exactly. */
  deterministic?: boolean;
  shouldStop: () => boolean;
  /** A label budget for pricing (a beam), for large models. */
  pricing?: PricingLimits;
  /** The solve's clock (default `Date.now`): the budget is read on the same clock as its deadline. */
  now?: () => number;
  /** Lines priced earlier for each agent (the whole horizon's column generation): the re-planned agents' start beside their own. */
  pool?: readonly (readonly Int32Array[])[];
}

export interface ReplannedAgents {
  lines: RosterLines | null;
  /** Pricing ran its rounds (or found nothing more) before the time limit cut it short. */
  closed: boolean;
}

const DETERMINISTIC_NODES = 500;

/**
 * Re-plans a few agents while everyone else keeps their line: column generation prices new
 * lines for just those agents (each line keeps every rule of its agent, by construction of the
 * dynamic programme), then a small integer master picks one line each. The compact model of the
 * same neighbourhood describes runs and rest with weak constraints and often stalls at its time
 * limit; this one closes it in a fraction of a second. Fairness and the supervisor rule are not in
 * the master: the caller compares full costs before adopting the answer.
 */
export function replanAgents(
  highs: Highs,
  model: CompiledRoster,
  lines: RosterLines,
  agents: readonly number[],
  limits: PricedNeighbourhoodLimits,
): ReplannedAgents {
  const now = limits.now ?? Date.now;
  const started = now();
  const left = () => limits.seconds - (now() - started) / 1000;
  const free = new Set(agents);
  const master = new RestrictedMaster(highs, model);
  try {
    lines.forEach((line, a) => {
      master.add(a, line);
      if (!free.has(a)) master.fix(a, 0);
    });
    for (const a of agents) for (const line of limits.pool?.[a] ?? []) master.add(a, line);
    const cg = generateColumns(model, master, {
      maxRounds: limits.maxRounds,
      shouldStop: () => limits.shouldStop() || (!limits.deterministic && left() < limits.seconds / 2),
      secondsLeft: () => Math.max(0.05, left()),
      pricing: limits.pricing,
    });
    const integer = buildLineMaster(model, master.pool, true);
    const outcome = solveLinearProgram(highs, integer.lp, {
      timeLimitSeconds: Math.max(0.05, left()),
      maxNodes: limits.deterministic ? DETERMINISTIC_NODES : undefined,
      start: integer.startFor(lines),
      shouldStop: limits.shouldStop,
    });
    const closed = (cg.converged || cg.rounds >= limits.maxRounds) && outcome.status === 'optimal';
    return { lines: outcome.values ? integer.decode(outcome.values) : null, closed };
  } finally {
    master.dispose();
  }
}

/**
 * Agents to re-plan: half the time at random, half around one under-covered demand row (agents
 * who could work it and do not, a few who work that day, then anyone), since filling it often
 * means moving shifts elsewhere in the horizon too, which a window of days cannot do.
 */
export function agentsToReplan(
  model: CompiledRoster,
  lines: RosterLines,
  count: number,
  random: () => number,
): number[] {
  const anyone = sampleIndices(model.agents.length, count, random);
  if (random() < 0.5) return anyone;
  const counts = coverCounts(model, lines);
  const short = model.coverRows.filter((row, r) => counts[r] < row.required);
  if (short.length === 0) return anyone;
  const row = short[Math.floor(random() * short.length)];
  const able = model.agents
    .map((_, a) => a)
    .filter((a) => lines[a][row.day] === OFF && row.cells.some((c) => model.agents[a].allowed[c]));
  const working = model.agents.map((_, a) => a).filter((a) => lines[a][row.day] !== OFF);
  const hood = new Set(sampleIndices(able.length, Math.ceil(count / 2), random).map((k) => able[k]));
  for (const k of sampleIndices(working.length, Math.floor(count / 4), random)) hood.add(working[k]);
  for (const a of anyone) if (hood.size < count) hood.add(a);
  return [...hood];
}
