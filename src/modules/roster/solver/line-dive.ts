import type { Highs } from 'highs';
import type { CompiledRoster, RosterLines } from './compiled-roster';
import { generateColumns } from './column-generation';
import { LinePool, buildLineMaster } from './line-master';
import { solveLinearProgram } from './linear-program';

export interface DiveLimits {
  /** Pricing rounds after each fixing step. */
  roundsPerStep: number;
  shouldStop: () => boolean;
  secondsLeft: () => number;
}

/** A line at least this strong in the LP is fixed together with the strongest one. */
const FIX_AT = 0.9;
/** Steps a dive takes at most (a tenth of the agents, or more, is fixed each step). */
const STEPS = 10;
const LP_FLOOR_SECONDS = 10;

/**
 * Column-generation dive, the usual primal heuristic of branch-and-price: repeatedly fix the
 * agents whose LP line is (nearly) integral, re-price the others against what is now fixed,
 * until every agent has one line. New lines also go to `pool`, for the integer master after.
 */
export function diveForRoster(highs: Highs, model: CompiledRoster, pool: LinePool, limits: DiveLimits): RosterLines | null {
  const fixed = new Map<number, Int32Array>();
  while (fixed.size < model.agents.length) {
    // Out of time: stop pricing, keep fixing step by step over the lines already found.
    const hurry = limits.shouldStop();
    const view = new LinePool(model);
    model.agents.forEach((_, a) => {
      const line = fixed.get(a);
      if (line) view.add(a, line);
      else for (const candidate of pool.lines[a]) view.add(a, candidate);
    });
    const frozen = new Set(fixed.keys());
    if (!hurry) generateColumns(highs, model, view, { ...limits, maxRounds: limits.roundsPerStep, frozen });
    view.lines.forEach((lines, a) => {
      if (!frozen.has(a)) for (const line of lines) pool.add(a, line);
    });
    const master = buildLineMaster(model, view, false);
    // A dive cut off by an LP time limit yields nothing, so the LP gets a floor (it is fast anyway).
    const outcome = solveLinearProgram(highs, master.lp, { timeLimitSeconds: Math.max(LP_FLOOR_SECONDS, limits.secondsLeft()), relax: true });
    if (!outcome.values) return null;
    const values = outcome.values;
    // Each agent's strongest line; fix those at FIX_AT or more, and at least the top tenth.
    const strongest: { agent: number; line: number; value: number }[] = [];
    master.columnOf.forEach((columns, agent) => {
      if (frozen.has(agent)) return;
      let line = 0;
      columns.forEach((column, k) => {
        if (values[column] > values[columns[line]]) line = k;
      });
      strongest.push({ agent, line, value: values[columns[line]] });
    });
    strongest.sort((x, y) => y.value - x.value || x.agent - y.agent);
    const count = Math.max(Math.ceil(strongest.length / STEPS), strongest.filter((s) => s.value >= FIX_AT).length);
    const picks = strongest.slice(0, count);
    for (const { agent, line } of picks) fixed.set(agent, view.lines[agent][line]);
  }
  return model.agents.map((_, a) => fixed.get(a)!);
}
