import fc from 'fast-check';
import { compileRoster } from './compile-roster';
import { cheapestLine } from './line-pricing';
import { shareWorkBounds, workBounds, workBoundsWithoutWeekends } from './line-bounds';
import { requestCosts } from './marginal-costs';
import { EARLY, LATE, NIGHT, agent, cover, problem } from './small-rosters.fixture';

const SHIFT = 480;

const caseArbitrary = fc.record({
  weeks: fc.integer({ min: 2, max: 6 }),
  maxRun: fc.integer({ min: 2, max: 6 }),
  minOff: fc.integer({ min: 1, max: 3 }),
  maxWeekends: fc.integer({ min: 0, max: 4 }),
  nights: fc.integer({ min: 0, max: 6 }),
  dayOff: fc.integer({ min: 0, max: 13 }),
  runBefore: fc.integer({ min: -3, max: 3 }),
});

type Case = typeof caseArbitrary extends fc.Arbitrary<infer T> ? T : never;

function modelOf(c: Case) {
  const days = c.weeks * 7;
  const nurse = agent(
    'a',
    {
      fixedDaysOff: [c.dayOff],
      ...(c.runBefore !== 0 ? { runBefore: { working: c.runBefore > 0, days: Math.abs(c.runBefore) } } : {}),
    },
    {
      minMinutes: 0,
      maxMinutes: days * SHIFT,
      maxConsecutiveWorkDays: c.maxRun,
      minConsecutiveWorkDays: 1,
      minConsecutiveDaysOff: c.minOff,
      maxWeekends: c.maxWeekends,
      maxShiftsByType: { N: c.nights },
    },
  );
  return compileRoster(problem(days, [EARLY, LATE, NIGHT], [nurse], cover(days, 'E', 1, 20, 1)));
}

describe('work bounds without weekends', () => {
  it('never exceed the bounds with the weekends left, and equal them once a binding limit leaves none', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const model = modelOf(c);
        const nurse = model.agents[0];
        const full = workBounds(model, nurse);
        const without = workBoundsWithoutWeekends(model, nurse);
        for (let day = 0; day <= model.days; day++) {
          for (const working of [false, true]) {
            for (let run = 1; run <= 3; run++) {
              for (const touch of [false, true]) {
                const least = without.most(day, working, run, touch, 0);
                for (let used = 0; used <= c.maxWeekends + 1; used++) {
                  const most = full.most(day, working, run, touch, used);
                  expect(least).toBeLessThanOrEqual(most);
                  // A limit of at least every weekend binds nothing: the bounds then ignore the weekends used.
                  if (used >= c.maxWeekends && c.maxWeekends < c.weeks) expect(least).toBe(most);
                }
              }
            }
          }
        }
      }),
      { numRuns: 80, seed: 20261203 },
    );
  });

  it('are shared with a copy of the agent that differs only in its minimum', () => {
    const model = modelOf({ weeks: 4, maxRun: 4, minOff: 2, maxWeekends: 1, nights: 2, dayOff: 3, runBefore: 0 });
    const nurse = model.agents[0];
    const copy = { ...nurse, minMinutes: 10 * SHIFT };
    shareWorkBounds(model, nurse, copy);
    expect(workBounds(model, copy)).toBe(workBounds(model, nurse));
    // Pricing the copy (bounds shared) keeps its minimum: the bounds only say what can be worked.
    const line = cheapestLine(model, copy, requestCosts(model, copy))!.line;
    expect(line.filter((duty) => duty >= 0).length).toBeGreaterThanOrEqual(10);
  });
});
