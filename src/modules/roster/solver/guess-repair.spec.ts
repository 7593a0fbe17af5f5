import fc from 'fast-check';
import { agentLineViolations } from './agent-rules';
import { compileRoster } from './compile-roster';
import { OFF } from './compiled-roster';
import { repairGuess } from './guess-repair';
import { requestCosts } from './marginal-costs';
import { agent, cover, problem, RULE_TEST_TYPES as TYPES, ruleCaseAgent } from './small-rosters.fixture';

const caseArbitrary = fc.integer({ min: 7, max: 28 }).chain((days) =>
  fc.record({
    days: fc.constant(days),
    minShifts: fc.integer({ min: 0, max: Math.floor(days / 2) }),
    extra: fc.integer({ min: 0, max: 4 }),
    maxRun: fc.integer({ min: 2, max: 6 }),
    minRun: fc.integer({ min: 1, max: 3 }),
    minOff: fc.integer({ min: 1, max: 3 }),
    maxWeekends: fc.integer({ min: 0, max: 3 }),
    capN: fc.integer({ min: 0, max: 4 }),
    dayOff: fc.option(fc.integer({ min: 0, max: days - 1 }), { nil: undefined }),
    lockedDay: fc.option(fc.integer({ min: 0, max: days - 1 }), { nil: undefined }),
    runBefore: fc.integer({ min: -3, max: 3 }),
    picks: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: days, maxLength: days }),
    costs: fc.array(fc.integer({ min: -60, max: 40 }), { minLength: 16, maxLength: 16 }),
  }),
);

describe('repairGuess', () => {
  it('returns only lines that keep every hard rule, with the locked days as they were (random guesses)', () => {
    let mended = 0;
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const who = ruleCaseAgent(c);
        const locked =
          c.lockedDay !== undefined && c.lockedDay !== c.dayOff
            ? [{ agentId: 'a', day: c.lockedDay, shiftTypeId: 'L' }]
            : [];
        const model = compileRoster(problem(c.days, TYPES, [who], cover(c.days, 'E', 1), { locked }));
        const compiled = model.agents[0];
        const costs = requestCosts(model, compiled);
        for (let i = 0; i < costs.cell.length; i++)
          if (Number.isFinite(costs.cell[i])) costs.cell[i] += c.costs[i % c.costs.length];
        // A guess as a window makes one: a shift the agent may not work that day becomes a day off.
        const nDuties = model.duties.length;
        const guess = Int32Array.from(c.picks, (pick, d) =>
          pick > 0 && compiled.allowed[d * nDuties + pick - 1] ? pick - 1 : OFF,
        );
        const before = Int32Array.from(guess);
        const line = repairGuess(model, compiled, guess, costs);
        expect(guess).toEqual(before);
        if (!line) return;
        mended++;
        expect(agentLineViolations(model, compiled, line)).toEqual([]);
        if (c.lockedDay !== undefined && locked.length > 0)
          expect(model.duties[line[c.lockedDay]].type).toBe(model.typeIds.indexOf('L'));
      }),
      { numRuns: 400, seed: 20261203 },
    );
    // Not a vacuous pass: a fair share of random guesses is mended (113 of 400 with this seed; the others
    // break rules no line of the agent keeps, or are farther from one than single steps reach).
    expect(mended).toBeGreaterThan(80);
  });

  it('frees a weekend worked too many (two days off at once: one alone frees no weekend)', () => {
    const who = agent(
      'a',
      {},
      {
        minMinutes: 8 * 480,
        maxMinutes: 10 * 480,
        maxConsecutiveWorkDays: 5,
        minConsecutiveWorkDays: 2,
        minConsecutiveDaysOff: 2,
        maxWeekends: 1,
      },
    );
    const model = compileRoster(problem(14, [TYPES[0]], [who], cover(14, 'E', 1)));
    const compiled = model.agents[0];
    // Wednesday to Sunday of both weeks: 10 shifts, 2 weekends.
    const guess = Int32Array.from({ length: 14 }, (_, d) => (d % 7 >= 2 ? 0 : OFF));
    expect(agentLineViolations(model, compiled, guess).map((v) => v.rule)).toEqual(['max-weekends']);
    const line = repairGuess(model, compiled, guess, requestCosts(model, compiled));
    expect(line).toBeDefined();
    expect(agentLineViolations(model, compiled, line!)).toEqual([]);
    expect(model.weekends.filter((days) => days.some((d) => line![d] !== OFF)).length).toBe(1);
  });

  it('makes up missing hours with a new run as short as the rules allow, where one day alone would be too short', () => {
    const who = agent(
      'a',
      {},
      { minMinutes: 6 * 480, maxMinutes: 8 * 480, maxConsecutiveWorkDays: 5, minConsecutiveWorkDays: 2 },
    );
    const model = compileRoster(problem(14, [TYPES[0]], [who], cover(14, 'E', 1)));
    const compiled = model.agents[0];
    // Monday to Thursday of the first week only: 4 shifts of the 6 needed.
    const guess = Int32Array.from({ length: 14 }, (_, d) => (d < 4 ? 0 : OFF));
    expect(agentLineViolations(model, compiled, guess).map((v) => v.rule)).toEqual(['min-minutes']);
    const line = repairGuess(model, compiled, guess, requestCosts(model, compiled));
    expect(line).toBeDefined();
    expect(agentLineViolations(model, compiled, line!)).toEqual([]);
  });

  it('gives up (undefined) when no line can keep the rules', () => {
    // Eight shifts needed in a week where at most five may be worked in a row and two must be off.
    const who = agent('a', {}, { minMinutes: 8 * 480, maxMinutes: 10 * 480, maxConsecutiveWorkDays: 5 });
    const model = compileRoster(problem(7, [TYPES[0]], [who], cover(7, 'E', 1)));
    const guess = new Int32Array(7).fill(0);
    expect(repairGuess(model, model.agents[0], guess, requestCosts(model, model.agents[0]))).toBeUndefined();
  });
});
