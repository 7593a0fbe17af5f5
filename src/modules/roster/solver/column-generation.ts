import type { Highs } from 'highs';
import type { CompiledRoster } from './compiled-roster';
import { cheapestLine } from './line-pricing';
import { buildLineMaster, type LinePool } from './line-master';
import { solveLinearProgram } from './linear-program';
import { requestCosts } from './marginal-costs';

export interface ColumnGenerationOutcome {
  /** Proven lower bound of the objective (Lagrangian bound of the last exactly priced round). */
  bound: number | null;
  lpValue: number | null;
  rounds: number;
  converged: boolean;
}

/**
 * Dantzig–Wolfe column generation: solve the master LP over pooled lines, price each agent's
 * cheapest line under the cover duals, add the lines with negative reduced cost, repeat.
 */
export function generateColumns(
  highs: Highs,
  model: CompiledRoster,
  pool: LinePool,
  /** `frozen` agents keep the lines they have (a dive has fixed them): they are not priced. */
  limits: { maxRounds: number; shouldStop: () => boolean; secondsLeft: () => number; frozen?: ReadonlySet<number> },
): ColumnGenerationOutcome {
  const base = model.agents.map((agent) => requestCosts(model, agent));
  let bound: number | null = null;
  let lpValue: number | null = null;
  let rounds = 0;
  while (rounds < limits.maxRounds && !limits.shouldStop()) {
    rounds++;
    const master = buildLineMaster(model, pool, false);
    const outcome = solveLinearProgram(highs, master.lp, { timeLimitSeconds: Math.max(1, limits.secondsLeft()) });
    if (!outcome.duals || outcome.objective === null) break;
    lpValue = outcome.objective;
    const cover = outcome.duals.subarray(master.coverRowOffset);
    let added = 0;
    let lagrangian = lpValue;
    let exact = true;
    model.agents.forEach((agent, a) => {
      if (limits.frozen?.has(a)) return;
      const costs = { cell: Float64Array.from(base[a].cell), off: base[a].off };
      for (let i = 0; i < costs.cell.length; i++) {
        if (!Number.isFinite(costs.cell[i])) continue;
        for (const r of model.cellRows[i]) costs.cell[i] -= cover[r];
      }
      const priced = cheapestLine(model, agent, costs);
      if (!priced) return;
      exact &&= priced.exact;
      const reduced = priced.cost - outcome.duals![a];
      lagrangian += Math.min(0, reduced);
      if (reduced < -1e-6 && pool.add(a, priced.line)) added++;
    });
    if (exact) bound = Math.max(bound ?? -Infinity, lagrangian);
    if (added === 0) return { bound: exact ? lpValue : bound, lpValue, rounds, converged: true };
  }
  return { bound, lpValue, rounds, converged: false };
}
