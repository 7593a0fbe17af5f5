import fc from 'fast-check';
import { agentLineViolations } from './agent-rules';
import { compileRoster } from './compile-roster';
import { constructRoster } from './greedy-construction';
import { cheapestLine } from './line-pricing';
import { requestCosts } from './marginal-costs';
import { evaluateRoster } from './roster-objective';
import { buildWindow } from './roster-window';
import { EARLY, LATE, NIGHT, agent, cover, problem } from './small-rosters.fixture';
import { seededRandom } from 'src/platform/random/seeded-random';

const SHIFT = 480;

const agentArbitrary = (days: number, id: string) =>
  fc
    .record({
      minShifts: fc.integer({ min: 0, max: Math.floor(days / 3) }),
      extraShifts: fc.integer({ min: 1, max: 5 }),
      maxRun: fc.integer({ min: 2, max: 6 }),
      minRun: fc.integer({ min: 1, max: 2 }),
      minOff: fc.integer({ min: 1, max: 3 }),
      maxWeekends: fc.integer({ min: 0, max: 3 }),
      nights: fc.integer({ min: 0, max: 4 }),
      dayOff: fc.integer({ min: 0, max: days - 1 }),
      runBefore: fc.integer({ min: -3, max: 3 }),
    })
    .map((r) =>
      agent(
        id,
        {
          fixedDaysOff: [r.dayOff],
          requests: [{ day: (r.dayOff + 3) % days, kind: 'off', weight: 2 }],
          ...(r.runBefore !== 0 ? { runBefore: { working: r.runBefore > 0, days: Math.abs(r.runBefore) } } : {}),
        },
        {
          minMinutes: r.minShifts * SHIFT,
          maxMinutes: (r.minShifts + r.extraShifts) * SHIFT,
          maxConsecutiveWorkDays: r.maxRun,
          minConsecutiveWorkDays: r.minRun,
          minConsecutiveDaysOff: r.minOff,
          maxWeekends: r.maxWeekends,
          maxShiftsByType: { N: r.nights },
        },
      ),
    );

const caseArbitrary = fc.integer({ min: 14, max: 28 }).chain((days) =>
  fc.record({
    days: fc.constant(days),
    agents: fc
      .integer({ min: 2, max: 5 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => agentArbitrary(days, `a${k}`)))),
    from: fc.integer({ min: 0, max: days - 1 }),
    length: fc.integer({ min: 1, max: 14 }),
    picks: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    seed: fc.integer({ min: 1, max: 10_000 }),
  }),
);

describe('buildWindow (exact)', () => {
  it('is the roster restricted to a block of agents and days: any valid line of the window is valid in the roster, and costs the same difference', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const p = problem(
          c.days,
          [EARLY, LATE, NIGHT],
          c.agents,
          [...cover(c.days, 'E', 2, 20, 1), ...cover(c.days, 'L', 1, 20, 1), ...cover(c.days, 'N', 1, 20, 1)],
          {
            rules: { minRestMinutes: 11 * 60 },
          },
        );
        const model = compileRoster(p);
        const built = constructRoster(model, { shouldStop: () => false });
        // Only valid rosters are windowed (an agent whose rules admit no line is eased first in a solve).
        fc.pre(built.withoutLine.length === 0);
        const block = c.agents.map((_, a) => a).filter((a) => c.picks[a] || a === 0);
        const to = Math.min(c.days, c.from + c.length);
        const win = buildWindow(model, built.lines, { agents: block, from: c.from, to, mode: 'exact' });
        win.model.agents.forEach((a, k) => expect(agentLineViolations(win.model, a, win.lines[k])).toEqual([]));
        // Other lines for the block: each agent's cheapest under random costs, in the window's own model.
        const random = seededRandom(c.seed);
        const other = win.model.agents.map((a, k) => {
          const costs = requestCosts(win.model, a);
          for (let i = 0; i < costs.cell.length; i++)
            if (Number.isFinite(costs.cell[i])) costs.cell[i] += Math.round(random() * 40 - 25);
          return cheapestLine(win.model, a, costs)?.line ?? win.lines[k];
        });
        const embedded = win.embed(other, built.lines);
        model.agents.forEach((a, k) => expect(agentLineViolations(model, a, embedded[k])).toEqual([]));
        for (let d = 0; d < c.days; d++) {
          if (d >= c.from && d < to) continue;
          embedded.forEach((line, k) => expect(line[d]).toBe(built.lines[k][d]));
        }
        const whole = evaluateRoster(model, embedded).total - evaluateRoster(model, built.lines).total;
        const part = evaluateRoster(win.model, other).total - evaluateRoster(win.model, win.lines).total;
        expect(whole).toBeCloseTo(part, 9);
      }),
      { numRuns: 60, seed: 20261202 },
    );
  });
});

describe('buildWindow (rolling, minimum within reach on demand)', () => {
  it('holds the prorated minimum until asked, then the same lowered minimum an eager window has', () => {
    const days = 84;
    // Fixed days off on most of the second four weeks: its prorated share of the minimum is out of reach.
    const offs = Array.from({ length: 20 }, (_, k) => 28 + k);
    const agents = [
      agent('a', { fixedDaysOff: offs }, { minMinutes: 40 * 480, maxMinutes: 60 * 480, maxConsecutiveWorkDays: 5 }),
      agent('b', {}, { minMinutes: 30 * 480, maxMinutes: 60 * 480, maxConsecutiveWorkDays: 5 }),
    ];
    const model = compileRoster(problem(days, [EARLY, LATE], agents, cover(days, 'E', 1)));
    const lines = model.agents.map(() => new Int32Array(days).fill(-1));
    const spec = { agents: [0, 1], from: 28, to: 56, mode: 'rolling' as const, lookahead: 7 };
    const eager = buildWindow(model, lines, spec);
    const lazy = buildWindow(model, lines, { ...spec, reachOnDemand: true });
    const lowered = eager.model.agents.map((a) => a.minMinutes);
    lazy.model.agents.forEach((a, k) => expect(a.minMinutes).toBeGreaterThanOrEqual(lowered[k]));
    expect(lazy.model.agents[0].minMinutes).toBeGreaterThan(lowered[0]);
    expect(lazy.reach(0).minMinutes).toBe(lowered[0]);
    expect(lazy.model.agents[0].minMinutes).toBe(lowered[0]);
    expect(lazy.reach(1).minMinutes).toBe(lowered[1]);
    // An eager window is settled already.
    expect(eager.reach(0)).toBe(eager.model.agents[0]);
  });
});
