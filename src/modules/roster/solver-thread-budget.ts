import { availableParallelism } from 'node:os';
import type { SolveOptions } from './solver';

/**
 * The cores this process's roster solves keep busy. Each solve searches on a thread of its own and a
 * timed one may start a helper thread beside it (the cover-bound thread on large rosters, else a
 * second search). A solve gets its helper only while a core is left for it: the job runner runs up
 * to JOB_CONCURRENCY (default 4) generations at once, which would otherwise keep eight threads busy
 * on a two-core machine, every search then getting a quarter of a core instead of a half.
 * Solves in other processes (BullMQ workers elsewhere) are not seen.
 */
export class SolverThreadBudget {
  private busy = 0;

  constructor(private readonly cores: number) {}

  /**
   * A solve's threads: its search's, and a helper's when it wants one (`helperThreadWanted`) and a
   * core is free for it; `release` once it has ended.
   */
  take(wanted = true): { helper: boolean; release: () => void } {
    const helper = wanted && this.busy + 2 <= this.cores;
    const threads = helper ? 2 : 1;
    this.busy += threads;
    let released = false;
    return {
      helper,
      release: () => {
        if (released) return;
        released = true;
        this.busy -= threads;
      },
    };
  }

  busyThreads(): number {
    return this.busy;
  }
}

/** What a solve without a helper thread is told: neither a second search nor the cover-bound thread. */
export function helperThreadOptions(helper: boolean): Pick<SolveOptions, 'secondSearch' | 'coverBoundThread'> {
  return helper ? {} : { secondSearch: false, coverBoundThread: false };
}

/** This process's budget. */
export const solverThreads = new SolverThreadBudget(availableParallelism());
