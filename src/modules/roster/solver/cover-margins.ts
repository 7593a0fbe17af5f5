import type { CompiledRoster } from './compiled-roster';
import type { LineCosts } from './line-pricing';
import { requestCosts } from './marginal-costs';

/** The agent's request costs plus, per cell, what one more agent on each of its cover rows costs or saves. */
export function coverMargins(model: CompiledRoster, counts: Float64Array, a: number): LineCosts {
  const costs = requestCosts(model, model.agents[a]);
  const rowPrice = model.coverRows.map((row, r) => (counts[r] < row.required ? -row.underWeight : row.overWeight));
  for (let i = 0; i < costs.cell.length; i++) {
    if (!Number.isFinite(costs.cell[i])) continue;
    for (const r of model.cellRows[i]) costs.cell[i] += rowPrice[r];
  }
  return costs;
}
