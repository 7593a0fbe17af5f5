import { dayChoice, OFF, type CompiledRoster } from './compiled-roster';
import { cheapestLine, type LineCosts, type PricedLine, type PricingLimits } from './line-pricing';
import { requestCosts } from './marginal-costs';
import type { RestrictedMaster } from './restricted-master';
import { requestPenalty } from './roster-objective';

export interface ColumnGenerationOutcome {
  /** Proven lower bound of the objective (the best Lagrangian bound of the rounds). */
  bound: number | null;
  lpValue: number | null;
  rounds: number;
  converged: boolean;
  /** Cover duals with the best Lagrangian value: the stability centre to carry into the next call. */
  centre: Float64Array | null;
}

export interface ColumnGenerationLimits {
  maxRounds: number;
  shouldStop: () => boolean;
  secondsLeft: () => number;
  /** Cover duals to start the stability centre from (another LP's, or an earlier call's). */
  centre?: Float64Array | null;
  /** A label budget for pricing (a beam: quicker lines, no bound), or more caps priced exactly (dearer rounds, an exact bound). */
  pricing?: PricingLimits;
  /**
   * Next-cheapest lines each exact pricing adds besides the cheapest (0 when absent). Column
   * generation alone converges in fewer rounds with them; a solve's share got worse rosters.
   */
  alternatives?: number;
}

/** Weight of the stability centre when smoothing the duals (Wentges). */
const SMOOTHING = 0.5;
/** Close enough: the LP value is within this fraction of the Lagrangian bound. */
const CONVERGED_GAP = 1e-4;

interface Pricing {
  lines: (PricedLine | null)[];
  /** Lagrangian value Σ dual·required + Σ cheapest reduced cost: a lower bound of the objective. */
  lagrangian: number;
  /** Every line is the cheapest (so no line found means none exists). */
  exact: boolean;
  /** The stop came during the round: agents after it were not priced, and the round proves nothing. */
  aborted: boolean;
}

/**
 * Dantzig–Wolfe column generation: solve the master LP over pooled lines, price each agent's
 * cheapest line under cover duals, add the lines with negative reduced cost, repeat. Duals are
 * smoothed towards the best Lagrangian point so far, which damps the oscillation that made
 * plain column generation need hundreds of rounds on large rosters. Fixed agents are not priced.
 */
export function generateColumns(
  model: CompiledRoster,
  master: RestrictedMaster,
  limits: ColumnGenerationLimits,
): ColumnGenerationOutcome {
  const base = model.agents.map((agent) => requestCosts(model, agent));
  const fixedPart = (duals: Float64Array) =>
    model.agents.reduce(
      (sum, _, a) => (master.isFixed(a) ? sum + lineCostAt(model, master.fixedLine(a)!, a, duals) : sum),
      0,
    );
  const profile = pricingProfiles(model);
  const priceAt = (duals: Float64Array): Pricing => {
    let lagrangian = model.coverRows.reduce((sum, row, r) => sum + duals[r] * row.required, 0) + fixedPart(duals);
    let exact = true;
    // Agents with the same rules, days and requests have the same cheapest line: price it once.
    const byProfile = new Map<number, PricedLine | null>();
    // One budget for the round: once a pricing saw the stop, the agents after it are not priced.
    const budget = {
      ...limits.pricing,
      shouldStop: limits.shouldStop,
      aborted: false,
      alternatives: limits.alternatives,
    };
    const lines = model.agents.map((agent, a) => {
      if (master.isFixed(a) || budget.aborted) return null;
      // An agent with day rules (a dive's) is priced on its own, its ruled-out choices at Infinity.
      const rules = master.dayRulesOf(a);
      if (!rules && !byProfile.has(profile[a]))
        byProfile.set(profile[a], cheapestLine(model, agent, dualCosts(model, base[a], duals), budget));
      const priced = rules
        ? cheapestLine(model, agent, withDayRules(model, dualCosts(model, base[a], duals), rules), budget)
        : byProfile.get(profile[a])!;
      if (priced) {
        exact &&= priced.exact;
        lagrangian += priced.lowerCost;
      } else {
        // The caps' penalty rounds gave up: no bound this round, and "nothing found" proves nothing.
        exact = false;
        lagrangian = Number.NEGATIVE_INFINITY;
      }
      return priced;
    });
    return { lines, lagrangian, exact, aborted: budget.aborted };
  };
  let centre = limits.centre ?? null;
  let centreValue = centre ? priceAt(centre).lagrangian : Number.NEGATIVE_INFINITY;
  let bound: number | null = null;
  let lpValue: number | null = null;
  let rounds = 0;
  // With agents fixed or ruled, the LP and its Lagrangian bound only the rosters that keep to them.
  const anyFixed = master.restricted || model.agents.some((_, a) => master.isFixed(a));
  while (rounds < limits.maxRounds && !limits.shouldStop()) {
    rounds++;
    const solved = master.solve(Math.max(1, limits.secondsLeft()));
    if (!solved) break;
    lpValue = solved.objective;
    const lpDuals = solved.duals.subarray(master.coverRowOffset);
    const addNegative = (pricing: Pricing) =>
      pricing.lines.reduce((added, priced, a) => {
        if (!priced) return added;
        for (const line of [priced.line, ...(priced.others ?? [])]) {
          const reduced = lineCostAt(model, line, a, lpDuals) - solved.duals[a];
          if (reduced < -1e-6 && master.add(a, line)) added++;
        }
        return added;
      }, 0);
    const smoothed = centre
      ? centre.map((c, r) => SMOOTHING * c + (1 - SMOOTHING) * lpDuals[r])
      : Float64Array.from(lpDuals);
    let pricing = priceAt(smoothed);
    let at = smoothed;
    let added = addNegative(pricing);
    // Mispricing: the smoothed duals found nothing the LP wants, so price at the LP's own duals.
    if (added === 0 && centre && !pricing.aborted) {
      at = Float64Array.from(lpDuals);
      pricing = priceAt(at);
      added = addNegative(pricing);
    }
    if (pricing.aborted) break;
    if (pricing.lagrangian > centreValue) {
      centre = at;
      centreValue = pricing.lagrangian;
    }
    if (!anyFixed && Number.isFinite(pricing.lagrangian))
      bound = Math.max(bound ?? Number.NEGATIVE_INFINITY, pricing.lagrangian);
    if (added === 0)
      return { bound: pricing.exact && !anyFixed ? lpValue : bound, lpValue, rounds, converged: true, centre };
    if (bound !== null && lpValue - bound <= CONVERGED_GAP * Math.max(1, Math.abs(lpValue)))
      return { bound, lpValue, rounds, converged: true, centre };
  }
  return { bound, lpValue, rounds, converged: false, centre };
}

