import { parentPort, workerData } from 'node:worker_threads';
import { solveRoster } from './solver';
import type { RosterProblem } from './solver';

/**
 * The solver on its own thread: its search is synchronous and may run for minutes, which would
 * otherwise hold the API's event loop. Progress and the result go back as messages.
 */
export type SolveRequest = {
  problem: RosterProblem;
  timeLimitMs: number;
  seed: number;
  /** One Int32 the parent sets to 1 to stop the search (read with Atomics: this thread's event loop is busy). */
  stop?: SharedArrayBuffer;
};

const request = workerData as SolveRequest;
const stop = request.stop ? new Int32Array(request.stop) : null;
solveRoster(request.problem, {
  timeLimitMs: request.timeLimitMs,
  seed: request.seed,
  stopRequested: stop ? () => Atomics.load(stop, 0) === 1 : undefined,
  onProgress: (progress) => parentPort!.postMessage({ kind: 'progress', progress }),
}).then(
  (solution) => parentPort!.postMessage({ kind: 'solved', solution }),
  (e: unknown) => parentPort!.postMessage({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
);
