import { sourceWorker } from 'src/platform/threads/source-worker';
import type { CompiledRoster } from './compiled-roster';

/**
 * The integer cover bound (`integerCoverBound`) next to the search, on a thread of its own: its
 * branch-and-bound takes seconds the search would otherwise lose, and a second thread also gets
 * its own share of a busy machine. It writes every bound it proves into shared memory; the solve
 * reads the last one when its search ends and stops the thread, so it never waits for it.
 */
export interface CoverBoundRequest {
  model: CompiledRoster;
  seconds: number;
  shared: SharedArrayBuffer;
}

export interface CoverBoundThread {
  /** The best bound proven so far (null: none yet). */
  best(): number | null;
  /** Resolves when the thread has finished (its bound is final) or failed. */
  finished: Promise<void>;
  /** The thread failed (its bound will not come): the solve falls back to the aggregate LP. */
  failed(): boolean;
  stop(): void;
}

/** Bound bits (Atomics need integers), the stop flag. */
const BOUND = 0;
const STOP = 2;

/** The shared cells as both threads read and write them. */
export function coverBoundCells(shared: SharedArrayBuffer) {
  const words = new BigInt64Array(shared, 0, 1);
  const flags = new Int32Array(shared, 8, 4);
  const bits = new BigInt64Array(1);
  const value = new Float64Array(bits.buffer);
  return {
    read(): number | null {
      bits[0] = Atomics.load(words, BOUND);
      return Number.isNaN(value[0]) ? null : value[0];
    },
    write(bound: number): void {
      value[0] = bound;
      Atomics.store(words, BOUND, bits[0]);
    },
    stopped: (): boolean => Atomics.load(flags, STOP) === 1,
    stop(): void {
      Atomics.store(flags, STOP, 1);
    },
  };
}

export function startCoverBoundThread(model: CompiledRoster, seconds: number): CoverBoundThread {
  const shared = new SharedArrayBuffer(8 + 16);
  const cells = coverBoundCells(shared);
  cells.write(Number.NaN);
  const request: CoverBoundRequest = { model, seconds, shared };
  const worker = sourceWorker(__dirname, 'cover-bound', request);
  worker.unref();
  let failure: Error | undefined;
  const finished = new Promise<void>((resolve) => {
    worker.once('exit', () => resolve());
    worker.once('error', (e: Error) => {
      failure = e;
      process.emitWarning(`roster cover bound thread failed: ${e.message}`);
      resolve();
    });
  });
  return {
    best: () => cells.read(),
    failed: () => failure !== undefined,
    finished,
    stop(): void {
      cells.stop();
      void worker.terminate();
    },
  };
}
