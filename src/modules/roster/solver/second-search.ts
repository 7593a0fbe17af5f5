import { sourceWorker } from 'src/platform/threads/source-worker';
import type { RosterProblem } from './roster-model';
import type { RosterSolution, SolveOptions } from './roster-result';

/**
 * A second search of the same roster with another seed, on a thread of its own, during a timed
 * solve; the solve keeps the better of the two rosters. Runs of the same code differ by seed far
 * more than most changes do (a 12-week look-alike ended between 391 and 937 over six runs), and
 * the search itself runs on one core: the second core of the machine otherwise idles, except on
 * rosters large enough for the cover-bound thread, which keep that thread instead.
 */
export interface SecondSearchRequest {
  problem: RosterProblem;
  /** Epoch milliseconds (the real clock) by which the second search ends, a little before the first. */
  deadline: number;
  seed: number;
  /** One Int32 the second search sets to 1 once it has proven its roster optimal (the first then stops). */
  proven: SharedArrayBuffer;
}

export interface SecondSearch {
  /** The second search has proven its roster optimal: the first has nothing left to find. */
  proven(): boolean;
  /** Its roster, or null when it failed or did not answer within `graceMs` of now. */
  result(graceMs: number): Promise<RosterSolution | null>;
  stop(): void;
}

/** Shorter solves keep one search: the thread's start takes about a second of the machine's CPU. */
const SECOND_SEARCH_MIN_MS = 10_000;
/**
 * The second search ends this long before the first, so that its roster is there when the first
 * ends: the solve then waits only moments for it, and a job's time after the solve stays its own.
 */
const LEAD_MS = 1_000;
/** The second search's seed, apart from the first's. */
const SEED_OFFSET = 7_919;

/** Timed solves on the real clock only: repeatable runs and injected clocks keep one search. */
export function secondSearchWanted(options: SolveOptions): boolean {
  if (options.maxIterations !== undefined || options.now !== undefined) return false;
  return options.secondSearch ?? options.timeLimitMs >= SECOND_SEARCH_MIN_MS;
}

export function startSecondSearch(problem: RosterProblem, options: SolveOptions, deadline: number): SecondSearch {
  const proven = new Int32Array(new SharedArrayBuffer(4));
  const request: SecondSearchRequest = {
    problem,
    deadline: deadline - LEAD_MS,
    seed: (options.seed ?? 1) + SEED_OFFSET,
    proven: proven.buffer as SharedArrayBuffer,
  };
  const worker = sourceWorker(__dirname, 'second-search', request);
  worker.unref();
  const answer = new Promise<RosterSolution | null>((resolve) => {
    worker.once('message', (solution: RosterSolution) => resolve(solution));
    worker.once('error', (e: Error) => {
      process.emitWarning(`roster second search failed: ${e.message}`);
      resolve(null);
    });
    worker.once('exit', () => resolve(null));
  });
  return {
    proven: () => Atomics.load(proven, 0) === 1,
    async result(graceMs: number): Promise<RosterSolution | null> {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), graceMs)));
      const solution = await Promise.race([answer, late]);
      clearTimeout(timer);
      void worker.terminate();
      return solution;
    },
    stop(): void {
      void worker.terminate();
    },
  };
}

/**
 * The better of two solutions of the same problem: fewer broken rules, then the lower objective
 * (the first on a tie). The bound is the stronger of the two, capped by the total kept.
 */
export function betterSolution(first: RosterSolution, second: RosterSolution | null): RosterSolution {
  if (!second) return first;
  const secondBetter =
    second.violations.length < first.violations.length ||
    (second.violations.length === first.violations.length && second.objective.total < first.objective.total - 1e-9);
  const kept = secondBetter ? second : first;
  const bounds = [first.lowerBound, second.lowerBound].filter((b): b is number => b !== null);
  const lowerBound = bounds.length === 0 ? null : Math.min(kept.objective.total, Math.max(...bounds));
  const total = kept.objective.total;
  // The first search stops once the second has proven its roster optimal: the roster kept is optimal then.
  const optimal = first.stoppedBy === 'optimal' || second.stoppedBy === 'optimal';
  return {
    ...kept,
    lowerBound,
    gap: lowerBound === null ? null : Math.max(0, total - lowerBound) / Math.max(1, total),
    stoppedBy: optimal ? 'optimal' : first.stoppedBy,
    seconds: first.seconds,
    firstRosterSeconds: first.firstRosterSeconds,
  };
}
