import { aggregateCoverBound } from './aggregate-bound';
import { generateColumns, pricingProfiles } from './column-generation';
import { dayChoice, OFF } from './compiled-roster';
import { compileRoster } from './compile-roster';
import { highsRuntime } from './linear-program';
import { RestrictedMaster } from './restricted-master';
import { solveRoster } from '.';
import { EARLY, EXACT, LATE, agent, cover, problem, unevenWeek } from './small-rosters.fixture';

const week = unevenWeek();

async function converge(centre?: Float64Array | null, alternatives?: number) {
  const model = compileRoster(week);
  const master = new RestrictedMaster(await highsRuntime(), model);
  try {
    model.agents.forEach((_, a) => master.add(a, new Int32Array(model.days).fill(OFF)));
    return generateColumns(model, master, {
      maxRounds: 500,
      shouldStop: () => false,
      secondsLeft: () => 30,
      centre,
      alternatives,
    });
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

  it('with next-cheapest lines in each pricing reaches the same optimum and bound in fewer rounds', async () => {
    const plain = await converge();
    const wider = await converge(null, 4);
    expect(wider.converged).toBe(true);
    expect(wider.lpValue).toBeCloseTo(plain.lpValue!, 6);
    expect(wider.bound).toBeCloseTo(plain.bound!, 6);
    expect(wider.rounds).toBeLessThan(plain.rounds);
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

  it('passes the caps to price exactly on to every pricing: the bound is then the master LP optimum', async () => {
    // Three agents each capped at 10 early shifts in three weeks, against two wanted every day.
    const agents = ['a', 'b', 'c'].map((id) =>
      agent(id, {}, { maxShiftsByType: { E: 10 }, maxConsecutiveWorkDays: 5 }),
    );
    const model = compileRoster(problem(21, [EARLY, LATE], agents, cover(21, 'E', 2)));
    const run = async (trackedCap?: number) => {
      const master = new RestrictedMaster(await highsRuntime(), model);
      try {
        model.agents.forEach((_, a) => master.add(a, new Int32Array(model.days).fill(OFF)));
        const limits = { maxRounds: 500, shouldStop: () => false, secondsLeft: () => 30 };
        return generateColumns(model, master, trackedCap ? { ...limits, pricing: { trackedCap } } : limits);
      } finally {
        master.dispose();
      }
    };
    const exact = await run(10);
    expect(exact.converged).toBe(true);
    expect(exact.bound!).toBeCloseTo(exact.lpValue!, 6);
    // Under-cover: 42 early places, at most 30 worked.
    expect(exact.bound!).toBeGreaterThanOrEqual(12 * 100 - 1e-6);
    const relaxed = await run();
    expect(relaxed.bound ?? Number.NEGATIVE_INFINITY).toBeLessThan(exact.bound! - 1);
  });
});

describe('generateColumns with day rules', () => {
  it("prices only lines that keep each agent's rules, and claims no bound for the whole roster", async () => {
    const model = compileRoster(week);
    const master = new RestrictedMaster(await highsRuntime(), model);
    const choices = model.duties.length + 1;
    const night = model.duties.findIndex((d) => model.typeIds[d.type] === 'N');
    try {
      const early = model.duties.findIndex((d) => model.typeIds[d.type] === 'E');
      const earlyMonday = Int32Array.from({ length: model.days }, (_, d) => (d === 0 ? early : OFF));
      model.agents.forEach((_, a) => {
        master.add(a, new Int32Array(model.days).fill(OFF));
        master.add(a, earlyMonday);
      });
      // Every agent must work day 0, and no one may work nights on day 3.
      const working = Uint8Array.from({ length: choices }, (_, i) => (i === dayChoice(model, OFF) ? 0 : 1));
      const noNight = Uint8Array.from({ length: choices }, (_, i) => (i === night ? 0 : 1));
      model.agents.forEach((_, a) => {
        master.restrictDay(a, 0, working);
        master.restrictDay(a, 3, noNight);
      });
      // The empty weeks are ruled out now; the LP starts from the early Mondays.
      const cg = generateColumns(model, master, { maxRounds: 200, shouldStop: () => false, secondsLeft: () => 30 });
      expect(cg.bound).toBeNull();
      expect(cg.lpValue).not.toBeNull();
      model.agents.forEach((_, a) => {
        const added = master.lines[a].slice(2);
        expect(added.length).toBeGreaterThan(0);
        for (const l of added) {
          expect(l[0]).not.toBe(OFF);
          expect(l[3]).not.toBe(night);
          expect(master.keeps(a, l)).toBe(true);
        }
      });
    } finally {
      master.dispose();
    }
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
