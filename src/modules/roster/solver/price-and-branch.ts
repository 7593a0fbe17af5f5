import type { Highs } from 'highs';
import { agentLineViolations } from './agent-rules';
import type { CompiledRoster, RosterLines } from './compiled-roster';
import { generateColumns, type ColumnGenerationOutcome } from './column-generation';
import { diveByDayChoices } from './choice-dive';
import { diveForRoster } from './line-dive';
import { buildLineMaster } from './line-master';
import { cheapestLine, type PricingLimits } from './line-pricing';
import { solveLinearProgram } from './linear-program';
import { RestrictedMaster } from './restricted-master';
import { requestCosts } from './marginal-costs';
import { searchCost } from './roster-objective';
import { seededRandom } from 'src/platform/random/seeded-random';

export interface PriceAndBranchLimits {
  /** Wall-clock budget of the whole step. */
  seconds: number;
  /** Round- and node-limited instead of time-limited, so a seed repeats exactly. */
  deterministic: boolean;
  shouldStop: () => boolean;
  /** Cover duals to start the column generation's stability centre from. */
  dualGuess?: Float64Array;
  /**
   * Large models: dive on day choices, more than once, and even when column generation stopped far
   * from its optimum. Small ones (the compact MIP follows) and windows dive on whole lines once.
   */
  redive: boolean;
  /** A label budget for pricing (a beam), for neighbourhoods of large models. */
  pricing?: PricingLimits;
  /** Column generation's share of the step before the dives start (default `PRICING_SHARE`). */
  pricingShare?: number;
  /** Next-cheapest lines each pricing of the first column generation adds (none by default). */
  alternatives?: number;
  /** Pricing rounds after each step of a dive (default `DIVE_ROUNDS`). */
  diveRounds?: number;
  /** Return every line priced (`PricedRoster.pool`), for later steps to start from. */
  keepPool?: boolean;
  /** The solve's clock (default `Date.now`): budgets are read on the same clock as its deadline. */
  now?: () => number;
  /**
   * Timed runs: the integer master after the dives gets at most this share of the step and the
   * step ends there, leaving the rest to the caller (default: all the step's time left).
   */
  masterShare?: number;
  /**
   * Each dive's roster as soon as it is better than the dives before it: the integer master after
   * them can take a large part of the step, and the caller's best roster should not wait for it.
   */
  onRoster?: (lines: RosterLines) => void;
}

export interface PricedRoster {
  /** Best roster of the integer master over the generated lines (null when none was found). */
  lines: RosterLines | null;
  /** Column-generation lower bound of the objective without fairness and supervisor terms. */
  bound: number | null;
  /** The column generation reached its LP optimum (so `bound` is that LP's value). */
  converged: boolean;
  /** Each agent's lines priced in the step, when `keepPool` asked for them (every one keeps its agent's rules). */
  pool?: Int32Array[][];
}

const DETERMINISTIC_ROUNDS = 40;
const MASTER_NODES = 500;
/** Column generation gets this share of the step before the dives start, unless the caller says otherwise. */
const PRICING_SHARE = 0.35;
const DIVE_ROUNDS = 5;
/** Later dives start while more than this share of the step's time is left. */
const REDIVE_UNTIL = 0.4;
/** Dives stop when less than this share of the step's time is left (the integer master's time). */
const DIVE_UNTIL = 0.15;
/** Random weight added to the LP values that order a later dive's fixings. */
const DIVE_JITTER = 0.3;
/** Column generation stopped with its bound below this share of the LP value is far from converged. */
const FAR_FROM_LP = 0.5;
/** Share of the step's remaining time the integer master gets then. */
const FAR_MASTER_SHARE = 0.2;

/**
 * Price-and-branch: column generation over agent lines (each line priced exactly by the
 * dynamic programme, so it keeps every rule of its agent) gives a strong bound and a pool of
 * good lines; a dive and then the integer master over that pool give a roster.
 */
export function priceAndBranch(
  highs: Highs,
  model: CompiledRoster,
  current: RosterLines,
  limits: PriceAndBranchLimits,
): PricedRoster {
  const started = (limits.now ?? Date.now)();
  const lp = new RestrictedMaster(highs, model);
  try {
    if (!addFirstColumns(model, lp, current, limits.pricing)) return { lines: null, bound: null, converged: false };
    const priced = branch(highs, model, current, lp, limits, started);
    return limits.keepPool ? { ...priced, pool: lp.lines } : priced;
  } finally {
    lp.dispose();
  }
}

/**
 * First columns: each agent's current line (when given and valid) and its own cheapest line.
 * False when some agent has no line at all (so no LP over agent lines exists).
 */
export function addFirstColumns(
  model: CompiledRoster,
  lp: RestrictedMaster,
  current: RosterLines | null,
  pricing?: PricingLimits,
): boolean {
  return model.agents.every((agent, a) => {
    if (current && agentLineViolations(model, agent, current[a]).length === 0) lp.add(a, current[a]);
    const own = cheapestLine(model, agent, requestCosts(model, agent), { ...pricing });
    if (own) lp.add(a, own.line);
    return lp.lines[a].length > 0;
  });
}

