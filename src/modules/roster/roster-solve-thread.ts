import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SolveRequest } from './roster-solve.worker';
import type { RosterSolution, SolveProgress } from './solver';

/** Beyond its own time limit a solve gets this long to hand its roster back before the thread is stopped. */
const GRACE_MS = 60_000;

type Message =
  | { kind: 'progress'; progress: SolveProgress }
  | { kind: 'solved'; solution: RosterSolution }
  | { kind: 'failed'; message: string };

/**
 * Runs `solveRoster` on a worker thread so the process keeps answering while it searches.
 * Built code starts the compiled worker; from TypeScript sources (tests, development) the worker
 * loads through tsx, which is fine for the solver: it is pure TypeScript without decorators.
 */
export function solveOnThread(request: SolveRequest, onProgress: (p: SolveProgress) => void): Promise<RosterSolution> {
  const compiled = __filename.endsWith('.js');
  const file = join(__dirname, `roster-solve.worker.${compiled ? 'js' : 'ts'}`);
  const worker = compiled
    ? new Worker(file, { workerData: request })
    : new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true, workerData: request });
  return new Promise<RosterSolution>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
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
