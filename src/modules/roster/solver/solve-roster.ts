import { aggregateCoverBound, type AggregateCoverBound } from './aggregate-bound';
import { agentLineViolations, shiftsWithoutSupervisor } from './agent-rules';
import { copyLines, type CompiledRoster, type RosterLines } from './compiled-roster';
import { compileRoster } from './compile-roster';
import { startCoverBoundThread, type CoverBoundThread } from './cover-bound-thread';
import { betterSolution, secondSearchWanted, startSecondSearch } from './second-search';
import { evaluateLines } from './evaluate-roster';
import { constructRoster, constructionPace, type ConstructionLimits } from './greedy-construction';
import { cheapestLine } from './line-pricing';
import { roundedBound } from './integer-cover-bound';
import { highsRuntime } from './linear-program';
import { marginalCosts } from './marginal-costs';
import { linesToAssignments } from './roster-assignments';
import { demandInfeasibilities, easeImpossibleAgents, handoverInfeasibilities } from './roster-infeasibility';
import type { RosterProblem } from './roster-model';
import type { RosterRuleViolation, RosterSolution, SolveOptions } from './roster-result';
import { searchRoster } from './roster-search-plan';

const REPAIR_LABELS = 2_000;
/**
 * Timed solves of rosters this large (agents × days × duties) also get the integer cover bound on a
 * thread of its own: on the demo shop's week (60 agents, 100,800 cells) the LP is 4,688.8, the integer
 * bound about 4,820 after seconds. The search still solves the aggregate LP when less time is left
 * and the thread has nothing yet (a loaded machine may start it late). Smaller rosters are priced whole.
 */
const COVER_THREAD_CELLS = 40_000;
/** Shorter solves keep the inline LP: the thread's start and root LP take seconds of the machine's CPU. */
const COVER_THREAD_MIN_MS = 10_000;
/** Left after the first roster, the thread has time to prove at least the LP's bound (it did at load 15–25). */
const THREAD_TRUSTED_SECONDS = 20;
/** After its own search, a solve waits at most this long for the second search's roster (which ends a second earlier). */
const SECOND_GRACE_MS = 200;

/** Repeatable runs never use it: a bound read at a moment of the clock would depend on the load. */
function coverBoundThread(model: CompiledRoster, options: SolveOptions, started: number): CoverBoundThread | null {
  const wanted =
    options.coverBoundThread ?? model.agents.length * model.days * model.duties.length > COVER_THREAD_CELLS;
  if (!wanted || options.maxIterations !== undefined || model.coverRows.length === 0) return null;
  if (options.coverBoundThread === undefined && options.timeLimitMs < COVER_THREAD_MIN_MS) return null;
  const now = options.now ?? Date.now;
  return startCoverBoundThread(model, Math.max(0.05, (started + options.timeLimitMs - now()) / 1000));
}

/** A solve with these options may start a helper thread: the cover-bound thread or a second search. */
export function helperThreadWanted(options: Pick<SolveOptions, 'timeLimitMs' | 'maxIterations'>): boolean {
  return (
    options.maxIterations === undefined && (options.timeLimitMs >= COVER_THREAD_MIN_MS || secondSearchWanted(options))
  );
}

