import { checkNrpRoster, gridOfShifts } from '../bench/nrp-check';
import { nrpToRosterProblem, type NrpInstance } from '../bench/nrp-format';
import { generateNrp } from '../bench/nrp-generator';
import { compileRoster, solveRoster, type RosterAssignment } from 'src/modules/roster/solver';
import { ConstructionPace, constructRoster } from 'src/modules/roster/solver/greedy-construction';
import { linesToAssignments } from 'src/modules/roster/solver/roster-assignments';
import { aggregateCoverBound } from 'src/modules/roster/solver/aggregate-bound';
import { highsRuntime } from 'src/modules/roster/solver/linear-program';

/**
 * The time limit is a promise at any load and size (issue 18): the construction keeps a pace and
 * the search stops by the clock. The clock here is a fake that moves a fixed step each time it is
 * read, so time is the solver's own work, never the machine's load: a slow step is a slow machine.
 * Rosters are judged by the benchmark's independent checker, not by the solver.
 */
function workClock(step: number): () => number {
  let t = 1_000_000;
  return () => (t += step);
}

function violations(instance: NrpInstance, assignments: readonly RosterAssignment[]): string[] {
  const { grid, doubled } = gridOfShifts(instance, assignments);
  return [...doubled, ...checkNrpRoster(instance, grid).violations];
}

// 12 weeks × 30 staff: three rolling windows of four weeks, 90 placements.
const instance = generateNrp({ days: 84, staff: 30, shiftTypes: 5, seed: 18 });
const problem = nrpToRosterProblem(instance);

describe('construction pace', () => {
  it('keeps the sized beam for every agent while its projected end is within its share', () => {
    const clock = workClock(0);
    const pace = new ConstructionPace(clock, clock() + 30, clock() + 60);
    const model = compileRoster(problem);
    const built = constructRoster(model, { shouldStop: () => false, pace });
    expect(pace.mode).toBe('full');
    // Every agent in each of the three windows (and the few re-planned at a seam) on the sized beam.
    expect(pace.placements).toMatchObject({ hurried: 0, guess: 0 });
    expect(pace.placements.full).toBeGreaterThanOrEqual(90);
    expect(built.withoutLine).toEqual([]);
    expect(violations(instance, linesToAssignments(model, built.lines, problem.horizon))).toEqual([]);
  });

  it('hurries, then guesses, when each placement is slow, and every line still keeps every hard rule', () => {
    // One unit of time per placement, 90 to make: the projected end (90) passes both the hurry (30) and the guess (60) marks.
    const clock = workClock(1);
    const start = clock();
    const pace = new ConstructionPace(clock, start + 30, start + 60);
    const model = compileRoster(problem);
    const built = constructRoster(model, { shouldStop: () => false, pace });
    expect(pace.mode).toBe('guess');
    expect(pace.placements.full).toBe(1);
    expect(pace.placements.hurried).toBe(16);
    expect(pace.placements.guess).toBeGreaterThanOrEqual(73);
    // Guesses are what makes guessing cheap (here 12 of the 79 guessing placements, the rest the narrow beam).
    expect(pace.guessesTaken).toBeGreaterThan(0);
    expect(built.withoutLine).toEqual([]);
    expect(violations(instance, linesToAssignments(model, built.lines, problem.horizon))).toEqual([]);
  });
});

describe('solveRoster by a clock that counts work', () => {
  it.each([
    ['a fast machine (every clock read 5 ms)', 5, 2_000],
    ['a slow machine (every clock read 20 ms)', 20, 2_000],
    ['a very slow machine on a 10 s limit (every clock read 50 ms)', 50, 10_000],
  ])('returns a valid roster within the limit on %s', async (_, step, limit) => {
    const solution = await solveRoster(problem, { timeLimitMs: limit, seed: 1, now: workClock(step) });
    expect(solution.infeasibilities).toEqual([]);
    expect(violations(instance, solution.assignments)).toEqual([]);
    expect(solution.firstRosterSeconds).not.toBeNull();
    expect(solution.firstRosterSeconds!).toBeLessThanOrEqual(limit / 1000);
    // Past the deadline only the step that saw it and the final check run: a handful of clock reads.
    // Every budget inside the solve reads this clock too, so the count is the same on any machine.
    expect(solution.seconds).toBeLessThanOrEqual(limit / 1000 + (20 * step) / 1000);
  });
});

describe('the aggregate cover LP by a clock that counts work', () => {
  // A year of 60 agents and 12 shift types: the model alone is millions of steps, the LP thousands of iterations.
  const year = compileRoster(nrpToRosterProblem(generateNrp({ days: 364, staff: 60, shiftTypes: 12, seed: 24 })));

  /** A deadline `after` clock reads away; counts the reads. */
  function deadlineAfter(after: number): { shouldStop: () => boolean; reads: () => number } {
    let reads = 0;
    return { shouldStop: () => ++reads > after, reads: () => reads };
  }

  it('reads the clock while building the model and while solving it, and gives the bound when never stopped', async () => {
    const highs = await highsRuntime();
    const free = deadlineAfter(Number.POSITIVE_INFINITY);
    const found = aggregateCoverBound(highs, year, 600, free.shouldStop);
    expect(found).not.toBeNull();
    // One read a day in each of the build's three loops, and more in the LP's iterations.
    expect(free.reads()).toBeGreaterThan(3 * 364);
  });

  // In the cells' loop, the days' availability, the capacity rows, and the LP's iterations.
  it.each([0, 100, 364 + 100, 2 * 364 + 100, 3 * 364 + 20])(
    'stops at the first read past a deadline %i reads away, building or solving, with no bound',
    async (after) => {
      const highs = await highsRuntime();
      const clock = deadlineAfter(after);
      expect(aggregateCoverBound(highs, year, 600, clock.shouldStop)).toBeNull();
      expect(clock.reads()).toBe(after + 1);
    },
  );
});
