import fc from 'fast-check';
import { agentLineViolations } from './agent-rules';
import { diveByDayChoices, settleShare } from './choice-dive';
import { generateColumns } from './column-generation';
import { OFF, type CompiledRoster, type RosterLines } from './compiled-roster';
import { compileRoster } from './compile-roster';
import type { DiveLimits } from './line-dive';
import { highsRuntime } from './linear-program';
import { RestrictedMaster } from './restricted-master';
import { searchCost } from './roster-objective';
import { solveRoster } from '.';
import { EARLY, EXACT, LATE, NIGHT, agent, cover, problem, unevenWeek } from './small-rosters.fixture';
import { seededRandom } from 'src/platform/random/seeded-random';

const week = unevenWeek();
const model = compileRoster(week);

const limits = (extra: Partial<DiveLimits> = {}): DiveLimits => ({
  roundsPerStep: 5,
  centre: null,
  jitter: 0,
  random: seededRandom(1),
  shouldStop: () => false,
  secondsLeft: () => 30,
  ...extra,
});

/** Dives from a master holding each agent's empty week (after `priced` rounds of pricing). */
async function dive(priced: number, extra: Partial<DiveLimits> = {}, on: CompiledRoster = model) {
  const master = new RestrictedMaster(await highsRuntime(), on);
  try {
    on.agents.forEach((_, a) => master.add(a, new Int32Array(on.days).fill(OFF)));
    const cg = generateColumns(on, master, { maxRounds: priced, shouldStop: () => false, secondsLeft: () => 30 });
    const lines = diveByDayChoices(on, master, limits(extra));
    const ruledDays = on.agents.reduce((n, _, a) => n + (master.dayRulesOf(a)?.size ?? 0), 0);
    return { lines, bound: cg.bound, restricted: master.restricted, ruledDays };
  } finally {
    master.dispose();
  }
}

const keepsEveryRule = (lines: RosterLines, on: CompiledRoster = model) =>
  on.agents.every((a, k) => agentLineViolations(on, a, lines[k]).length === 0);

describe('diveByDayChoices', () => {
  it('reaches the optimum of a week whose master LP has no integrality gap, every rule kept', async () => {
    const { lines, bound, restricted } = await dive(500);
    const optimum = await solveRoster(week, EXACT);
    expect(optimum.stoppedBy).toBe('optimal');
    expect(lines).not.toBeNull();
    expect(keepsEveryRule(lines!)).toBe(true);
    expect(searchCost(model, lines!)).toBeGreaterThanOrEqual(bound! - 1e-6);
    expect(searchCost(model, lines!)).toBeCloseTo(optimum.objective.total, 6);
    // The dive settled choices on the way (the LP alone was fractional).
    expect(restricted).toBe(true);
  });

  it('with a shaken order, still ends on a roster that keeps every rule', async () => {
    for (const seed of [1, 2, 3]) {
      const { lines } = await dive(3, { jitter: 0.3, random: seededRandom(seed) });
      expect(lines).not.toBeNull();
      expect(keepsEveryRule(lines!)).toBe(true);
    }
  });

  it('settles faster only when, at the pace of its last step, it would run out of time first', () => {
    // (time left when the step started, time left now) in seconds; untimed dives keep a fifth.
    expect(settleShare(undefined, undefined)).toBe(0.2);
    expect(settleShare(101, 100)).toBe(0.2);
    expect(settleShare(12.5, 10)).toBe(0.25);
    expect(settleShare(5, 3)).toBe(1);
    expect(settleShare(0, -1)).toBe(1);
  });

  it('with time for one step left, settles every open choice in that step, every rule kept', async () => {
    // One step each: the dive reads stopsIn at the start of a step and when it settles, and stops after the first.
    const oneStep = async (left: number) => {
      const stopsIn = jest.fn(() => left);
      const { lines, ruledDays } = await dive(500, { stopsIn, shouldStop: () => stopsIn.mock.calls.length > 0 });
      expect(stopsIn).toHaveBeenCalledTimes(2);
      expect(lines).not.toBeNull();
      expect(keepsEveryRule(lines!)).toBe(true);
      return ruledDays;
    };
    const roomy = await oneStep(1e9);
    const rushed = await oneStep(0);
    expect(roomy).toBeGreaterThan(0);
    expect(rushed).toBeGreaterThan(roomy);
  });

  it('out of time before it starts, fixes a roster from the lines it already has', async () => {
    const { lines, restricted } = await dive(0, { shouldStop: () => true });
    expect(restricted).toBe(false);
    expect(lines!.map((l) => Array.from(l))).toEqual(model.agents.map(() => new Array(model.days).fill(OFF)));
  });

  it("on generated weeks (cover, contracts, runs, rest), every line it ends on keeps its agent's rules", async () => {
    const weeks = fc.record({
      demand: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 21, maxLength: 21 }),
      minShifts: fc.integer({ min: 0, max: 3 }),
      extraShifts: fc.integer({ min: 0, max: 3 }),
      maxRun: fc.integer({ min: 2, max: 5 }),
      minOff: fc.integer({ min: 1, max: 2 }),
      agents: fc.integer({ min: 2, max: 6 }),
      seed: fc.integer({ min: 1, max: 1000 }),
    });
    await fc.assert(
      fc.asyncProperty(weeks, async (w) => {
        const generated = compileRoster(
          problem(
            7,
            [EARLY, LATE, NIGHT],
            Array.from({ length: w.agents }, (_, k) =>
              agent(
                `a${k}`,
                {},
                {
                  minMinutes: w.minShifts * 480,
                  maxMinutes: (w.minShifts + w.extraShifts) * 480,
                  maxConsecutiveWorkDays: w.maxRun,
                  minConsecutiveDaysOff: w.minOff,
                },
              ),
            ),
            [EARLY, LATE, NIGHT].flatMap((t, k) => cover(7, t.id, w.demand.slice(k * 7, k * 7 + 7), 20)),
            { rules: { minRestMinutes: 11 * 60 } },
          ),
        );
        const { lines } = await dive(3, { jitter: 0.3, random: seededRandom(w.seed) }, generated);
        expect(lines).not.toBeNull();
        expect(keepsEveryRule(lines!, generated)).toBe(true);
      }),
      { numRuns: 25, seed: 18 },
    );
  });
});
