import fc from 'fast-check';
import { compileRoster } from './compile-roster';
import { OFF } from './compiled-roster';
import { LineTally } from './line-tally';
import { lineBreach } from './rule-breach';
import { cover, problem, RULE_TEST_TYPES as TYPES, ruleCaseAgent } from './small-rosters.fixture';

const caseArbitrary = fc.integer({ min: 2, max: 21 }).chain((days) =>
  fc.record({
    days: fc.constant(days),
    minShifts: fc.integer({ min: 0, max: 8 }),
    extra: fc.integer({ min: 0, max: 4 }),
    maxRun: fc.integer({ min: 1, max: 6 }),
    minRun: fc.integer({ min: 1, max: 3 }),
    minOff: fc.integer({ min: 1, max: 3 }),
    maxWeekends: fc.integer({ min: 0, max: 2 }),
    capN: fc.integer({ min: 1, max: 3 }),
    maxDays: fc.option(fc.integer({ min: 1, max: days }), { nil: undefined }),
    dayOff: fc.option(fc.integer({ min: 0, max: days - 1 }), { nil: undefined }),
    runBefore: fc.integer({ min: -4, max: 4 }),
    runAfter: fc.integer({ min: -4, max: 4 }),
    picks: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: days, maxLength: days }),
    changes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 8 }),
  }),
);

describe('LineTally', () => {
  it('knows the breach of any one day changed, as a pass over the changed line finds it, change after change', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const who = ruleCaseAgent(c);
        const model = compileRoster(problem(c.days, TYPES, [who], cover(c.days, 'E', 1)));
        const compiled = model.agents[0];
        const nDuties = model.duties.length;
        const may = (d: number, pick: number) => pick === 0 || compiled.allowed[d * nDuties + pick - 1] === 1;
        const line = Int32Array.from(c.picks, (pick, d) => (pick > 0 && may(d, pick) ? pick - 1 : OFF));
        const tally = new LineTally(model, compiled, line);
        expect(tally.breach).toBeCloseTo(lineBreach(model, compiled, line), 9);
        for (const [at, pick] of c.changes) {
          const d = at % c.days;
          if (!may(d, pick)) continue;
          const value = pick === 0 ? OFF : pick - 1;
          const predicted = tally.breachIf(d, value, tally.baseFor(d), tally.runsIf(d, value));
          const changed = Int32Array.from(line);
          changed[d] = value;
          expect(predicted).toBeCloseTo(lineBreach(model, compiled, changed), 9);
          // Take the change: the tally follows the line.
          tally.set(d, value);
          tally.resync();
          expect(tally.breach).toBeCloseTo(lineBreach(model, compiled, line), 9);
        }
      }),
      { numRuns: 500, seed: 20261203 },
    );
  });
});