function maxBound(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

/**
 * Any agent whose line breaks its rules (the search was stopped before reaching it) gets the
 * cheapest valid line against everyone else's: so even a tiny time limit returns a valid roster.
 */
function repairLines(model: CompiledRoster, lines: RosterLines): RosterLines {
  const repaired = copyLines(lines);
  model.agents.forEach((agent, a) => {
    if (agentLineViolations(model, agent, repaired[a]).length === 0) return;
    // A beam first (quick), the exact programme only when the beam found nothing.
    const costs = marginalCosts(model, repaired, a);
    const best = cheapestLine(model, agent, costs, { maxLabels: REPAIR_LABELS }) ?? cheapestLine(model, agent, costs);
    if (best) repaired[a] = best.line;
  });
  return repaired;
}

function unsupervised(model: CompiledRoster, lines: RosterLines): RosterRuleViolation[] {
  return shiftsWithoutSupervisor(model, lines).map(({ day, type }) => ({
    rule: 'supervisor-on-shift',
    agentIds: model.agents
      .filter((_, a) => lines[a][day] >= 0 && model.duties[lines[a][day]].type === type)
      .map((x) => x.id),
    days: [day],
    detail: `no supervisor could be placed on ${model.typeIds[type]} (the agents on it cannot be moved without breaking their own rules)`,
  }));
}

/**
 * The construction hurries (smallest label budget) once a fifth of the time is gone or a stop is
 * asked for, and keeps a pace (`constructionPace`: hurried, then guessing, as its projected end
 * nears the limit); repeatable runs (an iteration limit) never look at the clock.
 */
function constructionLimits(
  now: () => number,
  started: number,
  deadline: number,
  options: SolveOptions,
): ConstructionLimits {
  const timed = options.maxIterations === undefined;
  const hurryAt = started + (deadline - started) * 0.2;
  return {
    shouldStop: () =>
      options.signal?.aborted === true || options.stopRequested?.() === true || (timed && now() > hurryAt),
    pace: timed ? constructionPace(now, started, deadline) : undefined,
  };
}

/** Anytime roster search: deterministic for a seed and iteration limit; never returns a rule broken silently. */
export async function solveRoster(problem: RosterProblem, options: SolveOptions): Promise<RosterSolution> {
  const now = options.now ?? Date.now;
  const started = now();
  const highs = await highsRuntime();
  const original = compileRoster(problem);
  const deadline = started + Math.max(1, options.timeLimitMs);
  const thread = coverBoundThread(original, options, started);
  const stoppedFromOutside = () => options.signal?.aborted === true || options.stopRequested?.() === true;
  const second =
    !thread && !stoppedFromOutside() && secondSearchWanted(options)
      ? startSecondSearch(problem, options, deadline)
      : null;
  // The first roster before anything else: it is also what proves most agents' rules can be kept.
  const first = constructRoster(original, constructionLimits(now, started, deadline, options));
  const { model, infeasibilities } = easeImpossibleAgents(problem, original, first.lines);
  infeasibilities.push(...demandInfeasibilities(problem, original), ...handoverInfeasibilities(problem));
  const cover: { found: AggregateCoverBound | null } = { found: null };
  const outcome = searchRoster(highs, model, {
    startedAt: started,
    now,
    // A second of LP gives a bound the column generation may take minutes to reach (at most a quarter of
    // the time, at most 10 s: under load a 200-agent week's LP takes 5 s; in repeatable runs only the
    // deadline limits it, so the bound never depends on load).
    // With the thread's bound in, or 20 s left for it, the LP adds nothing; with less it is the bound if the thread is late.
    aggregateBound: (seconds, shouldStop) =>
      thread && !thread.failed() && (thread.best() !== null || seconds >= THREAD_TRUSTED_SECONDS)
        ? null
        : (cover.found = aggregateCoverBound(
            highs,
            model,
            options.maxIterations !== undefined
              ? seconds
              : Math.min(10, seconds, Math.max(0.05, options.timeLimitMs / 4000)),
            shouldStop,
          )),
    deadline,
    initial: first.lines,
    maxIterations: options.maxIterations,
    seed: options.seed ?? 1,
    signal: options.signal,
    stopRequested: second ? () => options.stopRequested?.() === true || second.proven() : options.stopRequested,
    // The thread's bound as it rises (the cover terms alone are a bound too).
    onProgress: options.onProgress
      ? (p) =>
          options.onProgress?.({
            phase: p.phase,
            seconds: p.seconds,
            objective: p.objective,
            lowerBound: maxBound(p.lowerBound, thread?.best() ?? null),
          })
      : undefined,
  });
  const threadBound = thread?.best() ?? null;
  thread?.stop();
  const lines = repairLines(model, outcome.lines);
  infeasibilities.push(...unsupervised(model, lines));
  const evaluation = evaluateLines(problem, original, lines);
  const total = evaluation.objective.total;
  // With a rule eased (infeasibilities) the bound is of the eased problem and may exceed the total.
  // Every term is non-negative, so 0 is a bound too (column generation far from converged gives less).
  // The thread's bound is of the original model: with a rule eased it is capped by the total below.
  const bounds = [
    outcome.lowerBound,
    cover.found?.bound ?? null,
    threadBound === null ? null : threadBound + (outcome.requestBound ?? 0),
  ].filter((b): b is number => b !== null);
  // Every term is whole on whole weights and demand: the bound rounds up to the next whole number.
  const found = bounds.length ? Math.max(0, roundedBound(original, Math.max(0, ...bounds))) : null;
  const lowerBound = found === null ? null : infeasibilities.length > 0 ? Math.min(found, total) : found;
  const solution: RosterSolution = {
    ...evaluation,
    assignments: linesToAssignments(original, lines, problem.horizon),
    lowerBound,
    gap: lowerBound === null ? null : Math.max(0, total - lowerBound) / Math.max(1, total),
    stoppedBy: outcome.stoppedBy,
    seconds: (now() - started) / 1000,
    firstRosterSeconds: outcome.firstRosterSeconds,
    infeasibilities,
  };
  if (!second) return solution;
  // A solve stopped from outside does not wait for the second search; otherwise it waits at most SECOND_GRACE_MS.
  if (stoppedFromOutside()) {
    second.stop();
    return solution;
  }
  const kept = betterSolution(solution, await second.result(SECOND_GRACE_MS));
  return { ...kept, seconds: (now() - started) / 1000 };
}
