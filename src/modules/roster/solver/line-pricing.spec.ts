import fc from 'fast-check';
import { agentLineViolations } from './agent-rules';
import { OFF, type CompiledAgent, type CompiledRoster } from './compiled-roster';
import { compileRoster } from './compile-roster';
import { cheapestLine, type LineCosts } from './line-pricing';
import { requestCosts } from './marginal-costs';
import type { ShiftType } from './roster-model';
import { agent, cover, EARLY, problem, ruleCaseContract } from './small-rosters.fixture';

const TYPES: ShiftType[] = [
  { id: 'E', startMinutes: 0, lengthMinutes: 480 },
  { id: 'L', startMinutes: 0, lengthMinutes: 600, notFollowedBy: ['E'] },
  { id: 'N', startMinutes: 0, lengthMinutes: 720, notFollowedBy: ['E', 'L'] },
];

/** Every line of the agent, checked by the rule checker: the cheapest valid one by brute force. */
function bruteForce(model: CompiledRoster, who: CompiledAgent, costs: LineCosts): number | null {
  const n = model.duties.length;
  const line = new Int32Array(model.days);
  let best: number | null = null;
  const visit = (d: number, cost: number) => {
    if (d === model.days) {
      if (agentLineViolations(model, who, line).length === 0 && (best === null || cost < best)) best = cost;
      return;
    }
    line[d] = OFF;
    if (Number.isFinite(costs.off[d])) visit(d + 1, cost + costs.off[d]);
    for (let u = 0; u < n; u++) {
      const c = costs.cell[d * n + u];
      if (!Number.isFinite(c)) continue;
      line[d] = u;
      visit(d + 1, cost + c);
    }
    line[d] = OFF;
  };
  visit(0, 0);
  return best;
}

const rules = fc.record({
  days: fc.integer({ min: 4, max: 8 }),
  minShifts: fc.integer({ min: 0, max: 4 }),
  extra: fc.integer({ min: 0, max: 3 }),
  maxRun: fc.integer({ min: 1, max: 5 }),
  minRun: fc.integer({ min: 1, max: 3 }),
  minOff: fc.integer({ min: 1, max: 3 }),
  maxWeekends: fc.integer({ min: 0, max: 2 }),
  capL: fc.integer({ min: 0, max: 4 }),
  capN: fc.integer({ min: 0, max: 2 }),
  maxDays: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  dayOff: fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }),
  lockedDay: fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }),
  costs: fc.array(fc.integer({ min: -60, max: 40 }), { minLength: 32, maxLength: 32 }),
});

type Rules = typeof rules extends fc.Arbitrary<infer R> ? R : never;

/** The agent's own request costs plus the drawn ones, on the cells it may work. */
function drawnCosts(model: CompiledRoster, r: Pick<Rules, 'costs'>): LineCosts {
  const costs = requestCosts(model, model.agents[0]);
  for (let i = 0; i < costs.cell.length; i++)
    if (Number.isFinite(costs.cell[i])) costs.cell[i] += r.costs[i % r.costs.length];
  return costs;
}

