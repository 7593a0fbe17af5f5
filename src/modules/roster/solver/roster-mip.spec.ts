import fc from 'fast-check';
import { agentLineViolations } from './agent-rules';
import { OFF } from './compiled-roster';
import { compileRoster } from './compile-roster';
import { highsRuntime, solveLinearProgram } from './linear-program';
import { buildRosterMip, type Neighbourhood } from './roster-mip';
import { evaluateRoster, searchCost } from './roster-objective';
import { EARLY, LATE, agent, cover, earlyLateCoverByBits, problem } from './small-rosters.fixture';

describe('buildRosterMip with two spans of free days', () => {
  it('lets an agent at the weekend maximum trade a weekend for a short one, which one span cannot', async () => {
    const highs = await highsRuntime();
    // Two weeks from a Monday: weekends are days 5–6 and 12–13. Day 5 misses its early shift (100), day 12 would miss less (10).
    const needs = Array.from({ length: 14 }, (_, d) => (d === 5 || d === 12 ? 1 : 0));
    const weights = cover(14, 'E', needs, 100, 1).map((c) => (c.day === 12 ? { ...c, underWeight: 10 } : c));
    const model = compileRoster(problem(14, [EARLY], [agent('Ana', {}, { maxWeekends: 1 })], weights));
    const line = new Int32Array(14).fill(OFF);
    line[12] = 0;
    const solve = (hood: Neighbourhood) => {
      const mip = buildRosterMip(model, [line], hood);
      const outcome = solveLinearProgram(highs, mip.lp, { timeLimitSeconds: 10 });
      expect(outcome.status).toBe('optimal');
      return mip.decode(outcome.values!);
    };
    expect(searchCost(model, [line])).toBe(100);
    const oneSpan = solve({ agents: [0], fromDay: 3, toDay: 7 });
    expect(searchCost(model, oneSpan)).toBe(100);
    const twoSpans = solve({ agents: [0], fromDay: 4, toDay: 7, alsoFree: { fromDay: 11, toDay: 14 } });
    expect(searchCost(model, twoSpans)).toBe(10);
    expect(twoSpans[0][5]).toBe(0);
    expect(twoSpans[0][12]).toBe(OFF);
    expect(agentLineViolations(model, model.agents[0], twoSpans[0])).toEqual([]);
  });

  /**
   * The model keeps every rule across both spans and the fixed days between them: from a valid line
   * (as the search's always is), its optimum is the best line the checker accepts among all lines
   * equal to the current one outside the spans (enumerated).
   */
  it('has as optimum the best valid line that keeps the fixed days', async () => {
    const highs = await highsRuntime();
    const case_ = fc.integer({ min: 6, max: 9 }).chain((days) =>
      fc.record({
        days: fc.constant(days),
        maxRun: fc.integer({ min: 1, max: 4 }),
        minWork: fc.integer({ min: 1, max: 3 }),
        minOff: fc.integer({ min: 1, max: 2 }),
        minShifts: fc.integer({ min: 0, max: 2 }),
        maxWeekends: fc.integer({ min: 0, max: 1 }),
        rest: fc.boolean(),
        current: fc.array(fc.constantFrom(-1, -1, 0, 1), { minLength: days, maxLength: days }),
        needs: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: days, maxLength: days }),
        first: fc.integer({ min: 0, max: days - 4 }),
        gap: fc.integer({ min: 0, max: 2 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(case_, async (c) => {
        const a = agent(
          'Ana',
          {},
          {
            minMinutes: c.minShifts * 480,
            maxConsecutiveWorkDays: c.maxRun,
            minConsecutiveWorkDays: c.minWork,
            minConsecutiveDaysOff: c.minOff,
            maxWeekends: c.maxWeekends,
          },
        );
        const demand = earlyLateCoverByBits(c.days, c.needs);
        const rules = c.rest ? { rules: { minRestMinutes: 11 * 60 } } : {};
        const model = compileRoster(problem(c.days, [EARLY, LATE], [a], demand, rules));
        const current = Int32Array.from(c.current.map((x) => (x < 0 ? OFF : x)));
        fc.pre(agentLineViolations(model, model.agents[0], current).length === 0);
        const second = Math.min(c.days - 1, c.first + 2 + c.gap);
        const hood = {
          agents: [0],
          fromDay: c.first,
          toDay: c.first + 2,
          alsoFree: { fromDay: second, toDay: Math.min(c.days, second + 2) },
        };
        const free = Array.from({ length: c.days }, (_, d) => d).filter(
          (d) => (d >= hood.fromDay && d < hood.toDay) || (d >= hood.alsoFree.fromDay && d < hood.alsoFree.toDay),
        );
        let best = Number.POSITIVE_INFINITY;
        const line = Int32Array.from(current);
        for (let code = 0; code < 3 ** free.length; code++) {
          free.forEach((d, k) => {
            const digit = Math.floor(code / 3 ** k) % 3;
            line[d] = digit === 2 ? OFF : digit;
          });
          if (agentLineViolations(model, model.agents[0], line).length === 0)
            best = Math.min(best, evaluateRoster(model, [line]).total);
        }
        const mip = buildRosterMip(model, [current], hood);
        const outcome = solveLinearProgram(highs, mip.lp, { timeLimitSeconds: 10 });
        if (!Number.isFinite(best)) expect(outcome.status).toBe('infeasible');
        else {
          expect(outcome.status).toBe('optimal');
          expect(outcome.objective).toBeCloseTo(best, 6);
          const found = mip.decode(outcome.values!)[0];
          expect(agentLineViolations(model, model.agents[0], found)).toEqual([]);
          for (let d = 0; d < c.days; d++) if (!free.includes(d)) expect(found[d]).toBe(current[d]);
        }
      }),
      { numRuns: 200, seed: 20261205, maxSkipsPerRun: 1_000 },
    );
  });
});
