import { agentLineViolations } from './agent-rules';
import { OFF } from './compiled-roster';
import { compileRoster } from './compile-roster';
import { highsRuntime } from './linear-program';
import { masterSeconds, priceAndBranch, tooFarToDive, type PriceAndBranchLimits } from './price-and-branch';
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

describe('tooFarToDive', () => {
  // A 42-day look-alike's column generation at the end of its share: LP 63.8 (optimum 57.0), bound 11.2.
  const stopped = { converged: false, bound: 11.2, lpValue: 63.8 };

  it('leaves windows and small models no dives from an LP whose bound is under half its value', () => {
    expect(tooFarToDive(stopped, false)).toBe(true);
    expect(tooFarToDive({ ...stopped, bound: null }, false)).toBe(true);
    expect(tooFarToDive({ ...stopped, bound: 40 }, false)).toBe(false);
    expect(tooFarToDive({ ...stopped, converged: true }, false)).toBe(false);
  });

  it('lets a large whole horizon dive from any LP it reached, and none without an LP', () => {
    expect(tooFarToDive(stopped, true)).toBe(false);
    expect(tooFarToDive({ ...stopped, bound: null }, true)).toBe(false);
    expect(tooFarToDive({ ...stopped, bound: null, lpValue: null }, true)).toBe(true);
    expect(tooFarToDive({ ...stopped, bound: null, lpValue: null }, false)).toBe(true);
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

  it('gives column generation its share of a timed step: none leaves no LP and no bound', async () => {
    const model = compileRoster(week);
    const empty = model.agents.map(() => new Int32Array(model.days).fill(OFF));
    const highs = await highsRuntime();
    // A clock that moves a millisecond per reading: the share is spent by readings, not by the machine's load.
    let ms = 0;
    const now = () => ++ms;
    const none = priceAndBranch(highs, model, empty, step(30, { pricingShare: 0, now }));
    ms = 0;
    const some = priceAndBranch(highs, model, empty, step(30, { pricingShare: 0.6, now }));
    expect(none.converged).toBe(false);
    expect(none.bound).toBeNull();
    expect(some.converged).toBe(true);
    expect(some.bound).not.toBeNull();
  });

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

  it('hands back every line it priced when asked, each keeping its agent’s rules; next-cheapest lines add more', async () => {
    const model = compileRoster(week);
    const empty = model.agents.map(() => new Int32Array(model.days).fill(OFF));
    const highs = await highsRuntime();
    const plain = priceAndBranch(highs, model, empty, step(30, { deterministic: true }));
    const pooled = priceAndBranch(highs, model, empty, step(30, { deterministic: true, keepPool: true }));
    const wider = priceAndBranch(
      highs,
      model,
      empty,
      step(30, { deterministic: true, keepPool: true, alternatives: 4 }),
    );
    expect(plain.pool).toBeUndefined();
    const count = (pool: Int32Array[][]) => pool.reduce((sum, lines) => sum + lines.length, 0);
    for (const { pool, lines } of [pooled, wider]) {
      expect(pool).toHaveLength(model.agents.length);
      pool!.forEach((own, a) =>
        own.forEach((line) => expect(agentLineViolations(model, model.agents[a], line)).toEqual([])),
      );
      // The roster's own lines are among them.
      lines!.forEach((line, a) => expect(pool![a].some((l) => l.join() === line.join())).toBe(true));
    }
    expect(count(wider.pool!)).toBeGreaterThan(count(pooled.pool!));
    expect(searchCost(model, wider.lines!)).toBeCloseTo(searchCost(model, pooled.lines!), 6);
  });
});
