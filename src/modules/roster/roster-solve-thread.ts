import type { Worker } from 'node:worker_threads';
import { sourceWorker } from 'src/platform/threads/source-worker';
import type { SolveRequest } from './roster-solve.worker';
import { helperThreadWanted, type RosterSolution, type SolveProgress } from './solver';
import { solverThreads, type SolverThreadBudget } from './solver-thread-budget';

/** Beyond its own time limit a solve gets this long to hand its roster back before the thread is stopped. */
const GRACE_MS = 60_000;

type Message =
  | { kind: 'progress'; progress: SolveProgress }
  | { kind: 'solved'; solution: RosterSolution }
  | { kind: 'failed'; message: string };

/**
 * Runs `solveRoster` on a worker thread (`sourceWorker`) so the process keeps answering while it
 * searches; with a helper thread only when `threads` has a core free for it.
 */
export function solveOnThread(
  request: Omit<SolveRequest, 'helperThread'>,
  onProgress: (p: SolveProgress) => void,
  threads: SolverThreadBudget = solverThreads,
): Promise<RosterSolution> {
  const taken = threads.take(
    helperThreadWanted({ timeLimitMs: request.timeLimitMs, maxIterations: request.maxIterations }),
  );
  let worker: Worker;
  try {
    worker = sourceWorker(__dirname, 'roster-solve', { ...request, helperThread: taken.helper });
  } catch (e) {
    taken.release();
    throw e;
  }
  return new Promise<RosterSolution>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      taken.release();
      clearTimeout(guard);
      outcome();
      void worker.terminate();
    };
    const guard = setTimeout(
      () => finish(() => reject(new Error(`the solver did not answer within ${request.timeLimitMs + GRACE_MS} ms`))),
      request.timeLimitMs + GRACE_MS,
    );
    worker.on('message', (m: Message) => {
      if (m.kind === 'progress') onProgress(m.progress);
      else if (m.kind === 'solved') finish(() => resolve(m.solution));
      else finish(() => reject(new Error(`the solver failed: ${m.message}`)));
    });
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the solver thread exited (${code}) without a roster`))));
  });
}