/** Per-cell costs of an agent under cover duals: its own request costs minus the duals its cells earn. */
function dualCosts(model: CompiledRoster, base: LineCosts, duals: ArrayLike<number>): LineCosts {
  const cell = Float64Array.from(base.cell);
  for (let i = 0; i < cell.length; i++) {
    if (!Number.isFinite(cell[i])) continue;
    for (const r of model.cellRows[i]) cell[i] -= duals[r];
  }
  return { cell, off: base.off };
}

/** The costs with day rules applied: a choice the rules leave out costs Infinity (cells changed in place: `dualCosts` made them fresh). */
function withDayRules(model: CompiledRoster, costs: LineCosts, rules: ReadonlyMap<number, Uint8Array>): LineCosts {
  const nDuties = model.duties.length;
  const off = Float64Array.from(costs.off);
  for (const [day, allowed] of rules) {
    if (!allowed[dayChoice(model, OFF)]) off[day] = Number.POSITIVE_INFINITY;
    for (let j = 0; j < nDuties; j++) if (!allowed[j]) costs.cell[day * nDuties + j] = Number.POSITIVE_INFINITY;
  }
  return { cell: costs.cell, off };
}

/** The line's cost minus the cover duals it earns (its reduced cost before the agent's own dual). */
function lineCostAt(model: CompiledRoster, line: Int32Array, agent: number, duals: ArrayLike<number>): number {
  let cost = requestPenalty(model, model.agents[agent], line);
  const nDuties = model.duties.length;
  line.forEach((duty, d) => {
    if (duty !== OFF) for (const r of model.cellRows[d * nDuties + duty]) cost -= duals[r];
  });
  return cost;
}

const profiles = new WeakMap<CompiledRoster, Int32Array>();

/** Per agent, the index of its pricing profile: agents priced alike (same rules, allowed cells, locks, requests) share one. */
export function pricingProfiles(model: CompiledRoster): Int32Array {
  const known = profiles.get(model);
  if (known) return known;
  const ids = new Map<string, number>();
  const profile = Int32Array.from(model.agents, (agent) => {
    const { id: _id, supervisor: _supervisor, allowed, lockedType, ...rules } = agent;
    const key = `${JSON.stringify(rules)}|${Buffer.from(allowed).toString('base64')}|${lockedType.join(',')}`;
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key)!;
  });
  profiles.set(model, profile);
  return profile;
}
