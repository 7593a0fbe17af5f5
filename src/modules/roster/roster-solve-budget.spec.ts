import { afterSolveReserveMs, budgetShare, solveBudget, solverLimitMs } from './roster-solve-budget';

/** The budget on a clock the test sets: nothing here reads the machine's time or depends on its load. */
describe('the time limit as a promise about the whole job', () => {
  it('gives the solver what is left of the limit after set-up, less what storing the roster needs', () => {
    // 60 agents × 7 days asked at t = 0 with 10 s; the job starts 850 ms later (problem built, queued).
    const budget = solveBudget(0, 10_000, 850, 420);
    expect(budget.reserveMs).toBe(afterSolveReserveMs(420, 10_000));
    expect(budget.reserveMs).toBe(1_020);
    expect(budget).toMatchObject({ requestedAt: 0, endsAt: 10_000, solveBy: 8_980 });
    // The worker thread is running at 1.4 s: starting it was spent, the solver gets the rest.
    expect(solverLimitMs(budget.solveBy, 1_400)).toBe(7_580);
    // Set-up + search + reserve is the limit, whatever the set-up took.
    for (const setUp of [0, 700, 3_000, 6_000])
      expect(setUp + solverLimitMs(budget.solveBy, setUp) + budget.reserveMs).toBe(10_000);
  });

  it('keeps more for storing a larger roster, never more than half the limit', () => {
    expect(afterSolveReserveMs(200 * 7, 30_000)).toBe(2_000);
    expect(afterSolveReserveMs(200 * 7, 1_000)).toBe(500);
    expect(solveBudget(0, 1_000, 10, 1_400)).toMatchObject({ solveBy: 500, endsAt: 1_000 });
  });

  it('still searches a quarter of the limit when the job waited behind others (the promise was spent in the queue)', () => {
    const budget = solveBudget(0, 10_000, 30_000, 420);
    expect(budget.solveBy).toBe(32_500);
    expect(budget.endsAt).toBe(33_520);
    // A solver started after its deadline still returns its first valid roster (a limit of 1 ms).
    expect(solverLimitMs(budget.solveBy, 40_000)).toBe(1);
  });

  it('moves the progress with the wall clock up to the solver deadline', () => {
    expect([0, 2_500, 5_000, 9_000].map((now) => budgetShare(0, 5_000, now))).toEqual([0, 0.5, 1, 1]);
    expect(budgetShare(5_000, 5_000, 5_000)).toBe(1);
  });
});
