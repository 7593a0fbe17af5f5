import { agentLineViolations } from './agent-rules';
import { OFF, copyLines, type CompiledRoster, type RosterLines } from './compiled-roster';
import { cheapestLine, type LineCosts } from './line-pricing';
import { coverMargins } from './cover-margins';
import { marginalCosts } from './marginal-costs';
import { labelBudget } from './greedy-construction';
import { coverCounts } from './roster-objective';
import { sampleIndices } from 'src/platform/random/seeded-random';

export interface BestResponseLimits {
  shouldStop: () => boolean;
  /** Checked between agents only: an agent begun is priced to the end (unless `shouldStop`). */
  pauseBefore?: () => boolean;
  /** A label budget (a beam) for large models; exact pricing without it. */
  maxLabels?: number;
}

export interface BestResponses {
  lines: RosterLines;
  /** Agents whose line changed. */
  changed: number[];
  /** Cover and request cost saved (fairness terms aside), ≥ 0. */
  gain: number;
  /** Agents of `order` re-planned before a stop or pause. */
  visited: number;
}

/**
 * Each agent in `order`, one after the other, re-planned alone against everyone else's current
 * line: its cheapest valid line under the exact marginal cover and request costs (the pricing
 * programme), taken when it costs less than its present line. A local optimum for single agents
 * in one pass of milliseconds per agent; cover counts are kept up to date as lines change.
 */
export function bestResponses(
  model: CompiledRoster,
  start: RosterLines,
  order: readonly number[],
  limits: BestResponseLimits,
): BestResponses {
  const lines = copyLines(start);
  const counts = coverCounts(model, lines);
  const nDuties = model.duties.length;
  const changed: number[] = [];
  let gain = 0;
  let visited = 0;
  const count = (line: Int32Array, by: number) => {
    for (let d = 0; d < line.length; d++) {
      if (line[d] === OFF) continue;
      for (const r of model.cellRows[d * nDuties + line[d]]) counts[r] += by;
    }
  };
  for (const a of order) {
    if (limits.shouldStop() || limits.pauseBefore?.()) break;
    const agent = model.agents[a];
    count(lines[a], -1);
    // The supervisor rule's margins need the others' lines by day and type: the general form then.
    const costs = model.supervisorRule ? marginalCosts(model, lines, a) : coverMargins(model, counts, a);
    const priced = cheapestLine(model, agent, costs, {
      shouldStop: limits.shouldStop,
      ...(limits.maxLabels === undefined ? {} : { maxLabels: limits.maxLabels }),
    });
    const now = lineCost(model, costs, lines[a]);
    if (priced && priced.cost < now - 1e-9 && agentLineViolations(model, agent, priced.line).length === 0) {
      gain += now - priced.cost;
      lines[a] = priced.line;
      changed.push(a);
    }
    count(lines[a], 1);
    visited++;
  }
  return { lines, changed, gain, visited };
}

/** Spread of the random cost added to each cell when kicked agents are re-planned. */
const KICK_NOISE = 20;

/**
 * A kick and a descent (iterated local search): `count` random agents take their cheapest line
 * under noisy marginal costs (a beam), then every agent in random order re-plans alone against the
 * others. The caller keeps the roster only when it costs no more than before.
 */
export function kickAndDescend(
  model: CompiledRoster,
  start: RosterLines,
  random: () => number,
  limits: BestResponseLimits & { count: number },
): RosterLines {
  const lines = copyLines(start);
  for (const a of sampleIndices(model.agents.length, limits.count, random)) {
    const costs = marginalCosts(model, lines, a);
    for (let i = 0; i < costs.cell.length; i++)
      if (Number.isFinite(costs.cell[i])) costs.cell[i] += KICK_NOISE * (random() - 0.5);
    const priced = cheapestLine(model, model.agents[a], costs, { maxLabels: labelBudget(model) });
    if (priced) lines[a] = priced.line;
  }
  const order = sampleIndices(model.agents.length, model.agents.length, random);
  return bestResponses(model, lines, order, limits).lines;
}

function lineCost(model: CompiledRoster, costs: LineCosts, line: Int32Array): number {
  let total = 0;
  for (let d = 0; d < line.length; d++)
    total += line[d] === OFF ? costs.off[d] : costs.cell[d * model.duties.length + line[d]];
  return total;
}
