import {
  enumerateCandidateShifts,
  ShiftDesignInputError,
  validateShiftDesignInput,
  type CandidateShift,
} from './candidate-shifts';
import { evaluateDesign } from './design-evaluation';
import { DesignState, descend, eliminateShifts } from './design-local-search';
import {
  buildDesignModel,
  demandJumps,
  designFromStarts,
  linearProgramOf,
  mipStartFor,
  startColumns,
  type StartColumn,
} from './design-model';
import { highsRuntime, solveLinearProgram, type LinearSolveOptions } from 'src/modules/roster/solver/linear-program';
import { seededRandom, shuffled } from 'src/platform/random/seeded-random';
import type {
  DesignedShift,
  ShiftDesignEvaluation,
  ShiftDesignInput,
  ShiftDesignOptions,
  ShiftDesignProgress,
  ShiftDesignResult,
  ShiftDesignStop,
} from './shift-design.types';

interface Incumbent extends ShiftDesignEvaluation {
  shifts: DesignedShift[];
}

/**
 * Minimum shift design, anytime: LP relaxation (bound and rounding seed) → rounding + local search
 * → exact-cover MIP when the demand allows zero deviation → full MIP warm-started with the best
 * design, until optimal, out of time or aborted. The best design found is always returned.
 * When the full MIP would be too big, both MIPs run on the shifts the LP and the heuristic use
 * (their result is then not proven optimal and their bound is not used).
 * HiGHS blocks the thread while it runs: call this from a worker thread in a server.
 */
export async function designShifts(
  input: ShiftDesignInput,
  options: ShiftDesignOptions = {},
): Promise<ShiftDesignResult> {
  validateShiftDesignInput(input);
  const began = Date.now();
  const deadline = began + (options.timeLimitSeconds ?? 10) * 1000;
  const secondsLeft = () => (deadline - Date.now()) / 1000;
  const stopRequested = () => options.signal?.aborted === true || Date.now() >= deadline;
  const highs = await highsRuntime();
  const candidates = enumerateCandidateShifts(input.shiftTypes);
  const starts = startColumns(input, candidates);
  const model = buildDesignModel(input, candidates, starts);

  requireCoverableDemand(input, starts);

  let best: Incumbent = { shifts: [], ...evaluateDesign(input, []) };
  let bestAt = Date.now();
  let lowerBound = 0;
  let stoppedBy: ShiftDesignStop = 'heuristic-only';
  const report = (phase: ShiftDesignProgress['phase']) =>
    options.onProgress?.({ phase, seconds: (Date.now() - began) / 1000, objective: best.objective.total, lowerBound });
  const offer = (shifts: DesignedShift[]): boolean => {
    const evaluation = evaluateDesign(input, shifts);
    const better = !isFeasible(input, best) || evaluation.objective.total < best.objective.total;
    if (!isFeasible(input, evaluation) || !better) return false;
    best = { shifts, ...evaluation };
    bestAt = Date.now();
    return true;
  };

  const relaxation = solveLinearProgram(highs, linearProgramOf(model.model), {
    timeLimitSeconds: secondsLeft() * 0.2,
    relax: true,
  });
  lowerBound = Math.max(0, relaxation.bound ?? 0);
  const state = new DesignState(input, starts, candidates.length);
  relaxation.values
    ?.slice(0, starts.length)
    .forEach((value, k) => state.apply(k, Math.min(starts[k].upper, Math.round(value))));
  improveByLocalSearch(state, Date.now() + secondsLeft() * 150, options.seed ?? 1);
  offer(designFromStarts(input, candidates, starts, state.counts));
  report('construct');

  const cap = options.maxMipColumns ?? 12_000;
  const complete = model.model.columns.length <= cap;
  const mipStarts = complete ? starts : restrictedStarts(input, starts, relaxation.values, state, cap);
  const mipModel = complete ? model : buildDesignModel(input, candidates, mipStarts);
  const mipOptions = (share: number): LinearSolveOptions => ({
    timeLimitSeconds: Math.max(0.05, secondsLeft() * share),
    relativeGap: options.mipRelativeGap ?? 0,
    seed: options.seed,
    shouldStop: () => options.signal?.aborted === true,
    onIncumbent: (_objective, values) => {
      if (offer(designFromStarts(input, candidates, mipStarts, values))) report('mip');
    },
  });
  if (!stopRequested() && exactCoverIsPlausible(input, candidates)) {
    const exact = buildDesignModel(input, candidates, mipStarts, { exactCover: true });
    solveLinearProgram(highs, linearProgramOf(exact.model), mipOptions(0.5));
    report('improve');
  }
  if (!stopRequested()) {
    const start = mipStartFor(input, mipModel, candidates, best.shifts, best.coverage);
    const outcome = solveLinearProgram(highs, linearProgramOf(mipModel.model), {
      ...mipOptions(1),
      start: start ?? undefined,
    });
    if (complete) lowerBound = Math.max(lowerBound, outcome.bound ?? 0);
    if (outcome.status === 'limit') stoppedBy = options.signal?.aborted ? 'aborted' : 'time-limit';
    else if (outcome.status === 'optimal' && complete) stoppedBy = 'optimal';
  } else {
    stoppedBy = options.signal?.aborted ? 'aborted' : 'time-limit';
  }
  if (stoppedBy === 'optimal') lowerBound = best.objective.total;
  lowerBound = Math.min(lowerBound, best.objective.total);
  report('done');
  const total = best.objective.total;
  return {
    ...best,
    lowerBound,
    gap: total > 0 ? (total - lowerBound) / total : 0,
    stoppedBy,
    seconds: (Date.now() - began) / 1000,
    secondsToBest: (bestAt - began) / 1000,
  };
}

