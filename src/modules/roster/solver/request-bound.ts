import type { CompiledRoster } from './compiled-roster';
import { pricingProfiles } from './column-generation';
import { cheapestLine, type PricingBudget } from './line-pricing';
import { requestCosts } from './marginal-costs';

/**
 * A lower bound on the request term: each agent's cheapest valid line priced by its own requests
 * alone (the pricing programme, exact), summed. Cover, fairness and the supervisor rule are
 * never negative, so the objective is at least this plus the cover terms' own bound (the aggregate
 * cover LP): on rosters whose cover can be met in aggregate (that LP 0) it is what bounds the
 * wishes every agent's rules force it to break. Agents priced alike (same rules, days, requests)
 * are priced once. Null when stopped before every agent was priced.
 */
export function requestBound(model: CompiledRoster, shouldStop: () => boolean): number | null {
  const profile = pricingProfiles(model);
  const byProfile = new Map<number, number>();
  let total = 0;
  for (let a = 0; a < model.agents.length; a++) {
    const agent = model.agents[a];
    if (agent.requests.length === 0) continue;
    if (!byProfile.has(profile[a])) {
      const budget: PricingBudget = { shouldStop };
      const priced = cheapestLine(model, agent, requestCosts(model, agent), budget);
      if (budget.aborted) return null;
      // No valid line at all (the rules were eased elsewhere), or a bound not known: 0 is still a bound.
      byProfile.set(profile[a], priced && Number.isFinite(priced.lowerCost) ? Math.max(0, priced.lowerCost) : 0);
    }
    total += byProfile.get(profile[a])!;
  }
  return total;
}