describe('cheapestLine', () => {
  it('finds the cheapest line that keeps every rule of the agent (checked against brute force)', () => {
    fc.assert(
      fc.property(rules, (r) => {
        const who = agent(
          'a',
          { ...(r.dayOff !== undefined && r.dayOff < r.days ? { fixedDaysOff: [r.dayOff] } : {}) },
          {
            ...ruleCaseContract(r),
            maxShiftsByType: { L: r.capL, N: r.capN },
            ...(r.maxDays !== undefined ? { maxWorkDays: r.maxDays } : {}),
          },
        );
        const locked =
          r.lockedDay !== undefined && r.lockedDay < r.days && r.lockedDay !== r.dayOff
            ? [{ agentId: 'a', day: r.lockedDay, shiftTypeId: 'E' }]
            : [];
        const model = compileRoster(problem(r.days, TYPES, [who], cover(r.days, 'E', 1), { locked }));
        const compiled = model.agents[0];
        const costs = drawnCosts(model, r);
        const expected = bruteForce(model, compiled, costs);
        const budget = {};
        const found = cheapestLine(model, compiled, costs, budget);
        expect(budget).toEqual({ truncated: false, aborted: false });
        if (expected === null) {
          expect(found).toBeNull();
          return;
        }
        expect(found).not.toBeNull();
        expect(agentLineViolations(model, compiled, found!.line)).toEqual([]);
        if (found!.exact) expect(found!.cost).toBeCloseTo(expected, 9);
        else expect(found!.cost).toBeGreaterThanOrEqual(expected - 1e-9);
        expect(found!.lowerCost).toBeLessThanOrEqual(expected + 1e-9);
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it('keeps to the weekend cap on horizons of several weekends, spent weekends merged or not (checked against brute force)', () => {
    // Tuesday–Wednesday and Saturday–Sunday as weekends: eight or nine days from a Monday hold two
    // or three, so labels that can no longer reach the cap are merged within days brute force can check.
    const twoWeekendsAWeek = fc.record({
      days: fc.integer({ min: 8, max: 9 }),
      maxWeekends: fc.integer({ min: 1, max: 2 }),
      minShifts: fc.integer({ min: 0, max: 5 }),
      maxRun: fc.integer({ min: 2, max: 5 }),
      minOff: fc.integer({ min: 1, max: 2 }),
      costs: fc.array(fc.integer({ min: -60, max: 40 }), { minLength: 20, maxLength: 20 }),
    });
    // Cases whose cap is below their weekends (the cap is then part of the state, and merged).
    let capped = 0;
    fc.assert(
      fc.property(twoWeekendsAWeek, (r) => {
        const contract = ruleCaseContract({ ...r, extra: 3, minRun: 1 });
        const base = problem(r.days, TYPES.slice(0, 2), [agent('a', {}, contract)], cover(r.days, 'E', 1));
        const model = compileRoster({ ...base, horizon: { ...base.horizon, weekendDays: [2, 3, 6, 7] } });
        const compiled = model.agents[0];
        const costs = drawnCosts(model, r);
        if (model.weekends.length > r.maxWeekends) capped++;
        const expected = bruteForce(model, compiled, costs);
        for (const mergeSpentWeekends of [false, true]) {
          const found = cheapestLine(model, compiled, costs, { mergeSpentWeekends });
          if (expected === null) {
            expect(found).toBeNull();
            continue;
          }
          expect(agentLineViolations(model, compiled, found!.line)).toEqual([]);
          expect(found!.exact).toBe(true);
          expect(found!.cost).toBeCloseTo(expected, 9);
        }
      }),
      { numRuns: 40, seed: 20261207 },
    );
    expect(capped).toBeGreaterThanOrEqual(20);
  });

  it('adds next-cheapest lines when asked: each keeps every rule, none repeats, cheapest first when exact', () => {
    let seenOthers = 0;
    fc.assert(
      fc.property(rules, (r) => {
        // Three caps: one is left to penalty rounds (two are tracked), which the next-cheapest lines must keep too.
        const who = agent(
          'a',
          {},
          { ...ruleCaseContract(r), maxShiftsByType: { E: r.capL + 1, L: r.capL, N: r.capN } },
        );
        const model = compileRoster(problem(r.days, TYPES, [who], cover(r.days, 'E', 1)));
        const compiled = model.agents[0];
        const costs = drawnCosts(model, r);
        const found = cheapestLine(model, compiled, costs, { alternatives: 3 });
        if (!found) return;
        const lines = [found.line, ...(found.others ?? [])];
        expect(lines.length).toBeLessThanOrEqual(4);
        seenOthers += lines.length - 1;
        const priced = lines.map((line) => {
          expect(agentLineViolations(model, compiled, line)).toEqual([]);
          return line.reduce(
            (sum, duty, d) => sum + (duty === OFF ? costs.off[d] : costs.cell[d * model.duties.length + duty]),
            0,
          );
        });
        expect(new Set(lines.map((line) => line.join(','))).size).toBe(lines.length);
        // Cheapest first by the costs asked (after penalty rounds, by the penalised ones).
        if (found.exact)
          for (let k = 1; k < priced.length; k++) expect(priced[k]).toBeGreaterThanOrEqual(priced[k - 1] - 1e-9);
      }),
      { numRuns: 200, seed: 20261205 },
    );
    // The property held on lines that exist, not on empty lists only.
    expect(seenOthers).toBeGreaterThan(100);
  });

  it('keeps to a label budget and says so: the line is still valid, only not proven cheapest', () => {
    const who = agent(
      'a',
      {},
      {
        minMinutes: 10 * 480,
        maxMinutes: 14 * 720,
        maxConsecutiveWorkDays: 5,
        minConsecutiveWorkDays: 2,
        minConsecutiveDaysOff: 2,
        maxWeekends: 2,
        maxShiftsByType: { N: 3, L: 6 },
      },
    );
    const model = compileRoster(problem(21, TYPES, [who], cover(21, 'E', 1)));
    const costs = requestCosts(model, model.agents[0]);
    for (let i = 0; i < costs.cell.length; i++) if (Number.isFinite(costs.cell[i])) costs.cell[i] -= (i * 37) % 50;
    const budget = { maxLabels: 5 };
    const found = cheapestLine(model, model.agents[0], costs, budget);
    expect(budget).toMatchObject({ truncated: true });
    expect(found).not.toBeNull();
    expect(agentLineViolations(model, model.agents[0], found!.line)).toEqual([]);
    expect(found!.exact).toBe(false);
    expect(found!.lowerCost).toBe(Number.NEGATIVE_INFINITY);
    const exact = cheapestLine(model, model.agents[0], costs)!;
    expect(exact.exact).toBe(true);
    expect(exact.cost).toBeLessThanOrEqual(found!.cost);
  });

  it('prices a cap above the default exactly when asked (a counter, not penalty rounds): a proven bound', () => {
    // Caps like "at most 12 of a type in 28 days" are common in the public files; left to penalty
    // rounds the line is valid but its `lowerCost` ignores the cap (a weak bound).
    const day: ShiftType = { id: 'D', startMinutes: 8 * 60, lengthMinutes: 480 };
    const who = agent('a', {}, { maxShiftsByType: { D: 12 } });
    const model = compileRoster(problem(28, [EARLY, day], [who], cover(28, 'E', 1)));
    const costs = requestCosts(model, model.agents[0]);
    model.duties.forEach((duty, u) => {
      for (let d = 0; d < 28; d++)
        costs.cell[d * model.duties.length + u] = duty.type === model.typeIds.indexOf('D') ? -10 : -1;
    });
    const found = cheapestLine(model, model.agents[0], costs, { trackedCap: 12 })!;
    expect(found).toMatchObject({ exact: true, cost: -12 * 10 - 16, lowerCost: -12 * 10 - 16 });
    expect(agentLineViolations(model, model.agents[0], found.line)).toEqual([]);
    const byDefault = cheapestLine(model, model.agents[0], costs)!;
    expect(byDefault).toMatchObject({ exact: false, lowerCost: -28 * 10 });
    expect(byDefault.cost).toBeGreaterThanOrEqual(found.cost);
  });

  it('stops when asked and reports it, instead of claiming the agent has no line', () => {
    const who = agent('a', {}, { minMinutes: 10 * 480, maxMinutes: 14 * 720, maxConsecutiveWorkDays: 5 });
    const model = compileRoster(problem(21, TYPES, [who], cover(21, 'E', 1)));
    const budget = { shouldStop: () => true };
    expect(cheapestLine(model, model.agents[0], requestCosts(model, model.agents[0]), budget)).toBeNull();
    expect(budget).toMatchObject({ aborted: true });
  });

  it('a beam trying one longest shift beyond its breadth still reaches a minimum only long shifts reach', () => {
    // Two long types (N and a second 12 h one): the minimum needs five 12 h shifts in a week of at most five worked.
    const types = [...TYPES, { id: 'M', startMinutes: 0, lengthMinutes: 720, notFollowedBy: ['E', 'L'] }];
    const who = agent('a', {}, { minMinutes: 5 * 720, maxMinutes: 5 * 720, maxConsecutiveWorkDays: 5 });
    const model = compileRoster(problem(7, types, [who], cover(7, 'E', 1)));
    const costs = requestCosts(model, model.agents[0]);
    // The 12 h shifts are the dearest: the cheapest shift alone never reaches the minimum.
    model.duties.forEach((duty, u) => {
      for (let d = 0; d < 7; d++) if (duty.minutes === 720) costs.cell[d * model.duties.length + u] += 50 + u;
    });
    for (const oneLongest of [false, true]) {
      const found = cheapestLine(model, model.agents[0], costs, { maxLabels: 4, successors: 1, oneLongest });
      expect(found).not.toBeNull();
      expect(agentLineViolations(model, model.agents[0], found!.line)).toEqual([]);
    }
  });
});
