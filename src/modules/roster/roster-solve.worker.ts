import { parentPort, workerData } from 'node:worker_threads';
import { solverLimitMs } from './roster-solve-budget';
import { helperThreadOptions } from './solver-thread-budget';
import { solveRoster } from './solver';
import type { RosterProblem } from './solver';

/**
 * The solver on its own thread: its search is synchronous and may run for minutes, which would
 * otherwise hold the API's event loop. Progress and the result go back as messages.
 */
export type SolveRequest = {
  problem: RosterProblem;
  /** The whole budget (the thread is stopped well after it if it never answers). */
  timeLimitMs: number;
  /** Epoch ms by which the solver hands its roster back: loading this thread is already spent. */
  solveBy: number;
  /** Repeatable runs: the solver's iteration limit. */
  maxIterations?: number;
  seed: number;
  /** One Int32 the parent sets to 1 to stop the search (read with Atomics: this thread's event loop is busy). */
  stop?: SharedArrayBuffer;
  /** A core is free for a helper thread (`SolverThreadBudget`); without one the solve starts none. */
  helperThread: boolean;
};

const request = workerData as SolveRequest;
const stop = request.stop ? new Int32Array(request.stop) : null;
solveRoster(request.problem, {
  timeLimitMs: solverLimitMs(request.solveBy, Date.now()),
  seed: request.seed,
  ...helperThreadOptions(request.helperThread),
  ...(request.maxIterations !== undefined ? { maxIterations: request.maxIterations } : {}),
  stopRequested: stop ? () => Atomics.load(stop, 0) === 1 : undefined,
  onProgress: (progress) => parentPort!.postMessage({ kind: 'progress', progress }),
}).then(
  (solution) => parentPort!.postMessage({ kind: 'solved', solution }),
  (e: unknown) => parentPort!.postMessage({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
);
