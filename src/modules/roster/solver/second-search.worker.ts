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
  // Before the message: a solve that has the message may stop this thread at once, so a flag set
  // after it could be lost (a clean-clone run saw it so). The first search, stopping on the flag,
  // waits for the message that follows.
  if (solution.stoppedBy === 'optimal') Atomics.store(new Int32Array(request.proven), 0, 1);
  parentPort?.postMessage(solution);
});