function branch(
  highs: Highs,
  model: CompiledRoster,
  current: RosterLines,
  lp: RestrictedMaster,
  limits: PriceAndBranchLimits,
  started: number,
): PricedRoster {
  const now = limits.now ?? Date.now;
  const left = () => limits.seconds - (now() - started) / 1000;
  const leftAtPricingEnd = limits.seconds * (1 - (limits.pricingShare ?? PRICING_SHARE));
  const cg = generateColumns(model, lp, {
    maxRounds: limits.deterministic ? DETERMINISTIC_ROUNDS : Number.POSITIVE_INFINITY,
    shouldStop: () => limits.shouldStop() || (!limits.deterministic && left() < leftAtPricingEnd),
    secondsLeft: () => Math.max(1, left()),
    centre: limits.dualGuess,
    pricing: limits.pricing,
    alternatives: limits.alternatives,
  });
  const bound = cg.bound;
  if (limits.shouldStop()) return { lines: null, bound, converged: cg.converged };
  if (tooFarToDive(cg, limits.redive))
    return {
      lines: integerMaster(highs, model, current, lp, null, limits, Math.max(0.5, left() * FAR_MASTER_SHARE)),
      bound,
      converged: false,
    };
  // Dive again, with the fixing order shaken, while time allows: each dive leaves new lines in
  // the pool, and the integer master over a varied pool finds what one dive misses.
  let dived: RosterLines | null = null;
  const proven = () => dived !== null && bound !== null && searchCost(model, dived) <= bound + 1e-6;
  const again = () =>
    limits.redive &&
    !limits.deterministic &&
    left() > limits.seconds * REDIVE_UNTIL &&
    !limits.shouldStop() &&
    !proven();
  const diveLeft = () => left() - limits.seconds * DIVE_UNTIL;
  for (let attempt = 0; attempt === 0 || again(); attempt++) {
    lp.unfixAll();
    // Small rosters and windows keep the line dive: with the day-choice dive they came out worse
    // (Instance7 1,058 → 1,255; 28-day windows of 120 agents × 18 types higher in 2 of 2).
    const lines = (limits.redive ? diveByDayChoices : diveForRoster)(model, lp, {
      roundsPerStep: limits.diveRounds ?? DIVE_ROUNDS,
      centre: cg.centre,
      jitter: attempt === 0 ? 0 : DIVE_JITTER,
      random: seededRandom(attempt),
      shouldStop: () => limits.shouldStop() || (!limits.deterministic && diveLeft() < 0),
      stopsIn: limits.deterministic ? undefined : diveLeft,
      secondsLeft: () => Math.max(1, left()),
      pricing: limits.pricing,
    });
    if (lines && (!dived || searchCost(model, lines) < searchCost(model, dived))) {
      dived = lines;
      limits.onRoster?.(lines);
    }
  }
  return {
    lines: integerMaster(highs, model, current, lp, dived, limits, Math.max(0.5, masterSeconds(limits, left()))),
    bound,
    converged: cg.converged,
  };
}

/**
 * Column generation stopped far from its optimum, where the LP's lines are poor guides: no dives,
 * a short integer master over the pool (current lines included), and the time goes to the
 * neighbourhood search instead. Only for windows and small models: on a large whole horizon the
 * Lagrangian bound lags the LP (a 42-day, 45-agent look-alike: LP 63.8 after 39 rounds against its
 * optimum 57.0, bound 11.2), and the dives from that LP gave rosters the search alone did not reach.
 * Without any LP (no round finished in the share) nothing guides a dive at all.
 */
export function tooFarToDive(
  cg: Pick<ColumnGenerationOutcome, 'converged' | 'bound' | 'lpValue'>,
  redive: boolean,
): boolean {
  if (cg.converged) return false;
  if (cg.lpValue === null) return true;
  return !redive && (cg.bound === null || cg.bound < FAR_FROM_LP * cg.lpValue);
}

/** The integer master's time after the dives: the time left, or at most its share of a timed step. */
export function masterSeconds(limits: PriceAndBranchLimits, left: number): number {
  return limits.masterShare === undefined || limits.deterministic
    ? left
    : Math.min(left, limits.seconds * limits.masterShare);
}

/** The integer master over every line generated, started from the dive's roster or the current one; the better roster. */
function integerMaster(
  highs: Highs,
  model: CompiledRoster,
  current: RosterLines,
  lp: RestrictedMaster,
  dived: RosterLines | null,
  limits: PriceAndBranchLimits,
  seconds: number,
): RosterLines | null {
  const master = buildLineMaster(model, lp.pool, true);
  const currentValid = model.agents.every((agent, a) => agentLineViolations(model, agent, current[a]).length === 0);
  const first =
    dived && (!currentValid || searchCost(model, dived) < searchCost(model, current))
      ? dived
      : currentValid
        ? current
        : null;
  const start = first ? master.startFor(first) : undefined;
  const outcome = solveLinearProgram(highs, master.lp, {
    timeLimitSeconds: seconds,
    relativeGap: 1e-6,
    maxNodes: limits.deterministic ? MASTER_NODES : undefined,
    start,
    shouldStop: limits.shouldStop,
  });
  const integer = outcome.values ? master.decode(outcome.values) : null;
  return (
    [integer, dived]
      .filter((l): l is RosterLines => l !== null)
      .sort((x, y) => searchCost(model, x) - searchCost(model, y))[0] ?? null
  );
}
