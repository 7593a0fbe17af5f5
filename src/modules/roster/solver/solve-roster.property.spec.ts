import fc from 'fast-check';
import { evaluateRoster, solveRoster, type RosterProblem } from '.';
import { EARLY, LATE, NIGHT, agent, cover, longestRun, problem, workedDays } from './small-rosters.fixture';

const SHIFT = 480;

const agentArbitrary = (days: number, id: string) =>
  fc
    .record({
      minShifts: fc.integer({ min: 0, max: 2 }),
      extraShifts: fc.integer({ min: 0, max: 4 }),
      maxRun: fc.integer({ min: 2, max: 5 }),
      minOff: fc.integer({ min: 1, max: 2 }),
      maxWeekends: fc.integer({ min: 0, max: 1 }),
      maxDays: fc.option(fc.integer({ min: 1, max: days }), { nil: undefined }),
      supervisor: fc.boolean(),
      dayOff: fc.option(fc.integer({ min: 0, max: days - 1 }), { nil: undefined }),
      offRequest: fc.option(fc.integer({ min: 0, max: days - 1 }), { nil: undefined }),
    })
    .map((r) =>
      agent(
        id,
        {
          supervisor: r.supervisor,
          ...(r.dayOff !== undefined ? { fixedDaysOff: [r.dayOff] } : {}),
          ...(r.offRequest !== undefined ? { requests: [{ day: r.offRequest, kind: 'off' as const, weight: 3 }] } : {}),
        },
        {
          minMinutes: r.minShifts * SHIFT,
          maxMinutes: (r.minShifts + r.extraShifts) * SHIFT,
          maxConsecutiveWorkDays: r.maxRun,
          minConsecutiveDaysOff: r.minOff,
          maxWeekends: r.maxWeekends,
          ...(r.maxDays !== undefined ? { maxWorkDays: r.maxDays } : {}),
        },
      ),
    );

const problemArbitrary = fc.integer({ min: 3, max: 7 }).chain((days) =>
  fc
    .record({
      types: fc.subarray([EARLY, LATE, NIGHT], { minLength: 1 }),
      agents: fc
        .integer({ min: 2, max: 4 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => agentArbitrary(days, `a${k}`)))),
      demand: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3 * days, maxLength: 3 * days }),
      supervisors: fc.boolean(),
      minRest: fc.boolean(),
      fairness: fc.integer({ min: 0, max: 2 }),
    })
    .map((r): RosterProblem =>
      problem(
        days,
        r.types,
        r.agents,
        r.types.flatMap((t, k) => cover(days, t.id, r.demand.slice(k * days, (k + 1) * days), 10, 1)),
        {
          rules: { supervisorOnEveryShift: r.supervisors, ...(r.minRest ? { minRestMinutes: 11 * 60 } : {}) },
          weights: { lateFairness: r.fairness, weekendFairness: r.fairness },
        },
      ),
    ),
);

describe('solveRoster on random small problems', () => {
  it('keeps every hard rule (or explains the one it cannot), and its objective is evaluateRoster of its assignments', async () => {
    await fc.assert(
      fc.asyncProperty(problemArbitrary, fc.integer({ min: 1, max: 1000 }), async (p, seed) => {
        const s = await solveRoster(p, { timeLimitMs: 20_000, seed, maxIterations: 2 });
        const again = evaluateRoster(p, s.assignments);
        expect(again.objective).toEqual(s.objective);
        expect(again.violations).toEqual(s.violations);
        const explained = new Set(s.infeasibilities.map((v) => v.rule));
        for (const v of s.violations) expect(explained).toContain(v.rule);
        if (s.infeasibilities.length > 0) return;
        if (s.lowerBound !== null) expect(s.lowerBound).toBeLessThanOrEqual(s.objective.total + 1e-6);
        // Checked here without the solver's own checker.
        expect(s.violations).toEqual([]);
        for (const a of p.agents) {
          const days = workedDays(s.assignments, a.id);
          expect(new Set(days).size).toBe(days.length);
          expect(days.length * SHIFT).toBeLessThanOrEqual(a.contract.maxMinutes);
          expect(days.length * SHIFT).toBeGreaterThanOrEqual(a.contract.minMinutes);
          expect(longestRun(days)).toBeLessThanOrEqual(a.contract.maxConsecutiveWorkDays ?? Infinity);
          expect(days.length).toBeLessThanOrEqual(a.contract.maxWorkDays ?? Infinity);
          for (const off of a.fixedDaysOff ?? []) expect(days).not.toContain(off);
        }
        if (p.rules?.supervisorOnEveryShift) {
          for (const x of s.assignments) {
            const mates = s.assignments.filter((y) => y.day === x.day && y.shiftTypeId === x.shiftTypeId);
            expect(mates.some((y) => p.agents.find((a) => a.id === y.agentId)?.supervisor)).toBe(true);
          }
        }
      }),
      { numRuns: 30, seed: 20261127 },
    );
  });
});
