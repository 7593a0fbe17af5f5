import type { StartColumn } from './design-model';
import { resolveWeights } from './design-evaluation';
import type { ShiftDesignInput } from './shift-design.types';

/** Weight per agent-minute standing in for "forbidden" when shortage is a hard constraint. */
const FORBIDDEN_SHORTAGE_WEIGHT = 1e6;

/**
 * A design as counts per start column, with coverage and per-shift usage kept up to date so a
 * move (one agent more or less on one start column) is priced in O(shift length).
 */
export class DesignState {
  readonly counts: number[];
  readonly coverage: number[];
  private readonly agentsOnShift: number[];
  private readonly excessCost: number;
  private readonly shortageCost: number;
  private readonly shiftCost: number;

  constructor(
    private readonly input: ShiftDesignInput,
    readonly starts: readonly StartColumn[],
    candidateCount: number,
  ) {
    const weights = resolveWeights(input);
    const minutes = input.horizon.slotMinutes;
    this.excessCost = weights.excessPerMinute * minutes;
    const shortageWeight = (input.shortageAllowed ?? true) ? weights.shortagePerMinute : FORBIDDEN_SHORTAGE_WEIGHT;
    this.shortageCost = shortageWeight * minutes;
    this.shiftCost = weights.perDistinctShift;
    this.counts = new Array<number>(starts.length).fill(0);
    this.coverage = new Array<number>(input.requiredAgents.length).fill(0);
    this.agentsOnShift = new Array<number>(candidateCount).fill(0);
  }

  /** Objective (with the hard-shortage stand-in) of the current counts. */
  total(): number {
    let cost = 0;
    this.coverage.forEach((onDuty, slot) => (cost += this.deviationCost(onDuty, this.input.requiredAgents[slot])));
    return cost + this.shiftCost * this.agentsOnShift.filter((a) => a > 0).length;
  }

  /** Change in objective if `step` (±1) agents are added to start column `k`. */
  delta(k: number, step: 1 | -1): number {
    const start = this.starts[k];
    if (step < 0 && this.counts[k] === 0) return Infinity;
    let change = 0;
    for (const slot of start.slots) {
      const required = this.input.requiredAgents[slot];
      change +=
        this.deviationCost(this.coverage[slot] + step, required) - this.deviationCost(this.coverage[slot], required);
    }
    const onShift = this.agentsOnShift[start.candidate];
    if (step > 0 && onShift === 0) change += this.shiftCost;
    if (step < 0 && onShift === 1) change -= this.shiftCost;
    return change;
  }

  apply(k: number, step: number): void {
    const start = this.starts[k];
    this.counts[k] += step;
    this.agentsOnShift[start.candidate] += step;
    for (const slot of start.slots) this.coverage[slot] += step;
  }

  isUsed(candidate: number): boolean {
    return this.agentsOnShift[candidate] > 0;
  }

  usedCandidates(): number[] {
    return this.agentsOnShift.flatMap((agents, candidate) => (agents > 0 ? [candidate] : []));
  }

  agentsOn(candidate: number): number {
    return this.agentsOnShift[candidate];
  }

  private deviationCost(onDuty: number, required: number): number {
    return onDuty >= required ? (onDuty - required) * this.excessCost : (required - onDuty) * this.shortageCost;
  }
}

/**
 * Steepest descent over single-agent moves (add or remove one agent on one start column), among
 * the columns `allowed` accepts. Ties go to the lowest column index, so the result is deterministic.
 */
export function descend(state: DesignState, allowed: (k: number) => boolean, deadline: number): void {
  for (;;) {
    let best = -1e-9;
    let bestK = -1;
    let bestStep: 1 | -1 = 1;
    for (let k = 0; k < state.starts.length; k++) {
      if (!allowed(k)) continue;
      for (const step of [1, -1] as const) {
        const change = state.delta(k, step);
        if (change < best) {
          best = change;
          bestK = k;
          bestStep = step;
        }
      }
    }
    if (bestK < 0 || Date.now() > deadline) return;
    state.apply(bestK, bestStep);
  }
}

/**
 * Shift elimination: take every agent off one used shift and let descent re-cover with the
 * shifts still in use; keep the result when the objective drops. Shifts with fewest agents go
 * first; `order` breaks ties (seeded) so repeated calls explore different neighbourhoods.
 */
export function eliminateShifts(
  state: DesignState,
  deadline: number,
  order: (candidates: number[]) => number[],
): boolean {
  let improved = false;
  let progress = true;
  while (progress && Date.now() < deadline) {
    progress = false;
    const used = order(state.usedCandidates()).sort((a, b) => state.agentsOn(a) - state.agentsOn(b));
    for (const dropped of used) {
      if (Date.now() > deadline) break;
      const before = state.total();
      const saved = [...state.counts];
      state.starts.forEach((start, k) => {
        if (start.candidate === dropped && state.counts[k] > 0) state.apply(k, -state.counts[k]);
      });
      descend(state, (k) => state.isUsed(state.starts[k].candidate), deadline);
      if (state.total() < before - 1e-9) {
        improved = progress = true;
        break;
      }
      saved.forEach((count, k) => state.apply(k, count - state.counts[k]));
    }
  }
  return improved;
}
