import type { Highs } from 'highs';
import { aggregateCoverModel } from './aggregate-bound';
import type { CompiledRoster } from './compiled-roster';
import { solveLinearProgram } from './linear-program';

/**
 * The aggregate cover model with whole agents (integer counts per day and duty), solved by
 * branch-and-bound for a bound only: HiGHS' proven bound of it is a bound of the roster, since
 * every roster is a point of it. Its LP is the aggregate cover LP; what lifts it above the LP are
 * the cuts on the cover rows (an agent works a whole shift with its breaks where they are, never
 * half of two), which the LP and the column generation cannot see: on the demo shop's week the
 * LP gives 4,688.8, the root's cuts about 4,820 and the integer optimum 4,830.
 */
export interface IntegerCoverBoundLimits {
  seconds: number;
  shouldStop?: () => boolean;
  /** Every bound proven so far (rising), as the branch-and-bound goes. */
  onBound?: (bound: number) => void;
}

export function integerCoverBound(highs: Highs, model: CompiledRoster, limits: IntegerCoverBoundLimits): number | null {
  const lp = aggregateCoverModel(model, true);
  if (!lp) return null;
  let best = Number.NEGATIVE_INFINITY;
  const raise = (bound: number) => {
    if (bound <= best) return;
    best = bound;
    limits.onBound?.(bound);
  };
  const outcome = solveLinearProgram(highs, lp, {
    timeLimitSeconds: limits.seconds,
    // Its solutions are counts, not rosters: no effort on them beyond what the bound needs.
    heuristicEffort: 0,
    shouldStop: limits.shouldStop,
    onBound: raise,
  });
  if (outcome.status === 'infeasible') return null;
  if (outcome.bound !== null) raise(outcome.bound);
  return Number.isFinite(best) ? best : null;
}

/**
 * Every roster's objective is a whole number when every weight and demand is: a bound may then
 * be rounded up (less a tolerance for the solver's arithmetic).
 */
export function wholeObjective(model: CompiledRoster): boolean {
  const whole = (x: number) => Number.isInteger(x);
  return (
    model.coverRows.every((row) => whole(row.required) && whole(row.underWeight) && whole(row.overWeight)) &&
    model.agents.every((agent) => agent.requests.every((r) => whole(r.weight))) &&
    whole(model.lateFairnessWeight) &&
    whole(model.weekendFairnessWeight)
  );
}

const ROUNDING_TOLERANCE = 1e-3;

export function roundedBound(model: CompiledRoster, bound: number): number {
  return wholeObjective(model) ? Math.ceil(bound - ROUNDING_TOLERANCE) : bound;
}
