import { parentPort, workerData } from 'node:worker_threads';
import { solveRoster } from './solver';
import type { RosterProblem } from './solver';

/**
 * The solver on its own thread: its search is synchronous and may run for minutes, which would
 * otherwise hold the API's event loop. Progress and the result go back as messages.
 */
export type SolveRequest = { problem: RosterProblem; timeLimitMs: number; seed: number };

const request = workerData as SolveRequest;
solveRoster(request.problem, {
  timeLimitMs: request.timeLimitMs,
  seed: request.seed,
  onProgress: (progress) => parentPort!.postMessage({ kind: 'progress', progress }),
}).then(
  (solution) => parentPort!.postMessage({ kind: 'solved', solution }),
  (e: unknown) => parentPort!.postMessage({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
);
