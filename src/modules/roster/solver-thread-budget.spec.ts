import { solveOnThread } from './roster-solve-thread';
import { evaluateRoster, helperThreadWanted } from './solver';
import { unevenWeek } from './solver/small-rosters.fixture';
import { helperThreadOptions, SolverThreadBudget } from './solver-thread-budget';

describe('SolverThreadBudget', () => {
  it('gives a solve a helper thread only while a core is left for it', () => {
    const threads = new SolverThreadBudget(2);
    const first = threads.take();
    expect(first.helper).toBe(true);
    expect(threads.busyThreads()).toBe(2);
    const second = threads.take();
    expect(second.helper).toBe(false);
    expect(threads.busyThreads()).toBe(3);
    first.release();
    expect(threads.busyThreads()).toBe(1);
    // One search still runs: a helper now would make three busy threads on two cores.
    const third = threads.take();
    expect(third.helper).toBe(false);
    second.release();
    third.release();
    expect(threads.busyThreads()).toBe(0);
    expect(threads.take().helper).toBe(true);
  });

  it('counts a release once, however often it is called', () => {
    const threads = new SolverThreadBudget(4);
    const taken = threads.take();
    taken.release();
    taken.release();
    expect(threads.busyThreads()).toBe(0);
  });

  it('keeps no core for a solve that wants no helper (short or repeatable solves)', () => {
    const threads = new SolverThreadBudget(2);
    const short = threads.take(false);
    expect(short.helper).toBe(false);
    expect(threads.busyThreads()).toBe(1);
    short.release();
    expect(threads.take().helper).toBe(true);
  });

  it('never gives a helper on one core', () => {
    const threads = new SolverThreadBudget(1);
    expect(threads.take().helper).toBe(false);
    expect(new SolverThreadBudget(1).take().helper).toBe(false);
  });

  it('turns both helpers off for a solve without one, and leaves the solver its defaults otherwise', () => {
    expect(helperThreadOptions(false)).toEqual({ secondSearch: false, coverBoundThread: false });
    expect(helperThreadOptions(true)).toEqual({});
  });
});

describe('helperThreadWanted', () => {
  it('wants a helper for timed solves of 10 s or more only, never for repeatable ones', () => {
    expect(helperThreadWanted({ timeLimitMs: 60_000 })).toBe(true);
    expect(helperThreadWanted({ timeLimitMs: 10_000 })).toBe(true);
    expect(helperThreadWanted({ timeLimitMs: 9_999 })).toBe(false);
    expect(helperThreadWanted({ timeLimitMs: 60_000, maxIterations: 5 })).toBe(false);
  });
});

describe('solveOnThread', () => {
  it('holds its thread while it solves (a repeatable solve keeps no core for a helper) and gives it back with the roster', async () => {
    const threads = new SolverThreadBudget(2);
    const week = unevenWeek();
    const solving = solveOnThread(
      { problem: week, timeLimitMs: 60_000, solveBy: Date.now() + 60_000, seed: 1, maxIterations: 5 },
      () => undefined,
      threads,
    );
    expect(threads.busyThreads()).toBe(1);
    const solution = await solving;
    expect(threads.busyThreads()).toBe(0);
    expect(solution.violations).toEqual([]);
    expect(evaluateRoster(week, solution.assignments).objective.total).toBeCloseTo(solution.objective.total, 6);
  }, 90_000);
});
