import fc from 'fast-check';
import { agentLineViolations } from './agent-rules';
import { compileRoster } from './compile-roster';
import { OFF, type CompiledAgent } from './compiled-roster';
import { BREACH_PER_DAY, keepsEveryRule, lineBreach, runBreach } from './rule-breach';
import { agent, cover, problem, RULE_TEST_TYPES as TYPES, ruleCaseAgent } from './small-rosters.fixture';

const RUN_RULES = new Set(['max-consecutive-work', 'min-consecutive-work', 'min-consecutive-off']);

const caseArbitrary = fc.integer({ min: 1, max: 16 }).chain((days) =>
  fc.record({
    days: fc.constant(days),
    minShifts: fc.integer({ min: 0, max: 6 }),
    extra: fc.integer({ min: 0, max: 4 }),
    maxRun: fc.integer({ min: 1, max: 6 }),
    minRun: fc.integer({ min: 1, max: 3 }),
    minOff: fc.integer({ min: 1, max: 3 }),
    maxWeekends: fc.integer({ min: 0, max: 2 }),
    capN: fc.integer({ min: 0, max: 3 }),
    maxDays: fc.option(fc.integer({ min: 1, max: days }), { nil: undefined }),
    dayOff: fc.option(fc.integer({ min: 0, max: days - 1 }), { nil: undefined }),
    lockedDay: fc.option(fc.integer({ min: 0, max: days - 1 }), { nil: undefined }),
    runBefore: fc.integer({ min: -70, max: 70 }),
    runAfter: fc.integer({ min: -70, max: 70 }),
    // Per day: off (0) or a duty (1–3); the day off, the lock and a cap of 0 make some duties ones the agent may not work.
    picks: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: days, maxLength: days }),
    // Windows give agents caps already spent (negative) and other limits below what a line could reach.
    shiftLimits: fc.boolean(),
  }),
);

type Case = typeof caseArbitrary extends fc.Arbitrary<infer C> ? C : never;

function compiled(c: Case): { model: ReturnType<typeof compileRoster>; who: CompiledAgent; line: Int32Array } {
  // The edges are set on the compiled agent below (beyond what a contract states).
  const who = ruleCaseAgent({ ...c, runBefore: 0, runAfter: 0 });
  const locked =
    c.lockedDay !== undefined && c.lockedDay !== c.dayOff ? [{ agentId: 'a', day: c.lockedDay, shiftTypeId: 'L' }] : [];
  const model = compileRoster(problem(c.days, TYPES, [who], cover(c.days, 'E', 1), { locked }));
  const base = model.agents[0];
  const spent = c.shiftLimits ? { maxShiftsByType: base.maxShiftsByType.map((cap) => cap - 1), maxWeekends: -1 } : {};
  const line = Int32Array.from(c.picks, (pick) => (pick === 0 ? OFF : pick - 1));
  return { model, who: { ...base, ...spent, runBefore: c.runBefore, runAfter: c.runAfter }, line };
}

describe('lineBreach', () => {
  it('is 0 exactly when the rule checker finds nothing, and positive otherwise (random lines, edges and limits)', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const { model, who, line } = compiled(c);
        const violations = agentLineViolations(model, who, line);
        const breach = lineBreach(model, who, line);
        expect(breach).toBeGreaterThanOrEqual(0);
        expect(breach === 0).toBe(violations.length === 0);
        expect(keepsEveryRule(model, who, line)).toBe(violations.length === 0);
        // The run rules alone: what `runsOf` flags, each at least a day's weight.
        const runViolations = violations.filter((v) => RUN_RULES.has(v.rule)).length;
        expect(runBreach(who, line) > 0).toBe(runViolations > 0);
        expect(runBreach(who, line)).toBeGreaterThanOrEqual(runViolations * BREACH_PER_DAY);
      }),
      { numRuns: 1_000, seed: 20261203 },
    );
  });

  it('grows with what a rule is short of: a line two shifts short breaches more than one a shift short', () => {
    const who = agent('a', {}, { minMinutes: 5 * 480, maxMinutes: 10_000, maxConsecutiveWorkDays: 7 });
    const model = compileRoster(problem(7, [TYPES[0]], [who], cover(7, 'E', 1)));
    const line = (worked: number) => Int32Array.from({ length: 7 }, (_, d) => (d < worked ? 0 : OFF));
    const oneShort = lineBreach(model, model.agents[0], line(4));
    expect(oneShort).toBe(8);
    expect(lineBreach(model, model.agents[0], line(3))).toBe(16);
    expect(lineBreach(model, model.agents[0], line(5))).toBe(0);
  });
});
