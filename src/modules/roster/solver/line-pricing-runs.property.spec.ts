import fc from 'fast-check';
import { agentLineViolations } from './agent-rules';
import { OFF } from './compiled-roster';
import { compileRoster } from './compile-roster';
import { cheapestLine } from './line-pricing';
import { highsRuntime, solveLinearProgram } from './linear-program';
import { buildRosterMip } from './roster-mip';
import { evaluateRoster } from './roster-objective';
import { EARLY, LATE, agent, earlyLateCoverByBits, problem } from './small-rosters.fixture';

/**
 * The pricing programme and the rule checker must agree on every agent's rules, the runs the
 * neighbouring weeks leave included: the cheapest line it finds is the cheapest line the checker
 * accepts among all lines (enumerated).
 */
const run = fc.option(fc.record({ working: fc.boolean(), days: fc.integer({ min: 1, max: 4 }) }), { nil: undefined });
const case_ = fc.integer({ min: 3, max: 6 }).chain((days) =>
  fc.record({
    days: fc.constant(days),
    maxRun: fc.integer({ min: 1, max: 4 }),
    minWork: fc.integer({ min: 1, max: 3 }),
    minOff: fc.integer({ min: 1, max: 3 }),
    minShifts: fc.integer({ min: 0, max: 2 }),
    rest: fc.boolean(),
    runBefore: run,
    runAfter: run,
    cell: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: days * 2, maxLength: days * 2 }),
    off: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: days, maxLength: days }),
  }),
);

describe('cheapestLine and the compact model against every line of a small horizon', () => {
  it('finds the cheapest valid line, or none when none is valid', () => {
    fc.assert(
      fc.property(case_, (c) => {
        const a = agent(
          'a',
          { ...(c.runBefore ? { runBefore: c.runBefore } : {}), ...(c.runAfter ? { runAfter: c.runAfter } : {}) },
          {
            minMinutes: c.minShifts * 480,
            maxConsecutiveWorkDays: c.maxRun,
            minConsecutiveWorkDays: c.minWork,
            minConsecutiveDaysOff: c.minOff,
          },
        );
        const model = compileRoster(
          problem(c.days, [EARLY, LATE], [a], [], c.rest ? { rules: { minRestMinutes: 11 * 60 } } : {}),
        );
        const duties = model.duties.length;
        expect(duties).toBe(2);
        const cell = Float64Array.from(c.cell);
        const off = Float64Array.from(c.off);
        let best = Number.POSITIVE_INFINITY;
        const line = new Int32Array(c.days);
        for (let code = 0; code < 3 ** c.days; code++) {
          let cost = 0;
          for (let d = 0, rest = code; d < c.days; d++, rest = Math.floor(rest / 3)) {
            line[d] = rest % 3 === 2 ? OFF : rest % 3;
            cost += line[d] === OFF ? off[d] : cell[d * duties + line[d]];
          }
          if (cost < best && agentLineViolations(model, model.agents[0], line).length === 0) best = cost;
        }
        const priced = cheapestLine(model, model.agents[0], { cell, off });
        if (!Number.isFinite(best)) expect(priced).toBeNull();
        else {
          expect(priced).not.toBeNull();
          expect(agentLineViolations(model, model.agents[0], priced!.line)).toEqual([]);
          expect(priced!.cost).toBe(best);
        }
      }),
      { numRuns: 400, seed: 20261130 },
    );
  });

  it('the compact model keeps the same rules: its optimum is the best valid line', async () => {
    const highs = await highsRuntime();
    await fc.assert(
      fc.asyncProperty(case_, async (c) => {
        const a = agent(
          'a',
          { ...(c.runBefore ? { runBefore: c.runBefore } : {}), ...(c.runAfter ? { runAfter: c.runAfter } : {}) },
          {
            minMinutes: c.minShifts * 480,
            maxConsecutiveWorkDays: c.maxRun,
            minConsecutiveWorkDays: c.minWork,
            minConsecutiveDaysOff: c.minOff,
          },
        );
        const demand = earlyLateCoverByBits(c.days, c.off);
        const model = compileRoster(
          problem(c.days, [EARLY, LATE], [a], demand, c.rest ? { rules: { minRestMinutes: 11 * 60 } } : {}),
        );
        let best = Number.POSITIVE_INFINITY;
        const line = new Int32Array(c.days);
        for (let code = 0; code < 3 ** c.days; code++) {
          for (let d = 0, rest = code; d < c.days; d++, rest = Math.floor(rest / 3))
            line[d] = rest % 3 === 2 ? OFF : rest % 3;
          if (agentLineViolations(model, model.agents[0], line).length === 0)
            best = Math.min(best, evaluateRoster(model, [line]).total);
        }
        const mip = buildRosterMip(model, [new Int32Array(c.days).fill(OFF)], {
          agents: [0],
          fromDay: 0,
          toDay: c.days,
        });
        const outcome = solveLinearProgram(highs, mip.lp, { timeLimitSeconds: 10 });
        if (!Number.isFinite(best)) expect(outcome.status).toBe('infeasible');
        else {
          expect(outcome.status).toBe('optimal');
          expect(outcome.objective).toBeCloseTo(best, 6);
          expect(agentLineViolations(model, model.agents[0], mip.decode(outcome.values!)[0])).toEqual([]);
        }
      }),
      { numRuns: 150, seed: 20261201 },
    );
  });
});
