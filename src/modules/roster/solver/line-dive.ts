import type { CompiledRoster, RosterLines } from './compiled-roster';
import { generateColumns } from './column-generation';
import type { PricingLimits } from './line-pricing';
import type { RestrictedMaster } from './restricted-master';

export interface DiveLimits {
  /** Pricing rounds after each fixing step. */
  roundsPerStep: number;
  shouldStop: () => boolean;
  secondsLeft: () => number;
  /** Stability centre of the column generation before the dive. */
  centre: Float64Array | null;
  /** Weight of the random term added to LP values when ordering fixings (0: strongest first). */
  jitter: number;
  random: () => number;
  /** Seconds until `shouldStop` turns true on the clock (none: the dive is not timed). */
  stopsIn?: () => number;
  pricing?: PricingLimits;
}

/** A line at least this strong in the LP is fixed together with the strongest one. */
const FIX_AT = 0.9;
/** Steps a dive takes at most (a tenth of the agents, or more, is fixed each step). */
const STEPS = 10;
/** A dive cut off by an LP time limit yields nothing, so its LP gets at least this long (it is fast anyway). */
export const DIVE_LP_FLOOR_SECONDS = 10;

/**
 * Column-generation dive, the usual primal heuristic of branch-and-price: repeatedly fix the
 * agents whose LP line is (nearly) integral, re-price the others against what is now fixed,
 * until every agent has one line. Fixing is a bound change on the same master, so each step
 * re-optimises from the last basis; the master keeps every line found for the integer master after.
 */
export function diveForRoster(model: CompiledRoster, master: RestrictedMaster, limits: DiveLimits): RosterLines | null {
  const fixed = new Map<number, Int32Array>();
  let centre = limits.centre;
  while (fixed.size < model.agents.length) {
    // Out of time: stop pricing, keep fixing step by step over the lines already found.
    if (!limits.shouldStop())
      centre = generateColumns(model, master, { ...limits, maxRounds: limits.roundsPerStep, centre }).centre;
    const solved = master.solve(Math.max(DIVE_LP_FLOOR_SECONDS, limits.secondsLeft()));
    if (!solved) return null;
    // Each agent's strongest line; fix those at FIX_AT or more, and at least the top tenth.
    const strongest = master
      .strongestLines(solved.values)
      .filter((s) => !fixed.has(s.agent))
      .map((s) => ({ ...s, order: s.value + limits.jitter * limits.random() }));
    strongest.sort((x, y) => y.order - x.order || x.agent - y.agent);
    const count = Math.max(Math.ceil(strongest.length / STEPS), strongest.filter((s) => s.value >= FIX_AT).length);
    for (const { agent, line } of strongest.slice(0, count)) {
      master.fix(agent, line);
      fixed.set(agent, master.lines[agent][line]);
    }
  }
  return model.agents.map((_, a) => fixed.get(a)!);
}
