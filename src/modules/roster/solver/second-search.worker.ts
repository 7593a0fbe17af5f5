import { parentPort, workerData } from 'node:worker_threads';
import type { SecondSearchRequest } from './second-search';
import { solveRoster } from './solve-roster';

/** The second search on a thread of its own: the same solve with its own seed, one search, no cover-bound thread. */
const request = workerData as SecondSearchRequest;
void solveRoster(request.problem, {
  timeLimitMs: Math.max(1, request.deadline - Date.now()),
  seed: request.seed,
  secondSearch: false,
  coverBoundThread: false,
}).then((solution) => {
  parentPort?.postMessage(solution);
  // After the message, so that the first search, stopping on the flag, finds the roster waiting.
  if (solution.stoppedBy === 'optimal') Atomics.store(new Int32Array(request.proven), 0, 1);
});
