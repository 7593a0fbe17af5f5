import { aggregateCoverBound } from './aggregate-bound';
import { generateColumns, pricingProfiles } from './column-generation';
import { OFF } from './compiled-roster';
import { compileRoster } from './compile-roster';
import { highsRuntime } from './linear-program';
import { RestrictedMaster } from './restricted-master';
import { solveRoster } from '.';
import { EARLY, EXACT, LATE, NIGHT, agent, cover, problem } from './small-rosters.fixture';

/** A week, three shift types with uneven cover, agents with runs, rest and minimum contracts. */
const week = problem(
  7,
  [EARLY, LATE, NIGHT],
  Array.from({ length: 6 }, (_, k) =>
    agent(`a${k}`, k === 0 ? { requests: [{ day: 2, kind: 'off', weight: 4 }] } : {}, {
      minMinutes: 3 * 480,
      maxMinutes: 5 * 480,
      maxConsecutiveWorkDays: 4,
      minConsecutiveDaysOff: 2,
    }),
  ),
  [...cover(7, 'E', [2, 2, 2, 2, 2, 1, 1], 20), ...cover(7, 'L', [1, 2, 1, 2, 1, 1, 0], 20), ...cover(7, 'N', 1, 20)],
  { rules: { minRestMinutes: 11 * 60 } },
);

async function converge(centre?: Float64Array | null) {
  const model = compileRoster(week);
  const master = new RestrictedMaster(await highsRuntime(), model);
  try {
    model.agents.forEach((_, a) => master.add(a, new Int32Array(model.days).fill(OFF)));
    return generateColumns(model, master, { maxRounds: 500, shouldStop: () => false, secondsLeft: () => 30, centre });
  } finally {
    master.dispose();
  }
}

describe('generateColumns', () => {
  it('converges to the same master LP optimum from any stability centre', async () => {
    const model = compileRoster(week);
    const plain = await converge();
    const guess = aggregateCoverBound(await highsRuntime(), model, 5)!;
    const guided = await converge(guess.coverDuals);
    const zero = await converge(new Float64Array(model.coverRows.length));
    for (const run of [plain, guided, zero]) {
      expect(run.converged).toBe(true);
      expect(run.lpValue).toBeCloseTo(plain.lpValue!, 6);
      expect(run.bound!).toBeLessThanOrEqual(run.lpValue! + 1e-6);
      expect(run.centre).toHaveLength(model.coverRows.length);
    }
    // The master (agents' own rules kept) is at least as strong as the aggregate relaxation.
    expect(plain.lpValue!).toBeGreaterThanOrEqual(guess.bound - 1e-6);
  });

  it('bounds the objective of the optimal roster from below (here tightly)', async () => {
    const { bound } = await converge();
    const solved = await solveRoster(week, EXACT);
    expect(solved.infeasibilities).toEqual([]);
    expect(bound!).toBeLessThanOrEqual(solved.objective.total + 1e-6);
    // This week's master LP has no integrality gap: the bound is the optimum itself.
    expect(solved.stoppedBy).toBe('optimal');
    expect(bound!).toBeCloseTo(solved.objective.total, 4);
  });
});

describe('pricingProfiles', () => {
  it('groups agents priced alike, and tells apart any rule, day or request that differs', () => {
    const p = problem(
      7,
      [EARLY, LATE],
      [
        agent('a', {}, { maxMinutes: 2400 }),
        agent('b', { supervisor: true }, { maxMinutes: 2400 }),
        agent('c', {}, { maxMinutes: 1920 }),
        agent('d', { fixedDaysOff: [2] }, { maxMinutes: 2400 }),
        agent('e', { requests: [{ day: 1, kind: 'off', weight: 3 }] }, { maxMinutes: 2400 }),
        agent('f', {}, { maxMinutes: 2400 }),
      ],
      cover(7, 'E', 1),
    );
    const profile = Array.from(pricingProfiles(compileRoster(p)));
    expect(profile[0]).toBe(profile[1]);
    expect(profile[0]).toBe(profile[5]);
    expect(new Set([profile[0], profile[2], profile[3], profile[4]]).size).toBe(4);
  });
});
