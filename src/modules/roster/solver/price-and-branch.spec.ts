import { agentLineViolations } from './agent-rules';
import { OFF } from './compiled-roster';
import { compileRoster } from './compile-roster';
import { highsRuntime } from './linear-program';
import { masterSeconds, priceAndBranch, type PriceAndBranchLimits } from './price-and-branch';
import { searchCost } from './roster-objective';
import { solveRoster } from '.';
import { EXACT, unevenWeek } from './small-rosters.fixture';

const week = unevenWeek();

const step = (seconds: number, extra: Partial<PriceAndBranchLimits> = {}): PriceAndBranchLimits => ({
  seconds,
  deterministic: false,
  redive: true,
  shouldStop: () => false,
  ...extra,
});

describe('masterSeconds', () => {
  it('gives the integer master at most its share of a timed step, and no more than is left', () => {
    expect(masterSeconds(step(30, { masterShare: 0.15 }), 20)).toBeCloseTo(4.5);
    expect(masterSeconds(step(30, { masterShare: 0.15 }), 3)).toBe(3);
  });

  it('leaves steps without a share, and repeatable runs, all the time left', () => {
    expect(masterSeconds(step(30), 20)).toBe(20);
    expect(masterSeconds(step(30, { masterShare: 0.15, deterministic: true }), 20)).toBe(20);
  });
});

describe('priceAndBranch', () => {
  it.each([true, false])(
    'ends on a roster that keeps every rule, diving on day choices when large (%s)',
    async (large) => {
      const model = compileRoster(week);
      const empty = model.agents.map(() => new Int32Array(model.days).fill(OFF));
      const priced = priceAndBranch(
        await highsRuntime(),
        model,
        empty,
        step(30, { redive: large, deterministic: true }),
      );
      const optimum = await solveRoster(week, EXACT);
      expect(priced.converged).toBe(true);
      expect(model.agents.every((a, k) => agentLineViolations(model, a, priced.lines![k]).length === 0)).toBe(true);
      expect(searchCost(model, priced.lines!)).toBeCloseTo(optimum.objective.total, 6);
      expect(priced.bound!).toBeCloseTo(optimum.objective.total, 4);
    },
  );

  it('hands each better dive roster over as it is found, before the integer master ends the step', async () => {
    const model = compileRoster(week);
    const empty = model.agents.map(() => new Int32Array(model.days).fill(OFF));
    const handed: number[] = [];
    const priced = priceAndBranch(
      await highsRuntime(),
      model,
      empty,
      step(30, {
        deterministic: true,
        onRoster: (lines) => {
          expect(model.agents.every((a, k) => agentLineViolations(model, a, lines[k]).length === 0)).toBe(true);
          handed.push(searchCost(model, lines));
        },
      }),
    );
    expect(handed.length).toBeGreaterThan(0);
    handed.slice(1).forEach((cost, k) => expect(cost).toBeLessThan(handed[k]));
    expect(searchCost(model, priced.lines!)).toBeLessThanOrEqual(handed[handed.length - 1] + 1e-9);
  });
});