/**
 * The columns of a MIP that must stay under `cap`: shifts the incumbent uses first, then shifts by
 * how many agents the LP puts on them.
 */
function restrictedStarts(
  input: ShiftDesignInput,
  starts: readonly StartColumn[],
  lpValues: Float64Array | null,
  state: DesignState,
  cap: number,
): StartColumn[] {
  const weight = new Map<number, number>();
  starts.forEach((start, k) => {
    const lp = lpValues?.[k] ?? 0;
    const used = state.isUsed(start.candidate) ? Infinity : 0;
    weight.set(start.candidate, Math.max(used, (weight.get(start.candidate) ?? 0) + lp));
  });
  const columnsOf = new Map<number, number>();
  for (const start of starts) columnsOf.set(start.candidate, (columnsOf.get(start.candidate) ?? 0) + 1);
  const ranked = [...weight.entries()].filter(([, w]) => w > 1e-6).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const kept = new Set<number>();
  let columns = 2 * input.requiredAgents.length;
  for (const [candidate] of ranked) {
    const needed = (columnsOf.get(candidate) ?? 0) + 1;
    if (columns + needed > cap && kept.size > 0) break;
    kept.add(candidate);
    columns += needed;
  }
  return starts.filter((start) => kept.has(start.candidate));
}

/** With shortage forbidden, every slot that needs agents must be worked by some shift. */
function requireCoverableDemand(input: ShiftDesignInput, starts: readonly StartColumn[]): void {
  if (input.shortageAllowed ?? true) return;
  const worked = new Set(starts.flatMap((start) => start.slots));
  const uncovered = input.requiredAgents.findIndex((required, slot) => required > 0 && !worked.has(slot));
  if (uncovered >= 0) {
    throw new ShiftDesignInputError(
      `slot ${uncovered} needs agents but no shift type works it; full cover is impossible`,
    );
  }
}

function isFeasible(input: ShiftDesignInput, evaluation: ShiftDesignEvaluation): boolean {
  return (input.shortageAllowed ?? true) || evaluation.shortageMinutes === 0;
}

function improveByLocalSearch(state: DesignState, deadline: number, seed: number): void {
  const random = seededRandom(seed);
  descend(state, () => true, deadline);
  while (Date.now() < deadline && eliminateShifts(state, deadline, (c) => shuffled(c, random))) {
    descend(state, () => true, deadline);
  }
}

/** Zero deviation needs a shift starting at every rise of demand and one ending at every drop. */
function exactCoverIsPlausible(input: ShiftDesignInput, candidates: readonly CandidateShift[]): boolean {
  if (input.requiredAgents.some((r) => !Number.isInteger(r))) return false;
  const perDay = input.horizon.slotsPerDay;
  const startsAt = new Set(candidates.map((c) => c.start));
  const endsAt = new Set(candidates.map((c) => (c.start + c.length) % perDay));
  return demandJumps(input).every((jump) => (jump.rising ? startsAt : endsAt).has(jump.slot % perDay));
}
