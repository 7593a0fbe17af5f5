import { jest } from '@jest/globals';
import { solveRoster, type RosterProblem } from '.';
import { EARLY, LATE, NIGHT, agent, cover, problem } from './small-rosters.fixture';

/**
 * A machine under load, made exact: every clock the solver and HiGHS read (Date.now and
 * performance.now, which the WebAssembly build uses for its time limits) runs `factor` times fast,
 * so each step looks `factor` times slower, with no real load and no timing in the test.
 */
async function onSlowMachine<T>(factor: number, run: () => Promise<T>): Promise<T> {
  const realDate = Date.now.bind(Date);
  const realPerformance = performance.now.bind(performance);
  const dateStart = realDate();
  const performanceStart = realPerformance();
  const date = jest.spyOn(Date, 'now').mockImplementation(() => dateStart + (realDate() - dateStart) * factor);
  const perf = jest
    .spyOn(performance, 'now')
    .mockImplementation(() => performanceStart + (realPerformance() - performanceStart) * factor);
  try {
    return await run();
  } finally {
    date.mockRestore();
    perf.mockRestore();
  }
}

/** Two weeks, three shift types, twelve agents with runs, rest, minimums and wishes: enough for every phase to have choices. */
function fortnight(): RosterProblem {
  const agents = Array.from({ length: 12 }, (_, k) =>
    agent(
      `a${k}`,
      {
        fixedDaysOff: [(k * 5) % 14],
        requests: [
          { day: (k * 3) % 14, kind: 'off', weight: 1 + (k % 3) },
          { day: (k * 7 + 2) % 14, kind: 'on', shiftTypeId: k % 2 ? 'L' : 'E', weight: 2 },
        ],
      },
      {
        minMinutes: 6 * 480,
        maxMinutes: 10 * 480,
        maxConsecutiveWorkDays: 5,
        minConsecutiveWorkDays: 2,
        minConsecutiveDaysOff: 2,
        maxWeekends: 1,
        maxShiftsByType: { N: 3 },
      },
    ),
  );
  const demand = (base: number) => Array.from({ length: 14 }, (_, d) => base + ((d * 7) % 3) - (d % 7 >= 5 ? 1 : 0));
  return problem(
    14,
    [EARLY, LATE, NIGHT],
    agents,
    [...cover(14, 'E', demand(3), 50, 2), ...cover(14, 'L', demand(2), 50, 2), ...cover(14, 'N', demand(1), 50, 2)],
    {
      rules: { minRestMinutes: 11 * 60 },
    },
  );
}

describe('solveRoster with an iteration limit', () => {
  it('gives the same roster for a seed on a loaded machine as on a quiet one: the clock only ever cuts a run short', async () => {
    const options = { timeLimitMs: 1e9, seed: 11, maxIterations: 8 };
    const quiet = await solveRoster(fortnight(), options);
    const loaded = await onSlowMachine(5000, () => solveRoster(fortnight(), options));
    expect(quiet.violations).toEqual([]);
    expect(loaded.stoppedBy).toBe(quiet.stoppedBy);
    expect(loaded.objective).toEqual(quiet.objective);
    expect(loaded.assignments).toEqual(quiet.assignments);
    expect(loaded.lowerBound).toEqual(quiet.lowerBound);
  });
});
